import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

export const TEAM_MODEL = 'Team';

/** A 志愿服务队, led by a volunteer, belonging to a centre or to a social organisation. */
export interface Team {
  _id: string;
  name: string;
  leaderId: string;
  centreId: string | null;
  orgId: string | null;
  members: string[];
  createdAt: Date;
}

export const teamSchema = new Schema<Team>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    leaderId: { type: String, required: true },
    centreId: { type: String, default: null },
    orgId: { type: String, default: null },
    members: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
  },
  { collection: 'teams', versionKey: false, minimize: false },
);
teamSchema.plugin(outboxPlugin);
teamSchema.index({ centreId: 1 });
