import type {
  AssessmentGrade,
  ClaimState,
  SchemeState,
  StepRecord,
  SubsidyKind,
} from '@psc/contracts/socialorg';
import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';
import type { LedgerEntry } from '../payments/ledger';

/** A subsidy scheme (以奖代补, or the party-branch start-up fund) and its fund's ledger, in one document. */
export interface Scheme {
  _id: string;
  revision: number;
  kind: SubsidyKind;
  name: string;
  ownerScope: string;
  budgetFen: number;
  /** 以奖代补: grade → amount */
  gradeAmounts: { grade: AssessmentGrade; amountFen: number }[];
  /** start-up fund: the amount per organisation and the formation window */
  amountFen: number | null;
  formedFrom: string | null;
  formedTo: string | null;
  branchKinds: ('branch' | 'joint_branch' | 'group')[];
  state: SchemeState;
  createdAt: Date;
  createdBy: string;
  ledger: LedgerEntry[];
  history: StepRecord[];
}

/**
 * A claim. Its `_id` is what makes it once only: `SF.<orgId>` for the start-up fund (once per organisation, whichever
 * scheme), `GA.<schemeId>.<orgId>` for 以奖代补 (once per scheme); a second insert meets the first.
 */
export interface Claim {
  _id: string;
  revision: number;
  schemeId: string;
  kind: SubsidyKind;
  orgId: string;
  orgName: string;
  streetId: string;
  grade: AssessmentGrade | null;
  amountFen: number;
  state: ClaimState;
  basis: string;
  evidence: string[];
  payment: { voucher: string; paidOn: string } | null;
  claimedAt: Date;
  claimedBy: string;
  history: StepRecord[];
}

export const SCHEME_MODEL = 'SubsidyScheme';
export const CLAIM_MODEL = 'SubsidyClaim';

export const schemeSchema = new Schema<Scheme>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    kind: { type: String, required: true },
    name: { type: String, required: true },
    ownerScope: { type: String, required: true },
    budgetFen: { type: Number, required: true },
    gradeAmounts: { type: Schema.Types.Mixed, default: [] },
    amountFen: { type: Number, default: null },
    formedFrom: { type: String, default: null },
    formedTo: { type: String, default: null },
    branchKinds: { type: [String], default: [] },
    state: { type: String, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    ledger: { type: Schema.Types.Mixed, default: [] },
    history: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'subsidy_schemes', versionKey: false, minimize: false },
);
schemeSchema.plugin(outboxPlugin);

export const claimSchema = new Schema<Claim>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    schemeId: { type: String, required: true },
    kind: { type: String, required: true },
    orgId: { type: String, required: true },
    orgName: { type: String, required: true },
    streetId: { type: String, required: true },
    grade: { type: String, default: null },
    amountFen: { type: Number, required: true },
    state: { type: String, required: true },
    basis: { type: String, required: true },
    evidence: { type: [String], default: [] },
    payment: { type: Schema.Types.Mixed, default: null },
    claimedAt: { type: Date, required: true },
    claimedBy: { type: String, required: true },
    history: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'subsidy_claims', versionKey: false, minimize: false },
);
claimSchema.plugin(outboxPlugin);
claimSchema.index({ schemeId: 1 });
claimSchema.index({ orgId: 1 });
