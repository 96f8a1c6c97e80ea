import type { Principal, TokenIssuer } from '@psc/auth';
import type { AppError } from '@psc/server-kit';
import type { Model } from 'mongoose';
import { describe, expect, it, vi } from 'vitest';
import { fakeModel, manualClock, staffWith } from '@psc/testing/unit';
import type { SessionsService } from '../sessions/sessions.service';
import type { Account } from './account.model';
import type { RefreshToken } from './refresh-token.model';
import { StaffAuthService } from './staff-auth.service';

const account: Account = {
  _id: 'a-1',
  username: 'counter01',
  displayName: '窗口一号',
  roles: [{ role: 'counter_staff', scope: 'sz/futian/xiangmihu/c-001' }],
  passwordHash: 'hash:right-password-1',
  failedAttempts: 0,
  passwordChangedAt: new Date('2025-01-01T00:00:00Z'),
  createdAt: new Date('2025-01-01T00:00:00Z'),
};

function newService() {
  const deps = {
    accounts: fakeModel<Account>([account], ['username']),
    refreshTokens: fakeModel<RefreshToken>(),
    // the real hasher is argon2 (slow on purpose); here "hash:<password>" stands in for it
    hasher: {
      hash: vi.fn(async (p: string) => `hash:${p}`),
      verify: vi.fn(async (h: string, p: string) => h === `hash:${p}`),
      burn: vi.fn(async () => undefined),
    },
    tokens: {
      issue: vi.fn(async (p: Principal) => ({
        token: `access-for-${p.sessionId}`,
        jti: 'j',
        expiresAt: new Date(),
      })),
    },
    sessions: { start: vi.fn(async () => undefined), end: vi.fn(async () => undefined) },
    clock: manualClock(),
  };
  const sut = new StaffAuthService(
    deps.accounts as unknown as Model<Account>,
    deps.refreshTokens as unknown as Model<RefreshToken>,
    deps.hasher,
    deps.tokens as unknown as TokenIssuer,
    deps.sessions as unknown as SessionsService,
    deps.clock,
  );
  return { sut, ...deps };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: AppError) => e,
  );

describe('StaffAuthService.login', () => {
  it('answers an unknown user and a wrong password alike', async () => {
    const { sut, hasher } = newService();
    const unknown = await failure(sut.login({ username: 'nobody', password: 'x' }));
    const wrong = await failure(sut.login({ username: 'counter01', password: 'x' }));
    for (const error of [unknown, wrong])
      expect(error).toMatchObject({
        code: 'IDENTITY.BAD_CREDENTIALS',
        status: 401,
        message: '用户名或密码不正确',
      });
    expect(hasher.burn).toHaveBeenCalledOnce(); // the unknown user costs a hash too
  });

  it('locks the account for 15 minutes on the fifth consecutive failure, then lets it in again', async () => {
    const { sut, clock } = newService();
    for (let i = 0; i < 4; i++)
      expect(await failure(sut.login({ username: 'counter01', password: 'nope' }))).toMatchObject({
        code: 'IDENTITY.BAD_CREDENTIALS',
      });
    expect(await failure(sut.login({ username: 'counter01', password: 'nope' }))).toMatchObject({
      code: 'IDENTITY.ACCOUNT_LOCKED',
      status: 423,
      message: '账号已锁定，请 15 分钟后再试',
    });
    clock.advance(10 * 60_000);
    // locked means locked: the right password does not help, and the wait shrinks
    expect(await failure(sut.login({ username: 'counter01', password: 'right-password-1' }))).toMatchObject({
      code: 'IDENTITY.ACCOUNT_LOCKED',
      message: '账号已锁定，请 5 分钟后再试',
    });
    clock.advance(5 * 60_000);
    const session = await sut.login({ username: 'counter01', password: 'right-password-1' });
    expect(session.user).toEqual({ username: 'counter01', displayName: '窗口一号', roles: account.roles });
  });

  it('forgets earlier failures after a success', async () => {
    const { sut, accounts } = newService();
    for (let i = 0; i < 4; i++) await failure(sut.login({ username: 'counter01', password: 'nope' }));
    await sut.login({ username: 'counter01', password: 'right-password-1' });
    expect(accounts.docs.get('a-1')).toMatchObject({ failedAttempts: 0 });
    expect(await failure(sut.login({ username: 'counter01', password: 'nope' }))).toMatchObject({
      code: 'IDENTITY.BAD_CREDENTIALS',
    });
  });

  it('answers tokens and the user, never the password hash', async () => {
    const { sut, refreshTokens, sessions, tokens } = newService();
    const session = await sut.login({ username: 'counter01', password: 'right-password-1' });
    // the access token names the account, so step logs elsewhere show a name rather than an id
    expect(tokens.issue).toHaveBeenCalledWith(expect.objectContaining({ sub: 'a-1', name: '窗口一号' }));
    expect(session).toEqual({
      accessToken: expect.stringMatching(/^access-for-/) as unknown,
      refreshToken: expect.any(String) as unknown,
      expiresIn: 900,
      user: { username: 'counter01', displayName: '窗口一号', roles: account.roles },
    });
    expect(JSON.stringify(session)).not.toContain('hash:');
    // stored hashed only, expiring with the 12-hour family
    const [stored] = refreshTokens.docs.values();
    expect(stored._id).not.toBe(session.refreshToken);
    expect(stored.expiresAt).toEqual(new Date('2025-03-03T14:00:00Z'));
    expect(sessions.start).toHaveBeenCalledWith(expect.objectContaining({ kind: 'staff', subjectId: 'a-1' }));
  });
});

