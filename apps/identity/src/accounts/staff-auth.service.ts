import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DEFAULT_ACCESS_TTL_SECONDS, type Principal, TokenIssuer } from '@psc/auth';
import type { ChangePasswordRequest, StaffLoginRequest } from '@psc/contracts/identity';
import { AppError } from '@psc/server-kit';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import { SessionsService } from '../sessions/sessions.service';
import { CLOCK, type Clock } from '@psc/server-kit';
import { type Account, ACCOUNT_MODEL, userView } from './account.model';
import { PasswordHasher } from './password-hasher';
import {
  LOCK_AFTER_FAILURES,
  LOCK_MS,
  lockedMessage,
  passwordProblem,
  REFRESH_TTL_MS,
} from './password-rules';
import { REFRESH_TOKEN_MODEL, type RefreshToken } from './refresh-token.model';

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Staff sign-in: password with lockout, short access tokens, rotating refresh tokens with reuse detection. */
@Injectable()
export class StaffAuthService {
  constructor(
    @InjectModel(ACCOUNT_MODEL) private readonly accounts: Model<Account>,
    @InjectModel(REFRESH_TOKEN_MODEL) private readonly refreshTokens: Model<RefreshToken>,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenIssuer,
    private readonly sessions: SessionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async login({ username, password }: StaffLoginRequest) {
    const now = this.clock();
    const account = await this.accounts.findOne({ username }).lean<Account>();
    if (!account) {
      await this.hasher.burn(password);
      throw new AppError('IDENTITY.BAD_CREDENTIALS');
    }
    if (account.lockedUntil && account.lockedUntil > now)
      throw new AppError('IDENTITY.ACCOUNT_LOCKED', lockedMessage(account.lockedUntil, now));
    if (!(await this.hasher.verify(account.passwordHash, password))) {
      // $inc keeps concurrent failures from undercounting
      const failed = await this.accounts
        .findOneAndUpdate({ _id: account._id }, { $inc: { failedAttempts: 1 } }, { returnDocument: 'after' })
        .lean<Account>();
      if ((failed?.failedAttempts ?? 0) >= LOCK_AFTER_FAILURES) {
        const lockedUntil = new Date(now.getTime() + LOCK_MS);
        await this.accounts.updateOne({ _id: account._id }, { $set: { lockedUntil, failedAttempts: 0 } });
        throw new AppError('IDENTITY.ACCOUNT_LOCKED', lockedMessage(lockedUntil, now));
      }
      throw new AppError('IDENTITY.BAD_CREDENTIALS');
    }
    if (account.failedAttempts > 0 || account.lockedUntil)
      await this.accounts.updateOne(
        { _id: account._id },
        { $set: { failedAttempts: 0 }, $unset: { lockedUntil: 1 } },
      );
    const familyId = randomUUID();
    const expiresAt = new Date(now.getTime() + REFRESH_TTL_MS);
    await this.sessions.start({ _id: familyId, kind: 'staff', subjectId: account._id, expiresAt });
    return this.grant(account, familyId, expiresAt);
  }

  async refresh(refreshToken: string) {
    const now = this.clock();
    const _id = digest(refreshToken);
    // claim the token in one conditional write: of two uses, exactly one wins
    const current = await this.refreshTokens
      .findOneAndUpdate(
        { _id, rotatedAt: { $exists: false }, revokedAt: { $exists: false } },
        { $set: { rotatedAt: now } },
      )
      .lean<RefreshToken>();
    if (!current) {
      const known = await this.refreshTokens.findById(_id).lean<RefreshToken>();
      if (known?.rotatedAt && !known.revokedAt) {
        // a rotated token came back: it was copied, so end the whole login
        await this.revokeFamily(known.familyId, now);
        throw new AppError('IDENTITY.REFRESH_REUSED');
      }
      throw new AppError('IDENTITY.REFRESH_INVALID');
    }
    if (current.expiresAt <= now) throw new AppError('IDENTITY.REFRESH_INVALID');
    const account = await this.accounts.findById(current.accountId).lean<Account>();
    if (!account) throw new AppError('IDENTITY.REFRESH_INVALID');
    return this.grant(account, current.familyId, current.expiresAt);
  }

  async logout(principal: Principal): Promise<void> {
    await this.revokeFamily(principal.sessionId, this.clock());
  }

  async changePassword(principal: Principal, request: ChangePasswordRequest): Promise<void> {
    const account = await this.account(principal);
    if (!(await this.hasher.verify(account.passwordHash, request.currentPassword)))
      throw new AppError('IDENTITY.PASSWORD_WRONG');
    const problem = passwordProblem(request.newPassword);
    if (problem) throw new AppError('IDENTITY.PASSWORD_WEAK', problem);
    if (request.newPassword === request.currentPassword)
      throw new AppError('IDENTITY.PASSWORD_WEAK', '新密码不能与当前密码相同');
    const now = this.clock();
    await this.accounts.updateOne(
      { _id: account._id },
      { $set: { passwordHash: await this.hasher.hash(request.newPassword), passwordChangedAt: now } },
    );
    // other logins (another browser, a lost laptop) cannot refresh any more; this one carries on
    await this.refreshTokens.updateMany(
      { accountId: account._id, familyId: { $ne: principal.sessionId }, revokedAt: { $exists: false } },
      { $set: { revokedAt: now } },
    );
  }

  async me(principal: Principal) {
    return userView(await this.account(principal));
  }

  private async account(principal: Principal): Promise<Account> {
    const account = await this.accounts.findById(principal.sub).lean<Account>();
    if (!account) throw new AppError('AUTH.TOKEN_INVALID');
    return account;
  }

  private async revokeFamily(familyId: string, now: Date): Promise<void> {
    await this.refreshTokens.updateMany(
      { familyId, revokedAt: { $exists: false } },
      { $set: { revokedAt: now } },
    );
    await this.sessions.end(familyId);
  }

  /** A fresh access token and the next refresh token of the family; roles are read anew from the account. */
  private async grant(account: Account, familyId: string, familyExpiresAt: Date) {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.refreshTokens.create({
      _id: digest(refreshToken),
      familyId,
      accountId: account._id,
      expiresAt: familyExpiresAt,
      createdAt: this.clock(),
    });
    const roles = account.roles.map(({ role, scope }) => ({ role, scope }));
    const access = await this.tokens.issue({
      sub: account._id,
      kind: 'staff',
      roles,
      sessionId: familyId,
      name: account.displayName,
    });
    return {
      accessToken: access.token,
      refreshToken,
      expiresIn: DEFAULT_ACCESS_TTL_SECONDS,
      user: userView(account),
    };
  }
}
