import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

export const CORRECTION_MODEL = 'Correction';

/** A volunteer's request to correct an entry (民政部令第67号): the centre must verify and answer it. */
export interface Correction {
  _id: string;
  entryId: string;
  volunteerId: string;
  centreId: string;
  minutesRecorded: number;
  minutesClaimed: number;
  reason: string;
  state: 'pending' | 'accepted' | 'refused';
  /** the entry while the request is pending, the request's own id once answered: one open request per entry */
  openKey: string;
  reply: string | null;
  answeredBy: string | null;
  requestedAt: Date;
  answeredAt: Date | null;
}

export const correctionSchema = new Schema<Correction>(
  {
    _id: { type: String, required: true },
    entryId: { type: String, required: true },
    volunteerId: { type: String, required: true },
    centreId: { type: String, required: true },
    minutesRecorded: { type: Number, required: true },
    minutesClaimed: { type: Number, required: true },
    reason: { type: String, required: true },
    state: { type: String, required: true },
    openKey: { type: String, required: true },
    reply: { type: String, default: null },
    answeredBy: { type: String, default: null },
    requestedAt: { type: Date, required: true },
    answeredAt: { type: Date, default: null },
  },
  { collection: 'corrections', versionKey: false, minimize: false },
);
correctionSchema.plugin(outboxPlugin);
correctionSchema.index({ openKey: 1 }, { unique: true });
correctionSchema.index({ volunteerId: 1 });
correctionSchema.index({ centreId: 1 });
