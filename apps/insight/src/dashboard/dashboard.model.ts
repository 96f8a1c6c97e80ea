import { Schema } from 'mongoose';

/** Counts as stored: `partyBuilding.branch` is kept nested, as `$inc` on a dotted path writes it. */
export type Counts = { [field: string]: number | Counts };

/**
 * The counters of one place in one period (`<place>|<grain>|<period>`, e.g. `sz/futian|week|2026-W48`), kept by the
 * consumer so that a dashboard is a handful of reads: FerretDB miscounts some `$group`s and reads slowly. `bucket`
 * (`sz/futian|week|2026`, see bucketOf) lets a range of periods be read by one indexed equality.
 */
export interface CounterDoc {
  _id: string;
  place: string;
  grain: string;
  period: string;
  bucket: string;
  total?: Counts;
  items?: Record<string, Counts>;
  children?: Record<string, Counts>;
  hours?: Record<string, Counts>;
}

export const AFFAIRS_COUNTERS_MODEL = 'AffairsCounters';
export const VOLUNTEER_COUNTERS_MODEL = 'VolunteerCounters';
export const SOCIALORG_COUNTERS_MODEL = 'SocialorgCounters';
export const ROOMS_COUNTERS_MODEL = 'RoomsCounters';

/** Each source keeps its counters in a collection of its own, so one can be dropped and replayed alone. */
export const countersSchema = (collection: string) =>
  new Schema<CounterDoc>(
    {
      _id: String,
      place: String,
      grain: String,
      period: String,
      bucket: { type: String, index: true },
      total: Schema.Types.Mixed,
      items: Schema.Types.Mixed,
      children: Schema.Types.Mixed,
      hours: Schema.Types.Mixed,
    },
    { collection, versionKey: false, minimize: false },
  );

export const COUNTER_MODELS = [
  { name: AFFAIRS_COUNTERS_MODEL, schema: countersSchema('affairs_counters') },
  { name: VOLUNTEER_COUNTERS_MODEL, schema: countersSchema('volunteer_counters') },
  { name: SOCIALORG_COUNTERS_MODEL, schema: countersSchema('socialorg_counters') },
  { name: ROOMS_COUNTERS_MODEL, schema: countersSchema('rooms_counters') },
];

/** One remembered fact (see MemoRepository), e.g. `case:<no>` → when it was accepted. */
export interface MemoDoc {
  _id: string;
  value: unknown;
}

export const MEMO_MODEL = 'InsightMemo';

export const memoSchema = new Schema<MemoDoc>(
  { _id: String, value: Schema.Types.Mixed },
  { collection: 'insight_memos', versionKey: false },
);
