import { Schema } from 'mongoose';

type Counts = Record<string, number>;

/**
 * The counters of one place in one period (`<place>|<grain>|<period>`, e.g. `sz/futian|week|2026-W48`), kept by the
 * consumer so that a dashboard is a handful of reads by `_id`: FerretDB miscounts some `$group`s and reads slowly.
 */
export interface CounterDoc {
  _id: string;
  place: string;
  grain: string;
  period: string;
  total?: Counts;
  items?: Record<string, Counts>;
  children?: Record<string, Counts>;
  hours?: Record<string, Counts>;
}

export const AFFAIRS_COUNTERS_MODEL = 'AffairsCounters';

export const affairsCountersSchema = new Schema<CounterDoc>(
  {
    _id: String,
    place: String,
    grain: String,
    period: String,
    total: Schema.Types.Mixed,
    items: Schema.Types.Mixed,
    children: Schema.Types.Mixed,
    hours: Schema.Types.Mixed,
  },
  { collection: 'affairs_counters', versionKey: false, minimize: false },
);

/** When a case was accepted or a ticket issued, for the event that ends the wait (`case:<no>`, `ticket:<id>`). */
export interface ClockDoc {
  _id: string;
  at: Date;
}

export const CLOCK_MODEL = 'InsightClock';

export const clockSchema = new Schema<ClockDoc>(
  { _id: String, at: Date },
  { collection: 'insight_clocks', versionKey: false },
);
