import type { CaseEvent } from '@psc/contracts/affairs';
import type { CaseState, RatingChannel } from '@psc/contracts/affairs';
import type { HandlingMode, Material } from '@psc/contracts/catalogue';
import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

/** A case (办件). `_id` is the case number residents see; every change bumps `revision` and adds to `history`. */
export interface Case {
  _id: string;
  revision: number;
  centreId: string;
  /** the item version the case was opened against, with what intake and SLA need from it */
  item: {
    code: string;
    version: number;
    name: string;
    mode: HandlingMode;
    promisedDays: number;
    materials: Material[];
  };
  residentId: string;
  /** keyed hash of case number + last 6 of the ID number, for the residents' progress lookup */
  lookupHash: string;
  ticketId: string | null;
  idempotencyKey: string;
  state: CaseState;
  openedAt: Date;
  acceptedAt: Date | null;
  /** Asia/Shanghai calendar day the promised limit ends, once accepted */
  due: string | null;
  /** what the 一次性告知书 listed and is still awaited */
  missing: string[];
  /** `flagged`: the alert that the promise was broken went out */
  deferred: { names: string[]; due: string | null; supplied: boolean; flagged?: boolean };
  assignee: { kind: 'department' | 'proxy'; name: string; volunteerId?: string } | null;
  trips: number;
  rating: { score: number; comment: string | null; at: Date; via: RatingChannel } | null;
  rectification: {
    due: string;
    answer: string | null;
    answeredAt: Date | null;
    answeredBy: string | null;
    /** the overdue alert went out */
    flagged?: boolean;
  } | null;
  /** how the result reached the resident */
  deliveredVia: 'window' | 'mail' | 'online' | 'onsite' | null;
  /** the last SLA alert raised for the case */
  slaAlerted: 'due_soon' | 'overdue' | null;
  history: CaseEvent[];
  /** a step still to take or a 差评 still to answer (case-keys.ts): what alerts and working lists read by */
  live: boolean;
  /** `<centreId>|<Monday of the week opened>`: what a centre's recent cases are read by */
  centreWeek: string;
}

export const CASE_MODEL = 'Case';

export const caseSchema = new Schema<Case>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    centreId: { type: String, required: true },
    item: { type: Schema.Types.Mixed, required: true },
    residentId: { type: String, required: true },
    lookupHash: { type: String, required: true },
    ticketId: { type: String, default: null },
    idempotencyKey: { type: String, required: true },
    state: { type: String, required: true },
    openedAt: { type: Date, required: true },
    acceptedAt: { type: Date, default: null },
    due: { type: String, default: null },
    missing: { type: [String], default: [] },
    deferred: { type: Schema.Types.Mixed, required: true },
    assignee: { type: Schema.Types.Mixed, default: null },
    trips: { type: Number, required: true },
    rating: { type: Schema.Types.Mixed, default: null },
    rectification: { type: Schema.Types.Mixed, default: null },
    slaAlerted: { type: String, default: null },
    deliveredVia: { type: String, default: null },
    history: { type: Schema.Types.Mixed, default: [] },
    live: { type: Boolean, required: true },
    centreWeek: { type: String, required: true },
  },
  { collection: 'cases', versionKey: false, minimize: false },
);
caseSchema.plugin(outboxPlugin);
// a double tap at the window sends the same key twice: the second insert fails and returns the first case
caseSchema.index({ idempotencyKey: 1 }, { unique: true });
// the store serves only equality on an index's leading field (case-keys.ts): a centre's live cases by centreId
// with `live`, a resident's own by residentId, a centre's recent weeks by centreWeek
caseSchema.index({ centreId: 1, state: 1 });
caseSchema.index({ residentId: 1 });
caseSchema.index({ live: 1 });
caseSchema.index({ centreWeek: 1 });
