import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Effects } from '@psc/messaging';
import type { Model } from 'mongoose';
import { MEMO_MODEL, type MemoDoc } from './dashboard.model';

const REMEMBERED = 50_000;

/**
 * What a later event needs from an earlier one: when a case was accepted or a ticket issued, an activity's centre
 * and category, a member's community and "五个一" year, an organisation's place. A batch's effects are stored only
 * after all its handlers ran, so a fact and its use in one batch are joined here in memory; a use in a later batch
 * finds it in the store. Replayed batches pass their facts through here again.
 */
@Injectable()
export class MemoRepository {
  private readonly recent = new Map<string, unknown>();

  constructor(@InjectModel(MEMO_MODEL) private readonly memos: Model<MemoDoc>) {}

  remember(effects: Effects, key: string, value: unknown): void {
    this.recent.delete(key);
    this.recent.set(key, value);
    if (this.recent.size > REMEMBERED) this.recent.delete(this.recent.keys().next().value as string);
    effects.upsert(this.memos as never, key, { $set: { value } });
  }

  async recall<T>(key: string): Promise<T | null> {
    if (this.recent.has(key)) return this.recent.get(key) as T;
    const stored = await this.memos.findById(key, { value: 1 }).lean<MemoDoc>();
    return stored ? (stored.value as T) : null;
  }

  /** A start instant (acceptance, issue, posting) for the event that ends it. */
  start(effects: Effects, key: string, at: Date): void {
    this.remember(effects, key, at.toISOString());
  }

  async startOf(key: string): Promise<Date | null> {
    const at = await this.recall<string | Date>(key);
    return at === null ? null : new Date(at);
  }
}
