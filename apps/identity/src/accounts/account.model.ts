import type { RoleGrant } from '@psc/auth';
import { Schema } from 'mongoose';

export interface Account {
  _id: string;
  username: string;
  displayName: string;
  roles: RoleGrant[];
  passwordHash: string;
  /** consecutive failures since the last success or lock */
  failedAttempts: number;
  lockedUntil?: Date;
  passwordChangedAt: Date;
  createdAt: Date;
  createdBy?: string;
}

export const ACCOUNT_MODEL = 'Account';

export const accountSchema = new Schema<Account>(
  {
    _id: { type: String, required: true },
    username: { type: String, required: true, unique: true },
    displayName: { type: String, required: true },
    roles: {
      type: [new Schema({ role: String, scope: String }, { _id: false })],
      required: true,
    },
    passwordHash: { type: String, required: true },
    failedAttempts: { type: Number, required: true, default: 0 },
    lockedUntil: { type: Date },
    passwordChangedAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String },
  },
  { collection: 'accounts', versionKey: false },
);

export const userView = (account: Pick<Account, 'username' | 'displayName' | 'roles'>) => ({
  username: account.username,
  displayName: account.displayName,
  roles: account.roles.map(({ role, scope }) => ({ role, scope })),
});
