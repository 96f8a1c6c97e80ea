import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { shanghaiDay } from '@psc/work-calendar';
import type { Model } from 'mongoose';
import { COUNTER_MODEL, type Counter } from './case.model';

/**
 * Case numbers a resident can read out and type at a kiosk: the Shanghai date and a city-wide sequence of the day,
 * e.g. 26112300017. The sequence is one atomic $inc per case (write commands on a collection are serialised by
 * the store's gate, so two windows never get the same number).
 */
@Injectable()
export class CaseNumbers {
  constructor(@InjectModel(COUNTER_MODEL) private readonly counters: Model<Counter>) {}

  async next(now: Date): Promise<string> {
    const day = shanghaiDay(now).replace(/-/g, '').slice(2);
    const counter = await this.counters.collection.findOneAndUpdate(
      { _id: `case:${day}` as never },
      { $inc: { seq: 1 } },
      { upsert: true, returnDocument: 'after' },
    );
    const seq = (counter as Counter | null)?.seq;
    if (!seq) throw new Error('case number counter returned nothing');
    return `${day}${String(seq).padStart(5, '0')}`;
  }
}
