import { Schema } from 'mongoose';

/**
 * One Shanghai day of searches that found nothing: `_id` is the day, `counts` maps a normalised query text to how
 * often it was reported. Text and counts only: no kiosk, no time of day, no person.
 */
export interface SearchMissDay {
  _id: string;
  counts: Record<string, number>;
  /** reports of new texts once the day held MAX_MISS_TEXTS_PER_DAY of them */
  overflow: number;
}

export const SEARCH_MISS_MODEL = 'SearchMissDay';

export const searchMissDaySchema = new Schema<SearchMissDay>(
  {
    _id: { type: String, required: true },
    counts: { type: Schema.Types.Mixed, default: {} },
    overflow: { type: Number, default: 0 },
  },
  { collection: 'search_misses', versionKey: false, minimize: false },
);
