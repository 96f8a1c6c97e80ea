import { Schema } from 'mongoose';

/**
 * One counter per subject and clock hour, `_id` = `otp:<id|phone|kiosk>:<key>:<hour>`: a deterministic id makes
 * every check one upsert, with no index lookup and no transaction.
 */
export interface RateCounter {
  _id: string;
  count: number;
  lastAt: Date;
  /** end of the hour; pruned by hand since the store has no TTL indexes */
  expiresAt: Date;
}

export const RATE_COUNTER_MODEL = 'RateCounter';

export const rateCounterSchema = new Schema<RateCounter>(
  {
    _id: { type: String, required: true },
    count: { type: Number, required: true },
    lastAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true, index: true },
  },
  { collection: 'rate_limits', versionKey: false },
);
