import { Schema } from 'mongoose';

/** A message the log provider "sent": development and tests read one-time codes from here. */
export interface DevSms {
  _id: string;
  /** masked: even the dev outbox keeps no full phone number */
  to: string;
  text: string;
  sentAt: Date;
}

export const DEV_SMS_MODEL = 'DevSms';

export const devSmsSchema = new Schema<DevSms>(
  {
    _id: { type: String, required: true },
    to: { type: String, required: true },
    text: { type: String, required: true },
    sentAt: { type: Date, required: true, index: true },
  },
  { collection: 'dev_sms', versionKey: false },
);
