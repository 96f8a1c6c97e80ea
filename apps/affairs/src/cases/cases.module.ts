import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { APP_CONFIG } from '@psc/server-kit';
import { CatalogueCopyModule } from '../catalogue-copy/catalogue-copy.module';
import type { AffairsConfig } from '../config';
import { CaseNumbersService } from './case-numbers.service';
import { CASE_MODEL, caseSchema } from './case.model';
import { CaseRepository } from './case.repository';
import { CaseIntakeService } from './case-intake.service';
import { CaseKeysBackfillService } from './case-keys-backfill.service';
import { CaseLookupService } from './case-lookup.service';
import { CaseQueriesService } from './case-queries.service';
import { CaseRatingService } from './case-rating.service';
import { CaseRectificationService } from './case-rectification.service';
import { CaseSecrets } from './case-secrets';
import { CaseStepsService } from './case-steps.service';
import { CasesController } from './cases.controller';
import { SlaWatchService } from './sla-watch.service';

@Module({
  imports: [CatalogueCopyModule, MongooseModule.forFeature([{ name: CASE_MODEL, schema: caseSchema }])],
  controllers: [CasesController],
  providers: [
    CaseRepository,
    {
      provide: CaseSecrets,
      inject: [APP_CONFIG],
      useFactory: (config: AffairsConfig) => new CaseSecrets(config.CASE_LOOKUP_KEY),
    },
    CaseIntakeService,
    CaseStepsService,
    CaseRatingService,
    CaseRectificationService,
    CaseLookupService,
    CaseQueriesService,
    CaseNumbersService,
    SlaWatchService,
    CaseKeysBackfillService,
  ],
})
export class CasesModule {}
