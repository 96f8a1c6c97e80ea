import { Module } from '@nestjs/common';
import { CallsModule } from '../calls/calls.module';
import { ReviewStoreModule } from '../scoring/review-store.module';
import { ApplicationStoreModule } from './application-store.module';
import { ApplicationDraftingService } from './application-drafting.service';
import { ApplicationQueriesService } from './application-queries.service';
import { ApplicationStepsService } from './application-steps.service';
import { ApplicationsController } from './applications.controller';
import { EligibilityController } from './eligibility.controller';
import { EligibilityService } from './eligibility.service';

/** Applications to calls: drafted, submitted or withdrawn by their organisation, checked for eligibility. */
@Module({
  imports: [CallsModule, ApplicationStoreModule, ReviewStoreModule],
  controllers: [ApplicationsController, EligibilityController],
  providers: [
    ApplicationDraftingService,
    ApplicationStepsService,
    ApplicationQueriesService,
    EligibilityService,
  ],
})
export class ApplicationsModule {}
