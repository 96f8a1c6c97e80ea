import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CLOCK, systemClock } from '@psc/server-kit';
import { AffairsDashboardConsumer } from './affairs-dashboard.consumer';
import { CounterBucketsBackfillService } from './counter-buckets-backfill.service';
import { DashboardController } from './dashboard.controller';
import { COUNTER_MODELS, MEMO_MODEL, memoSchema } from './dashboard.model';
import { MemoRepository } from './memo.repository';
import { RoomsDashboardConsumer } from './rooms-dashboard.consumer';
import { ScreenController } from './screen.controller';
import { SocialorgDashboardConsumer } from './socialorg-dashboard.consumer';
import { VolunteerDashboardConsumer } from './volunteer-dashboard.consumer';

/** A new source adds its facts, its consumer, its counters model and its section of the report. */
@Module({
  imports: [MongooseModule.forFeature([...COUNTER_MODELS, { name: MEMO_MODEL, schema: memoSchema }])],
  controllers: [
    DashboardController,
    ScreenController,
    AffairsDashboardConsumer,
    VolunteerDashboardConsumer,
    SocialorgDashboardConsumer,
    RoomsDashboardConsumer,
  ],
  providers: [MemoRepository, CounterBucketsBackfillService, { provide: CLOCK, useValue: systemClock }],
})
export class DashboardModule {}
