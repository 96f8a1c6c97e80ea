import { Schema } from 'mongoose';

/** Read models built from catalogue events; `_seen` is the consumer's record of the events applied here. */
export interface ThemeSummary {
  _id: string;
  drafted: number;
  updatedAt: Date;
}

export interface ItemView {
  _id: string;
  code: string;
  name: string;
  theme: string;
  draftedAt: Date;
}

export const THEME_SUMMARY_MODEL = 'ThemeSummary';
export const ITEM_VIEW_MODEL = 'ItemView';

export const themeSummarySchema = new Schema<ThemeSummary>(
  { _id: String, drafted: Number, updatedAt: Date },
  { collection: 'catalogue_theme_summary', versionKey: false },
);

export const itemViewSchema = new Schema<ItemView>(
  { _id: String, code: String, name: String, theme: String, draftedAt: Date },
  { collection: 'catalogue_item_view', versionKey: false },
);
