import { Schema } from 'mongoose';

/**
 * A refresh token, stored only as its SHA-256 (the `_id`, so a lookup needs no secondary index). One login is one
 * family (= the session id); each use rotates the token, and presenting a rotated one again revokes the family.
 */
export interface RefreshToken {
  _id: string;
  familyId: string;
  accountId: string;
  /** the family's absolute end: rotation does not move it */
  expiresAt: Date;
  createdAt: Date;
  rotatedAt?: Date;
  revokedAt?: Date;
}

export const REFRESH_TOKEN_MODEL = 'RefreshToken';

export const refreshTokenSchema = new Schema<RefreshToken>(
  {
    _id: { type: String, required: true },
    familyId: { type: String, required: true, index: true },
    accountId: { type: String, required: true, index: true },
    expiresAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    rotatedAt: { type: Date },
    revokedAt: { type: Date },
  },
  { collection: 'refresh_tokens', versionKey: false },
);
