import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Effects } from '@psc/messaging';
import type { Model } from 'mongoose';
import { CLOCK_MODEL, type ClockDoc } from './dashboard.model';

const REMEMBERED = 50_000;

/**
 * Start instants an ending event needs (acceptance for the handling time, issue for the wait). A batch's effects are
 * stored only after all its handlers ran, so a start and its end in one batch are joined here in memory; an end in
 * a later batch finds its start in the store. Replayed batches pass their starts through here again.
 */
@Injectable()
export class ClockRepository {
  private readonly recent = new Map<string, Date>();

  constructor(@InjectModel(CLOCK_MODEL) private readonly clocks: Model<ClockDoc>) {}

  start(effects: Effects, key: string, at: Date): void {
    this.recent.delete(key);
    this.recent.set(key, at);
    if (this.recent.size > REMEMBERED) this.recent.delete(this.recent.keys().next().value as string);
    effects.upsert(this.clocks as never, key, { $set: { at } });
  }

  async startOf(key: string): Promise<Date | null> {
    const known = this.recent.get(key);
    if (known) return known;
    const stored = await this.clocks.findById(key).lean<ClockDoc>();
    return stored ? new Date(stored.at) : null;
  }
}
