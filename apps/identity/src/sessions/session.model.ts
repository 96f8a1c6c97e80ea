import { Schema } from 'mongoose';

/** One signed-in session (token `sid`): a kiosk visit or a staff login (then also the refresh-token family id). */
export interface Session {
  _id: string;
  kind: 'staff' | 'resident';
  subjectId: string;
  startedAt: Date;
  /** after this no token of the session is valid anyway, so the document can be pruned */
  expiresAt: Date;
  endedAt?: Date;
}

export const SESSION_MODEL = 'Session';

export const sessionSchema = new Schema<Session>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true, enum: ['staff', 'resident'] },
    subjectId: { type: String, required: true },
    startedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true, index: true },
    endedAt: { type: Date },
  },
  { collection: 'sessions', versionKey: false },
);
