import type { IncubationEntry, IncubationNeed, IncubationState } from '@psc/contracts/socialorg';
import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

export interface StoredAssessment {
  scores: Record<string, number>;
  total: number;
  passed: boolean;
  comment: string;
  by: string;
  at: Date;
}

/** One organisation's stay at a 孵化基地, from its application on. Every step bumps `revision` and adds to `history`. */
export interface Incubation {
  _id: string;
  revision: number;
  orgId: string;
  /** as registered when it applied, for the boards */
  orgName: string;
  /** the 党群服务中心 (street or community) running the base, and every scope it lies within */
  baseId: string;
  placePath: string[];
  state: IncubationState;
  /**
   * The organisation's id while the stay is active, the stay's own id once it ended: a unique index on it lets
   * an organisation hold one active application or incubation at a time, whichever replica takes the request.
   */
  activeKey: string;
  plan: string;
  needs: IncubationNeed[];
  teamSize: number;
  attachments: string[];
  appliedAt: Date;
  appliedBy: string;
  period: { from: string; until: string } | null;
  mentor: { name: string; affiliation: string; expertise: string; since: Date } | null;
  trainings: { title: string; on: string; hours: number; provider: string; recordedAt: Date }[];
  assessment: StoredAssessment | null;
  history: IncubationEntry[];
}

export const INCUBATION_MODEL = 'Incubation';

export const incubationSchema = new Schema<Incubation>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    orgId: { type: String, required: true, index: true },
    orgName: { type: String, required: true },
    baseId: { type: String, required: true },
    placePath: { type: [String], required: true, index: true },
    state: { type: String, required: true },
    activeKey: { type: String, required: true, unique: true },
    plan: { type: String, required: true },
    needs: { type: [String], required: true },
    teamSize: { type: Number, required: true },
    attachments: { type: [String], default: [] },
    appliedAt: { type: Date, required: true },
    appliedBy: { type: String, required: true },
    period: { type: Schema.Types.Mixed, default: null },
    mentor: { type: Schema.Types.Mixed, default: null },
    trainings: { type: Schema.Types.Mixed, default: [] },
    assessment: { type: Schema.Types.Mixed, default: null },
    history: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'incubations', versionKey: false, minimize: false },
);
incubationSchema.plugin(outboxPlugin);
