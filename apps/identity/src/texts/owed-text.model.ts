import { Schema } from 'mongoose';

/**
 * A text a resident is owed (the rating link after delivery), kept until it has been sent: the event that asked for
 * it is consumed once, and the sending is retried from here. Holds no phone number: that is read when sending.
 */
export interface OwedText {
  /** `<kind>:<subject>`, e.g. `rating:<case number>`: asking twice for one text stores one */
  _id: string;
  residentId: string;
  /** why the phone number is read, as the resident's access log shows it */
  purpose: string;
  text: string;
  createdAt: Date;
  /** a sender took it at this time; another may take it over once the claim is old */
  claimedAt: Date | null;
  sentAt: Date | null;
  /** why it was not sent, when it never will be */
  dropped: string | null;
  /** not yet sent nor dropped: what the sender reads by, so a week of sent texts is never read each second */
  pending: boolean;
}

export const OWED_TEXT_MODEL = 'OwedText';

export const owedTextSchema = new Schema<OwedText>(
  {
    _id: { type: String, required: true },
    residentId: { type: String, required: true },
    purpose: { type: String, required: true },
    text: { type: String, required: true },
    createdAt: { type: Date, required: true },
    claimedAt: { type: Date, default: null },
    sentAt: { type: Date, default: null },
    dropped: { type: String, default: null },
    pending: { type: Boolean, required: true },
  },
  { collection: 'owed_texts', versionKey: false },
);
owedTextSchema.index({ pending: 1 });
