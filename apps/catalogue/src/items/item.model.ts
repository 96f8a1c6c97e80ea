import type { ItemContent } from '@psc/contracts/catalogue';
import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

/** The item as its editors see it: the working draft and which version, if any, is published. `_id` is the code. */
export interface Item {
  _id: string;
  draft: ItemContent;
  /** bumped on every change of the draft: an editor saving over someone else's change is refused */
  revision: number;
  publishedVersion: number | null;
  /** the draft differs from the published version */
  dirty: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const ITEM_MODEL = 'Item';

export const itemSchema = new Schema<Item>(
  {
    _id: { type: String, required: true },
    draft: { type: Schema.Types.Mixed, required: true },
    revision: { type: Number, required: true },
    publishedVersion: { type: Number, default: null },
    dirty: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'items', versionKey: false, minimize: false },
);
itemSchema.plugin(outboxPlugin);

/** One published version, never changed afterwards: cases opened against it keep meaning what they meant. */
export interface ItemVersion {
  _id: string;
  code: string;
  version: number;
  content: ItemContent;
  publishedAt: Date;
  publishedBy: string;
}

export const ITEM_VERSION_MODEL = 'ItemVersion';
export const versionId = (code: string, version: number) => `${code}@${version}`;

export const itemVersionSchema = new Schema<ItemVersion>(
  {
    _id: { type: String, required: true },
    code: { type: String, required: true },
    version: { type: Number, required: true },
    content: { type: Schema.Types.Mixed, required: true },
    publishedAt: { type: Date, required: true },
    publishedBy: { type: String, required: true },
  },
  { collection: 'item_versions', versionKey: false, minimize: false },
);
