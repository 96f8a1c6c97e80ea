import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

export const RECONCILIATION_MODEL = 'Reconciliation';

export interface Mismatch {
  key: string;
  field: string;
  counter: number;
  entries: number;
}

/** One run of the reconciliation, kept as proof; a failed one is published as an alarm. */
export interface Reconciliation {
  _id: string;
  at: Date;
  entries: number;
  counters: number;
  ok: boolean;
  mismatches: Mismatch[];
}

export const reconciliationSchema = new Schema<Reconciliation>(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
    entries: { type: Number, required: true },
    counters: { type: Number, required: true },
    ok: { type: Boolean, required: true },
    mismatches: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'reconciliations', versionKey: false, minimize: false },
);
reconciliationSchema.plugin(outboxPlugin);
reconciliationSchema.index({ at: 1 });
