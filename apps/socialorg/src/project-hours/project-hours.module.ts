import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AgreementsModule } from '../agreements/agreements.module';
import { ApplicationStoreModule } from '../applications/application-store.module';
import { CallsModule } from '../calls/calls.module';
import { ProjectHoursConsumer } from './project-hours.consumer';
import { ProjectHoursController } from './project-hours.controller';
import { PROJECT_HOURS_MODEL, projectHoursSchema } from './project-hours.model';
import { ProjectHoursService } from './project-hours.service';

/** Volunteer hours of purchased-service projects, from the volunteer service's ledger events. */
@Module({
  imports: [
    AgreementsModule,
    CallsModule,
    ApplicationStoreModule,
    MongooseModule.forFeature([{ name: PROJECT_HOURS_MODEL, schema: projectHoursSchema }]),
  ],
  controllers: [ProjectHoursController, ProjectHoursConsumer],
  providers: [ProjectHoursService],
})
export class ProjectHoursModule {}
