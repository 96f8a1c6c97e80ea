import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

export const WISH_MODEL = 'Wish';

export type WishState = 'pending' | 'open' | 'rejected' | 'claimed' | 'fulfilled' | 'confirmed';

/** A 微心愿: posted by a resident at the kiosk, approved by staff, claimed and fulfilled by a volunteer. */
export interface Wish {
  _id: string;
  centreId: string;
  residentId: string;
  text: string;
  state: WishState;
  postedAt: Date;
  claimerId: string | null;
  claimedAt: Date | null;
  minutes: number | null;
  note: string | null;
  rejectReason: string | null;
}

export const wishSchema = new Schema<Wish>(
  {
    _id: { type: String, required: true },
    centreId: { type: String, required: true },
    residentId: { type: String, required: true },
    text: { type: String, required: true },
    state: { type: String, required: true },
    postedAt: { type: Date, required: true },
    claimerId: { type: String, default: null },
    claimedAt: { type: Date, default: null },
    minutes: { type: Number, default: null },
    note: { type: String, default: null },
    rejectReason: { type: String, default: null },
  },
  { collection: 'wishes', versionKey: false, minimize: false },
);
wishSchema.plugin(outboxPlugin);
wishSchema.index({ centreId: 1 });
wishSchema.index({ residentId: 1 });
wishSchema.index({ claimerId: 1 });
