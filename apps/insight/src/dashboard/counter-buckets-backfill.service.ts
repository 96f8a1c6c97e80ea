import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { DashboardGrain } from '@psc/contracts/insight';
import type { Model } from 'mongoose';
import {
  AFFAIRS_COUNTERS_MODEL,
  type CounterDoc,
  ROOMS_COUNTERS_MODEL,
  SOCIALORG_COUNTERS_MODEL,
  VOLUNTEER_COUNTERS_MODEL,
} from './dashboard.model';
import { bucketId } from './periods';

const DONE = 'counter-buckets';

/** The bucket of a period document from its `_id` (`<place>|<grain>|<period>`); null for a place's levels. */
export function bucketOfId(id: string): string | null {
  const [place, grain, period] = id.split('|');
  if (period === undefined || !['day', 'week', 'month'].includes(grain)) return null;
  return bucketId(place, grain as DashboardGrain, period);
}

/**
 * Gives the period documents a store held before `bucket` existed their bucket: without it the dashboard, which
 * reads by bucket, would not see them. Finding them reads every counter, so it is done once per store and recorded
 * in `migrations`. It also waits for the `bucket` indexes (and so the store's GIN twins of them) before the first
 * request, so no dashboard read falls back to a scan while they are built.
 */
@Injectable()
export class CounterBucketsBackfillService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CounterBucketsBackfillService.name);
  private readonly models: Model<CounterDoc>[];

  constructor(
    @InjectModel(AFFAIRS_COUNTERS_MODEL) affairs: Model<CounterDoc>,
    @InjectModel(VOLUNTEER_COUNTERS_MODEL) volunteer: Model<CounterDoc>,
    @InjectModel(SOCIALORG_COUNTERS_MODEL) socialorg: Model<CounterDoc>,
    @InjectModel(ROOMS_COUNTERS_MODEL) rooms: Model<CounterDoc>,
  ) {
    this.models = [affairs, volunteer, socialorg, rooms];
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.models.map((model) => model.init()));
    const migrations = this.models[0].db.collection<{ _id: string; at: Date }>('migrations');
    if (await migrations.findOne({ _id: DONE })) return;
    let given = 0;
    for (const model of this.models) {
      const bucketless = await model
        .find({ bucket: { $exists: false } }, { _id: 1 })
        .lean<Pick<CounterDoc, '_id'>[]>();
      for (const { _id } of bucketless) {
        const bucket = bucketOfId(_id);
        if (bucket === null) continue;
        await model.updateOne({ _id, bucket: { $exists: false } }, { $set: { bucket } });
        given++;
      }
    }
    await migrations.updateOne({ _id: DONE }, { $set: { at: new Date() } }, { upsert: true });
    if (given > 0) this.logger.log({ documents: given }, 'dashboard counters given their buckets');
  }
}
