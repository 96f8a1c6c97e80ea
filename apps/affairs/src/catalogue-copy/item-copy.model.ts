import type { EventData } from '@psc/contracts';
import type { ItemContent } from '@psc/contracts/catalogue';
import { Schema } from 'mongoose';

/** A catalogue item version as this service received it; cases are opened against these, never a live call. */
export interface ItemCopy {
  _id: string;
  code: string;
  version: number;
  content: ItemContent;
  publishedAt: Date;
}

export const ITEM_COPY_MODEL = 'ItemCopy';
export const copyId = (code: string, version: number) => `${code}@${version}`;
export const toCopy = (data: EventData<'catalogue.item.published'>): ItemCopy => ({
  _id: copyId(data.code, data.version),
  code: data.code,
  version: data.version,
  content: data.content,
  publishedAt: new Date(data.publishedAt),
});

export const itemCopySchema = new Schema<ItemCopy>(
  {
    _id: { type: String, required: true },
    code: { type: String, required: true },
    version: { type: Number, required: true },
    content: { type: Schema.Types.Mixed, required: true },
    publishedAt: { type: Date, required: true },
  },
  { collection: 'item_versions', versionKey: false, minimize: false, strict: false },
);
// a version not yet in memory is looked up by code: from an index, not by reading every version
itemCopySchema.index({ code: 1 });