describe('StaffAuthService.refresh', () => {
  it('rotates the token, keeping the login (session id) and its absolute expiry', async () => {
    const { sut, clock } = newService();
    const first = await sut.login({ username: 'counter01', password: 'right-password-1' });
    clock.advance(60_000);
    const second = await sut.refresh(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).toBe(first.accessToken); // the fake names the token after the session id
    clock.advance(12 * 60 * 60_000);
    await expect(sut.refresh(second.refreshToken)).rejects.toMatchObject({
      code: 'IDENTITY.REFRESH_INVALID',
    });
  });

  it('revokes the whole login when a rotated token comes back', async () => {
    const { sut, sessions } = newService();
    const first = await sut.login({ username: 'counter01', password: 'right-password-1' });
    const second = await sut.refresh(first.refreshToken);
    await expect(sut.refresh(first.refreshToken)).rejects.toMatchObject({
      code: 'IDENTITY.REFRESH_REUSED',
      status: 401,
    });
    expect(sessions.end).toHaveBeenCalledOnce();
    // the thief's copy and the rightful holder's latest token are both dead now
    await expect(sut.refresh(second.refreshToken)).rejects.toMatchObject({
      code: 'IDENTITY.REFRESH_INVALID',
    });
  });

  it('refuses a token it never issued', async () => {
    const { sut } = newService();
    await expect(sut.refresh('made-up')).rejects.toMatchObject({ code: 'IDENTITY.REFRESH_INVALID' });
  });

  it('ends the login on logout', async () => {
    const { sut, sessions } = newService();
    const first = await sut.login({ username: 'counter01', password: 'right-password-1' });
    const sessionId = (sessions.start.mock.calls[0] as unknown as [{ _id: string }])[0]._id;
    await sut.logout(staffWith(account.roles, { sub: 'a-1', sessionId }));
    expect(sessions.end).toHaveBeenCalledWith(sessionId);
    await expect(sut.refresh(first.refreshToken)).rejects.toMatchObject({ code: 'IDENTITY.REFRESH_INVALID' });
  });
});

describe('StaffAuthService.changePassword', () => {
  const principal = staffWith(account.roles, { sub: 'a-1' });

  it('needs the current password and a strong new one', async () => {
    const { sut } = newService();
    await expect(
      sut.changePassword(principal, { currentPassword: 'wrong', newPassword: 'abcdefgh12' }),
    ).rejects.toMatchObject({ code: 'IDENTITY.PASSWORD_WRONG' });
    await expect(
      sut.changePassword(principal, { currentPassword: 'right-password-1', newPassword: 'short1' }),
    ).rejects.toMatchObject({ code: 'IDENTITY.PASSWORD_WEAK', message: '新密码须至少 10 位' });
  });

  it('stores the new hash and stops other logins from refreshing', async () => {
    const { sut, accounts, refreshTokens } = newService();
    const other = await sut.login({ username: 'counter01', password: 'right-password-1' });
    await sut.changePassword(principal, {
      currentPassword: 'right-password-1',
      newPassword: 'new-password-22',
    });
    expect(accounts.docs.get('a-1')).toMatchObject({ passwordHash: 'hash:new-password-22' });
    expect([...refreshTokens.docs.values()].every((t) => t.revokedAt)).toBe(true);
    await expect(sut.refresh(other.refreshToken)).rejects.toMatchObject({ code: 'IDENTITY.REFRESH_INVALID' });
  });
});
