import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { DomainEvent } from '@psc/contracts';
import { type Effects, OnEvent } from '@psc/messaging';
import type { Model } from 'mongoose';
import { ONE_TRIP_MODEL, type OneTripTally } from './one-trip.model';

/**
 * Counts a case when its result is delivered: only then is the number of visits final (picking the result up at
 * the window is a visit of its own).
 */
@Injectable()
export class OneTripConsumer {
  constructor(@InjectModel(ONE_TRIP_MODEL) private readonly tallies: Model<OneTripTally>) {}

  @OnEvent('affairs.case.transitioned')
  apply(event: DomainEvent<'affairs.case.transitioned'>, effects: Effects): void {
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
