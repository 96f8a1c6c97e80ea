import type {
  AggregationRule,
  CallKind,
  CallState,
  Criterion,
  EligibilityRule,
  RankingEntryView,
  StepRecord,
  TieBreakStep,
} from '@psc/contracts/socialorg';
import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';
import type { LedgerEntry } from '../payments/ledger';

export interface Objection {
  objectionId: string;
  applicationId: string | null;
  text: string;
  raisedBy: string;
  raisedByOrg: string | null;
  raisedAt: Date;
  answer: string | null;
  upheld: boolean | null;
  answeredBy: string | null;
  answeredAt: Date | null;
}

/** An application awarded: the money is in the ledger under its id, the agreement it was signed under here. */
export interface Award {
  applicationId: string;
  orgId: string;
  orgName: string;
  streetId: string;
  title: string;
  amountFen: number;
  agreementId: string | null;
}

/**
 * A call for proposals (申报指南) and its fund. The ledger of every amount awarded, paid and given back lives in
 * the same document as the awards, so that each movement of money is one conditional write on `revision`.
 */
export interface Call {
  _id: string;
  revision: number;
  kind: CallKind;
  title: string;
  description: string;
  ownerScope: string;
  budgetFen: number;
  opensAt: Date;
  closesAt: Date;
  publicityDays: number;
  passMark: number;
  aggregation: AggregationRule;
  minReviewers: number;
  criteria: Criterion[];
  tieBreak: TieBreakStep[];
  eligibility: EligibilityRule[];
  state: CallState;
  createdAt: Date;
  createdBy: string;
  /** the entries carry the organisation's street, which the award's events report */
  ranking: { rankedAt: Date; entries: (RankingEntryView & { streetId: string })[] } | null;
  publicity: { startedAt: Date; lastDay: string; endsAt: Date } | null;
  objections: Objection[];
  awards: Award[];
  ledger: LedgerEntry[];
  history: StepRecord[];
}

export const CALL_MODEL = 'Call';

export const callSchema = new Schema<Call>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    kind: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    ownerScope: { type: String, required: true },
    budgetFen: { type: Number, required: true },
    opensAt: { type: Date, required: true },
    closesAt: { type: Date, required: true },
    publicityDays: { type: Number, required: true },
    passMark: { type: Number, required: true },
    aggregation: { type: String, required: true },
    minReviewers: { type: Number, required: true },
    criteria: { type: Schema.Types.Mixed, required: true },
    tieBreak: { type: Schema.Types.Mixed, required: true },
    eligibility: { type: Schema.Types.Mixed, default: [] },
    state: { type: String, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    ranking: { type: Schema.Types.Mixed, default: null },
    publicity: { type: Schema.Types.Mixed, default: null },
    objections: { type: Schema.Types.Mixed, default: [] },
    awards: { type: Schema.Types.Mixed, default: [] },
    ledger: { type: Schema.Types.Mixed, default: [] },
    history: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'calls', versionKey: false, minimize: false },
);
callSchema.plugin(outboxPlugin);
callSchema.index({ state: 1 });
