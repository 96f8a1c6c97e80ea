import type { ActivityCategory, HourKind } from '@psc/contracts/volunteer';
import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

export const LEDGER_ENTRY_MODEL = 'LedgerEntry';

export type EntrySource = 'attendance' | 'wish' | 'proxy' | 'honour' | 'correction';

/**
 * One line of the hours ledger, inserted once and never changed. `_id` is derived from what it is for
 * (`att:<activity>:<volunteer>`, `wish:<id>`, `proxy:<case>`, `rev:<entry>`, `cor:<request>`), so a replayed
 * command or event meets the existing entry instead of crediting twice.
 */
export interface LedgerEntry {
  _id: string;
  volunteerId: string;
  kind: HourKind;
  /** negative on a reversal */
  minutes: number;
  source: EntrySource;
  sourceRef: string;
  activityId: string | null;
  activityTitle: string | null;
  /** the activity's category, for the "五个一" count */
  category: ActivityCategory | null;
  centreId: string;
  teamId: string | null;
  projectId: string | null;
  servedOn: string;
  approvedBy: string;
  reason: string | null;
  reverses: string | null;
  at: Date;
}

export const ledgerEntrySchema = new Schema<LedgerEntry>(
  {
    _id: { type: String, required: true },
    volunteerId: { type: String, required: true },
    kind: { type: String, required: true },
    minutes: { type: Number, required: true },
    source: { type: String, required: true },
    sourceRef: { type: String, required: true },
    activityId: { type: String, default: null },
    activityTitle: { type: String, default: null },
    category: { type: String, default: null },
    centreId: { type: String, required: true },
    teamId: { type: String, default: null },
    projectId: { type: String, default: null },
    servedOn: { type: String, required: true },
    approvedBy: { type: String, required: true },
    reason: { type: String, default: null },
    reverses: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { collection: 'ledger_entries', versionKey: false, minimize: false },
);
ledgerEntrySchema.plugin(outboxPlugin);
ledgerEntrySchema.index({ volunteerId: 1 });
