import type {
  AgreementState,
  EvaluationGrade,
  MilestoneState,
  StepRecord,
  TrancheRelease,
} from '@psc/contracts/socialorg';
import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

export interface Milestone {
  key: string;
  name: string;
  dueOn: string;
  state: MilestoneState;
  report: {
    summary: string;
    evidence: string[];
    kpis: { name: string; actual: number }[];
    by: string;
    at: Date;
  } | null;
  decision: { decision: 'accept' | 'return'; comment: string; by: string; at: Date } | null;
}

/** A tranche as agreed; what was paid of it is in the call's ledger, never here. */
export interface Tranche {
  tranche: number;
  releaseOn: TrancheRelease;
  milestone: string | null;
  percent: number | null;
  amountFen: number;
}

/**
 * The agreement of one award, `_id` derived from the application's, so a retried signing finds its own. Its money —
 * contracted, paid, given back — is the call's ledger under the application's id.
 */
export interface Agreement {
  _id: string;
  revision: number;
  callId: string;
  applicationId: string;
  orgId: string;
  orgName: string;
  streetId: string;
  title: string;
  state: AgreementState;
  signedOn: string;
  endsOn: string;
  split: 'percent' | 'amount';
  contractedFen: number;
  milestones: Milestone[];
  tranches: Tranche[];
  evaluation: { grade: EvaluationGrade; score: number; comment: string; by: string; at: Date } | null;
  createdAt: Date;
  createdBy: string;
  history: StepRecord[];
}

export const AGREEMENT_MODEL = 'Agreement';

export const agreementSchema = new Schema<Agreement>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    callId: { type: String, required: true },
    applicationId: { type: String, required: true },
    orgId: { type: String, required: true },
    orgName: { type: String, required: true },
    streetId: { type: String, required: true },
    title: { type: String, required: true },
    state: { type: String, required: true },
    signedOn: { type: String, required: true },
    endsOn: { type: String, required: true },
    split: { type: String, required: true },
    contractedFen: { type: Number, required: true },
    milestones: { type: Schema.Types.Mixed, required: true },
    tranches: { type: Schema.Types.Mixed, required: true },
    evaluation: { type: Schema.Types.Mixed, default: null },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    history: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'agreements', versionKey: false, minimize: false },
);
agreementSchema.plugin(outboxPlugin);
agreementSchema.index({ callId: 1 });
agreementSchema.index({ orgId: 1 });
