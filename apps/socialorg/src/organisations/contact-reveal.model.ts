import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

/** Append-only: one entry per read of a full contact number (个人信息保护法), published as it is stored. */
export interface ContactReveal {
  _id: string;
  orgId: string;
  contactId: string;
  actorId: string;
  actorRole: string;
  screen: string;
  purpose: string;
  at: Date;
}

export const CONTACT_REVEAL_MODEL = 'ContactReveal';

export const contactRevealSchema = new Schema<ContactReveal>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true, index: true },
    contactId: { type: String, required: true },
    actorId: { type: String, required: true },
    actorRole: { type: String, required: true },
    screen: { type: String, required: true },
    purpose: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'contact_reveals', versionKey: false },
);
contactRevealSchema.plugin(outboxPlugin);
