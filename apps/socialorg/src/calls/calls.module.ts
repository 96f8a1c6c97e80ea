import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CLOCK, systemClock } from '@psc/server-kit';
import { CALL_MODEL, callSchema } from './call.model';
import { CallRepository } from './call.repository';
import { CallDraftingService } from './call-drafting.service';
import { CallObjectionsService } from './call-objections.service';
import { CallQueriesService } from './call-queries.service';
import { CallStepsService } from './call-steps.service';
import { CallsController } from './calls.controller';
import { InterimOrganisationDirectory } from './interim-organisation-directory.provider';
import { ORGANISATION_DIRECTORY } from './organisation-directory.port';

/** Calls for proposals, their 公示 and award, and the fund every amount of theirs moves through. */
@Module({
  imports: [MongooseModule.forFeature([{ name: CALL_MODEL, schema: callSchema }])],
  controllers: [CallsController],
  providers: [
    CallRepository,
    CallDraftingService,
    CallStepsService,
    CallObjectionsService,
    CallQueriesService,
    // the merge points this at the organisation registry's OrganisationDirectory
    { provide: ORGANISATION_DIRECTORY, useClass: InterimOrganisationDirectory },
    // the projects' modules take the time from here (the service's shared module may provide it once merged)
    { provide: CLOCK, useValue: systemClock },
  ],
  exports: [CallRepository, ORGANISATION_DIRECTORY, CLOCK],
})
export class CallsModule {}
