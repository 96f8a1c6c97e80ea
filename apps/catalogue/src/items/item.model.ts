import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

export interface Item {
  _id: string;
  code: string;
  name: string;
  theme: string;
  status: 'draft' | 'published';
  createdAt: Date;
}

export const ITEM_MODEL = 'Item';

export const itemSchema = new Schema<Item>(
  {
    _id: { type: String, required: true },
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    theme: { type: String, required: true },
    status: { type: String, required: true, enum: ['draft', 'published'] },
    createdAt: { type: Date, required: true },
  },
  { collection: 'items', versionKey: false },
);
itemSchema.plugin(outboxPlugin);
