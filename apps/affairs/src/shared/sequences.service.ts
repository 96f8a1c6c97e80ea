import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { COUNTER_MODEL, type Counter } from './counter.model';

/**
 * Gap-free numbers per key (case numbers of a day, ticket numbers of a queue): one atomic $inc each. The store's
 * gate runs write commands on a collection one at a time, so two callers never receive the same number.
 */
@Injectable()
export class Sequences {
  constructor(@InjectModel(COUNTER_MODEL) private readonly counters: Model<Counter>) {}

  async next(key: string): Promise<number> {
    const counter = (await this.counters.collection.findOneAndUpdate(
      { _id: key as never },
      { $inc: { seq: 1 } },
      { upsert: true, returnDocument: 'after' },
    )) as Counter | null;
    if (!counter?.seq) throw new Error(`sequence ${key} returned nothing`);
    return counter.seq;
  }
}
