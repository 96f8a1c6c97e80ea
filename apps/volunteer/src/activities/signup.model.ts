import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

export const SIGNUP_MODEL = 'Signup';

export type Attendance = 'signed_up' | 'checked_in' | 'checked_out' | 'approved';

/** One volunteer on one activity, `<activity>|<volunteer>`: the sign-up, then the attendance it leads to. */
export interface Signup {
  _id: string;
  activityId: string;
  volunteerId: string;
  maskedName: string;
  state: 'confirmed' | 'waiting' | 'cancelled';
  /** the waiting list's order: when the volunteer (last) signed up */
  queuedAt: Date;
  attendance: Attendance;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  closedBy: string | null;
  closeReason: string | null;
  minutes: number | null;
}

export const signupSchema = new Schema<Signup>(
  {
    _id: { type: String, required: true },
    activityId: { type: String, required: true },
    volunteerId: { type: String, required: true },
    maskedName: { type: String, required: true },
    state: { type: String, required: true },
    queuedAt: { type: Date, required: true },
    attendance: { type: String, required: true },
    checkedInAt: { type: Date, default: null },
    checkedOutAt: { type: Date, default: null },
    closedBy: { type: String, default: null },
    closeReason: { type: String, default: null },
    minutes: { type: Number, default: null },
  },
  { collection: 'signups', versionKey: false, minimize: false },
);
signupSchema.plugin(outboxPlugin);
signupSchema.index({ activityId: 1 });
signupSchema.index({ volunteerId: 1 });

export const signupId = (activityId: string, volunteerId: string) => `${activityId}|${volunteerId}`;
