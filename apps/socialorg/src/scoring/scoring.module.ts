import { Module } from '@nestjs/common';
import { ApplicationStoreModule } from '../applications/application-store.module';
import { CallsModule } from '../calls/calls.module';
import { ReviewQueriesService } from './review-queries.service';
import { ReviewStoreModule } from './review-store.module';
import { ReviewerAssignmentService } from './reviewer-assignment.service';
import { ReviewingService } from './reviewing.service';
import { ScoringController } from './scoring.controller';
import { ScoringStepsService } from './scoring-steps.service';

/** Expert review of a call's eligible applications, and the ranking made of it. */
@Module({
  imports: [CallsModule, ApplicationStoreModule, ReviewStoreModule],
  controllers: [ScoringController],
  providers: [ScoringStepsService, ReviewerAssignmentService, ReviewingService, ReviewQueriesService],
})
export class ScoringModule {}
