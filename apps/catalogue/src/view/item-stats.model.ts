import { Schema } from 'mongoose';

/** How often each item was opened at a kiosk; written in batches, read once at start. `_id` is the item code. */
export interface ItemStats {
  _id: string;
  opened: number;
}

export const ITEM_STATS_MODEL = 'ItemStats';

export const itemStatsSchema = new Schema<ItemStats>(
  { _id: { type: String, required: true }, opened: { type: Number, required: true } },
  { collection: 'item_stats', versionKey: false },
);
