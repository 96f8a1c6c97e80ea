import { Schema } from 'mongoose';

export interface Counter {
  _id: string;
  seq: number;
}
export const COUNTER_MODEL = 'Counter';
export const counterSchema = new Schema<Counter>(
  { _id: { type: String, required: true }, seq: { type: Number, required: true } },
  { collection: 'counters', versionKey: false },
);
