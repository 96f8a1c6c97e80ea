import type {
  BudgetLine,
  EligibilityResult,
  Kpi,
  StepRecord,
  StoredApplicationState,
} from '@psc/contracts/socialorg';
import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

/** An organisation's application (申报) to a call, with the organisation's name and street as it last applied. */
export interface Application {
  _id: string;
  revision: number;
  callId: string;
  orgId: string;
  orgName: string;
  streetId: string;
  /**
   * `<callId>/<orgId>` while the application stands, under a unique index: one application per organisation per
   * call, however many requests race. Withdrawing frees it.
   */
  orgSlot: string;
  title: string;
  summary: string;
  field: string;
  requestFen: number;
  budgetLines: BudgetLine[];
  targets: string[];
  kpis: Kpi[];
  attachments: string[];
  state: StoredApplicationState;
  createdAt: Date;
  createdBy: string;
  submittedAt: Date | null;
  eligibility: { passed: boolean; checkedAt: Date; checkedBy: string; results: EligibilityResult[] } | null;
  history: StepRecord[];
}

export const APPLICATION_MODEL = 'Application';

export const applicationSchema = new Schema<Application>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    callId: { type: String, required: true },
    orgId: { type: String, required: true },
    orgName: { type: String, required: true },
    streetId: { type: String, required: true },
    orgSlot: { type: String, required: true },
    title: { type: String, required: true },
    summary: { type: String, required: true },
    field: { type: String, default: '' },
    requestFen: { type: Number, required: true },
    budgetLines: { type: Schema.Types.Mixed, required: true },
    targets: { type: [String], default: [] },
    kpis: { type: Schema.Types.Mixed, default: [] },
    attachments: { type: [String], default: [] },
    state: { type: String, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    submittedAt: { type: Date, default: null },
    eligibility: { type: Schema.Types.Mixed, default: null },
    history: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'applications', versionKey: false, minimize: false },
);
applicationSchema.plugin(outboxPlugin);
applicationSchema.index({ orgSlot: 1 }, { unique: true });
applicationSchema.index({ callId: 1 });
applicationSchema.index({ orgId: 1 });
