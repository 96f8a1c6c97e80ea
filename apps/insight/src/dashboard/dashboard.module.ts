import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AffairsDashboardConsumer } from './affairs-dashboard.consumer';
import { ClockRepository } from './clock.repository';
import { DashboardController } from './dashboard.controller';
import { AFFAIRS_COUNTERS_MODEL, affairsCountersSchema, CLOCK_MODEL, clockSchema } from './dashboard.model';

/** A new source (volunteer, socialorg) adds its consumer, its counters model and its section of the report. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: AFFAIRS_COUNTERS_MODEL, schema: affairsCountersSchema },
      { name: CLOCK_MODEL, schema: clockSchema },
    ]),
  ],
  controllers: [DashboardController, AffairsDashboardConsumer],
  providers: [ClockRepository],
})
export class DashboardModule {}
