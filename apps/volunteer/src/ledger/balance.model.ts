import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

export const BALANCE_MODEL = 'Balance';
export const POSTING_MODEL = 'Posting';
export const STAR_MARK_MODEL = 'StarMark';

/**
 * A running total, kept by the `volunteer.hours` consumer from the ledger's events (each applied once: the
 * consumer group's `_seen` guard). `_id` names what it totals: `v|<volunteer>[|<period>]`, `t|<team>[|<period>]`,
 * `c|<centre>[|<period>]`, and `cv|<centre>|<month>|<volunteer>` rows of a centre's monthly report (`report`).
 */
export interface Balance {
  _id: string;
  creditMinutes: number;
  honourMinutes: number;
  entries: number;
  report?: string;
}

export const balanceSchema = new Schema<Balance>(
  {
    _id: { type: String, required: true },
    creditMinutes: { type: Number, default: 0 },
    honourMinutes: { type: Number, default: 0 },
    entries: { type: Number, default: 0 },
    report: { type: String },
  },
  { collection: 'balances', versionKey: false, strict: false },
);
balanceSchema.index({ report: 1 });

/** An entry the balances hold: a reversal waits for its original to be posted, so no total dips below zero. */
export interface Posting {
  _id: string;
  postedAt: Date;
}

export const postingSchema = new Schema<Posting>(
  { _id: { type: String, required: true }, postedAt: { type: Date, required: true } },
  { collection: 'ledger_postings', versionKey: false, strict: false },
);

/** A star level reached, `<volunteer>|<level>`: inserted once, so its event is raised once, ever. */
export interface StarMark {
  _id: string;
  volunteerId: string;
  level: number;
  creditMinutes: number;
  at: Date;
}

export const starMarkSchema = new Schema<StarMark>(
  {
    _id: { type: String, required: true },
    volunteerId: { type: String, required: true },
    level: { type: Number, required: true },
    creditMinutes: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'star_marks', versionKey: false },
);
starMarkSchema.plugin(outboxPlugin);
starMarkSchema.index({ volunteerId: 1 });
