import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { FilesModule } from '../files/files.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { INCUBATION_MODEL, incubationSchema } from './incubation.model';
import { IncubationRepository } from './incubation.repository';
import { IncubationApplyService } from './incubation-apply.service';
import { IncubationController } from './incubation.controller';
import { IncubationQueriesService } from './incubation-queries.service';
import { IncubationStepsService } from './incubation-steps.service';
import { IncubationSupportService } from './incubation-support.service';
import { IncubationViewsService } from './incubation-views.service';
import { ROOM_CALENDAR_MODEL, roomCalendarSchema } from './room-calendar.model';
import { RoomCalendarRepository } from './room-calendar.repository';
import { RoomBookingsService } from './room-bookings.service';
import { RoomsController } from './rooms.controller';

/** The 孵化基地: applications, the base's decisions, the services of the period, and its rooms' bookings. */
@Module({
  imports: [
    OrganisationsModule,
    FilesModule,
    MongooseModule.forFeature([
      { name: INCUBATION_MODEL, schema: incubationSchema },
      { name: ROOM_CALENDAR_MODEL, schema: roomCalendarSchema },
    ]),
  ],
  controllers: [IncubationController, RoomsController],
  providers: [
    IncubationRepository,
    RoomCalendarRepository,
    IncubationViewsService,
    IncubationApplyService,
    IncubationStepsService,
    IncubationSupportService,
    IncubationQueriesService,
    RoomBookingsService,
  ],
})
export class IncubationModule {}
