import type { ActivityCategory } from '@psc/contracts/volunteer';
import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

export const ACTIVITY_MODEL = 'Activity';

export interface Activity {
  _id: string;
  title: string;
  description: string;
  centreId: string;
  orgId: string | null;
  organiserName: string;
  place: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  skills: string[];
  category: ActivityCategory;
  teamId: string | null;
  projectId: string | null;
  /** the check-in code, fixed for the activity and printed on its QR poster */
  code: string;
  /** places taken and the waiting list's length, moved with each sign-up and cancellation */
  confirmed: number;
  waiting: number;
  approved: boolean;
  publishedBy: string;
  publishedAt: Date;
}

export const activitySchema = new Schema<Activity>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    centreId: { type: String, required: true },
    orgId: { type: String, default: null },
    organiserName: { type: String, required: true },
    place: { type: String, required: true },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    capacity: { type: Number, required: true },
    skills: { type: [String], default: [] },
    category: { type: String, required: true },
    teamId: { type: String, default: null },
    projectId: { type: String, default: null },
    code: { type: String, required: true },
    confirmed: { type: Number, default: 0 },
    waiting: { type: Number, default: 0 },
    approved: { type: Boolean, default: false },
    publishedBy: { type: String, required: true },
    publishedAt: { type: Date, required: true },
  },
  { collection: 'activities', versionKey: false, minimize: false },
);
activitySchema.plugin(outboxPlugin);
activitySchema.index({ centreId: 1 });
activitySchema.index({ code: 1 });
