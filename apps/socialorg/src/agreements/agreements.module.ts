import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ApplicationStoreModule } from '../applications/application-store.module';
import { CallsModule } from '../calls/calls.module';
import { AGREEMENT_MODEL, agreementSchema } from './agreement.model';
import { AgreementRepository } from './agreement.repository';
import { AgreementQueriesService } from './agreement-queries.service';
import { AgreementSigningService } from './agreement-signing.service';
import { AgreementStepsService } from './agreement-steps.service';
import { AgreementsController } from './agreements.controller';
import { MilestonesService } from './milestones.service';

/** Project agreements for awards: milestones, evaluation, settling or ending them. Payments are their own module. */
@Module({
  imports: [
    CallsModule,
    ApplicationStoreModule,
    MongooseModule.forFeature([{ name: AGREEMENT_MODEL, schema: agreementSchema }]),
  ],
  controllers: [AgreementsController],
  providers: [
    AgreementRepository,
    AgreementSigningService,
    MilestonesService,
    AgreementStepsService,
    AgreementQueriesService,
  ],
  exports: [AgreementRepository],
})
export class AgreementsModule {}
