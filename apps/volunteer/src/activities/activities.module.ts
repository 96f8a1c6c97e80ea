import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { LedgerModule } from '../ledger/ledger.module';
import { VolunteersModule } from '../volunteers/volunteers.module';
import { ActivitiesController, AttendanceController } from './activities.controller';
import { ActivitiesService } from './activities.service';
import { ACTIVITY_MODEL, activitySchema } from './activity.model';
import { AttendanceService } from './attendance.service';
import { SIGNUP_MODEL, signupSchema } from './signup.model';
import { SignupsService } from './signups.service';

@Module({
  imports: [
    VolunteersModule,
    LedgerModule,
    MongooseModule.forFeature([
      { name: ACTIVITY_MODEL, schema: activitySchema },
      { name: SIGNUP_MODEL, schema: signupSchema },
    ]),
  ],
  controllers: [ActivitiesController, AttendanceController],
  providers: [ActivitiesService, SignupsService, AttendanceService],
})
export class ActivitiesModule {}
