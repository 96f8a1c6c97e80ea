import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { InjectModel } from '@nestjs/mongoose';
import type { DomainEvent } from '@psc/contracts';
import { Effects, HandlesEvent } from '@psc/messaging';
import type { Model } from 'mongoose';
import { ONE_TRIP_MODEL, type OneTripTally } from './one-trip.model';

/**
 * Counts a case when its result is delivered: only then is the number of visits final (picking the result up at
 * the window is a visit of its own).
 */
@Controller()
export class OneTripConsumer {
  constructor(@InjectModel(ONE_TRIP_MODEL) private readonly tallies: Model<OneTripTally>) {}

  @HandlesEvent('affairs.case.transitioned')
  apply(@Payload() event: DomainEvent<'affairs.case.transitioned'>, @Ctx() effects: Effects): void {
    const { to, centreId, itemCode, trips, at } = event.data;
    if (to !== 'delivered') return;
    const counts = { $inc: { delivered: 1, oneTrip: trips <= 1 ? 1 : 0 } };
    const updatedAt = new Date(at);
    effects.upsert(this.tallies as never, `${centreId}|${itemCode}`, {
      ...counts,
      $set: { centreId, itemCode, updatedAt },
    });
    effects.upsert(this.tallies as never, `${centreId}|*`, {
      ...counts,
      $set: { centreId, itemCode: null, updatedAt },
    });
  }
}
