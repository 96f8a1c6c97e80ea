import { isDuplicateKey } from '@psc/persistence';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { AppError, CLOCK, type Clock, repeat, type Repeating } from '@psc/server-kit';
import { endOfHour, hourOf, rateLimitedMessage, type RateRule, retryAt } from './otp-rules';
import { RATE_COUNTER_MODEL, type RateCounter } from './rate-limit.model';

const PRUNE_EVERY_MS = 60 * 60 * 1000;

@Injectable()
export class OtpRateLimiterService implements OnModuleInit, OnModuleDestroy {
  private pruner?: Repeating;

  constructor(
    @InjectModel(RATE_COUNTER_MODEL) private readonly counters: Model<RateCounter>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Counts one send against `key`, or refuses with 429 and when to retry. One conditional upsert: when the
   * counter exists but is over its limit the filter misses, the upsert's insert collides on `_id` (E11000), and
   * only then is the counter read to say how long to wait. Refused attempts are not counted.
   */
  async hit(rule: RateRule, key: string): Promise<void> {
    const now = this.clock();
    const _id = `otp:${rule.subject}:${key}:${hourOf(now)}`;
    try {
      await this.counters.updateOne(
        { _id, count: { $lt: rule.perHour }, lastAt: { $lte: new Date(now.getTime() - rule.minIntervalMs) } },
        { $inc: { count: 1 }, $set: { lastAt: now, expiresAt: endOfHour(now) } },
        { upsert: true },
      );
      return;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const counter = await this.counters.findById(_id).lean<RateCounter>();
    const at = counter ? retryAt(rule, counter, now) : new Date(now.getTime() + rule.minIntervalMs);
    const retryAfterMs = at.getTime() - now.getTime();
    throw new AppError('IDENTITY.OTP_RATE_LIMITED', rateLimitedMessage(rule.subject, retryAfterMs), {
      limit: rule.subject,
      retryAt: at.toISOString(),
      retryAfterSeconds: Math.ceil(retryAfterMs / 1000),
    });
  }

  // counters of past hours are dead weight; no TTL index on this store, so delete them by hand
  onModuleInit(): void {
    // a failed prune only leaves dead documents a little longer: the next one takes them
    this.pruner = repeat(
      PRUNE_EVERY_MS,
      () => this.counters.deleteMany({ expiresAt: { $lt: this.clock() } }),
      () => undefined,
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.pruner?.stop();
  }
}
