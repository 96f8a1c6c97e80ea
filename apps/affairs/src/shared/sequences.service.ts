import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { COUNTER_MODEL, type Counter } from './counter.model';

/**
 * Numbers per key (case numbers of a day, ticket numbers of a queue): one atomic $inc takes `block` numbers at once.
 * The store's gate runs writes to one document one at a time, so two callers never receive the same number. With a
 * block above 1 this process hands the numbers out from memory; what a restart leaves unused is skipped.
 */
@Injectable()
export class SequencesService {
  private readonly reserved = new Map<string, { next: number; last: number }>();

  constructor(@InjectModel(COUNTER_MODEL) private readonly counters: Model<Counter>) {}

  async next(key: string, block = 1): Promise<number> {
    const held = this.reserved.get(key);
    if (held && held.next <= held.last) return held.next++;
    const counter = (await this.counters.collection.findOneAndUpdate(
      { _id: key as never },
      { $inc: { seq: block } },
      { upsert: true, returnDocument: 'after' },
    )) as Counter | null;
    if (!counter?.seq) throw new Error(`sequence ${key} returned nothing`);
    if (block > 1) this.reserved.set(key, { next: counter.seq - block + 2, last: counter.seq });
    return counter.seq - block + 1;
  }
}
