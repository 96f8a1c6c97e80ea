import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AffairsViewController } from './affairs-view.controller';
import { OneTripConsumer } from './one-trip.consumer';
import { ONE_TRIP_MODEL, oneTripSchema } from './one-trip.model';

@Module({
  imports: [MongooseModule.forFeature([{ name: ONE_TRIP_MODEL, schema: oneTripSchema }])],
  controllers: [AffairsViewController, OneTripConsumer],
})
export class AffairsViewModule {}
