import { Schema } from 'mongoose';

/** A code sent by SMS, kept only as a salted hash; looked up by its random `_id` (the challengeId). */
export interface OtpChallenge {
  _id: string;
  residentId: string;
  kioskId: string;
  salt: string;
  codeHash: string;
  attempts: number;
  expiresAt: Date;
  usedAt?: Date;
}

export const OTP_CHALLENGE_MODEL = 'OtpChallenge';

export const otpChallengeSchema = new Schema<OtpChallenge>(
  {
    _id: { type: String, required: true },
    residentId: { type: String, required: true },
    kioskId: { type: String, required: true },
    salt: { type: String, required: true },
    codeHash: { type: String, required: true },
    attempts: { type: Number, required: true },
    expiresAt: { type: Date, required: true, index: true },
    usedAt: { type: Date },
  },
  { collection: 'otp_challenges', versionKey: false },
);
