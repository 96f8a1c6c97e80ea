import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { FilesModule } from '../files/files.module';
import { INCUBATION_MODEL, incubationSchema } from '../incubation/incubation.model';
import { IncubationRepository } from '../incubation/incubation.repository';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ApplicantDirectory } from './applicant-directory.service';
import { OwnFiles } from './own-files.service';
import { CALL_MODEL, callSchema } from './call.model';
import { CallRepository } from './call.repository';
import { CallDraftingService } from './call-drafting.service';
import { CallObjectionsService } from './call-objections.service';
import { CallQueriesService } from './call-queries.service';
import { CallStepsService } from './call-steps.service';
import { CallsController } from './calls.controller';

/** Calls for proposals, their 公示 and award, and the fund every amount of theirs moves through. */
@Module({
  imports: [
    OrganisationsModule,
    FilesModule,
    // the incubation base's stays, read (never written) here for whether an applicant has graduated
    MongooseModule.forFeature([
      { name: CALL_MODEL, schema: callSchema },
      { name: INCUBATION_MODEL, schema: incubationSchema },
    ]),
  ],
  controllers: [CallsController],
  providers: [
    CallRepository,
    CallDraftingService,
    CallStepsService,
    CallObjectionsService,
    CallQueriesService,
    IncubationRepository,
    ApplicantDirectory,
    OwnFiles,
  ],
  exports: [CallRepository, ApplicantDirectory, OwnFiles],
})
export class CallsModule {}
