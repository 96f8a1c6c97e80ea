import type { CreateAccountRequest } from '@psc/contracts/identity';
import type { Model } from 'mongoose';
import { describe, expect, it, vi } from 'vitest';
import { fakeModel, manualClock, staff } from '@psc/testing/unit';
import type { Account } from './account.model';
import { AccountsService, DEMO_ACCOUNTS } from './accounts.service';
import type { PasswordHasher } from './password-hasher';

const CENTRE = 'sz/futian/xiangmihu/c-001';
const centreAdmin = staff('centre_admin', CENTRE, { sub: 'a-c' });
const cityAdmin = staff('city_admin', 'sz', { sub: 'a-s' });

function newService(
  config: { NODE_ENV: 'development' | 'test' | 'production'; SEED_PASSWORD?: string } = { NODE_ENV: 'test' },
) {
  const accounts = fakeModel<Account>([], ['username']);
  const hasher = { hash: vi.fn(async (p: string) => `hash:${p}`) };
  const sut = new AccountsService(
    accounts as unknown as Model<Account>,
    hasher as unknown as PasswordHasher,
    config,
    manualClock(),
  );
  return { sut, accounts };
}

const request = (
  role: CreateAccountRequest['roles'][number]['role'],
  scope: string,
): CreateAccountRequest => ({
  username: 'counter02',
  displayName: '窗口二号',
  password: 'initial-pass-1',
  roles: [{ role, scope }],
});

describe('AccountsService.create', () => {
  it('lets a centre admin create staff of their own centre, answering without the hash', async () => {
    const { sut, accounts } = newService();
    const created = await sut.create(centreAdmin, request('counter_staff', CENTRE));
    expect(created).toEqual({
      id: expect.any(String) as unknown,
      username: 'counter02',
      displayName: '窗口二号',
      roles: [{ role: 'counter_staff', scope: CENTRE }],
    });
    expect(accounts.docs.get(created.id)).toMatchObject({
      passwordHash: 'hash:initial-pass-1',
      createdBy: 'a-c',
    });
  });

  it.each([
    ['a city admin', request('city_admin', 'sz')],
    ['a city admin "at" their centre', request('city_admin', CENTRE)],
    ['staff of another centre', request('counter_staff', 'sz/futian/xiangmihu/c-002')],
  ])('refuses a centre admin creating %s', async (_name, body) => {
    const { sut } = newService();
    await expect(sut.create(centreAdmin, body)).rejects.toMatchObject({
      code: 'AUTH.OUT_OF_SCOPE',
      status: 403,
    });
  });

  it('lets a city admin create a city admin', async () => {
    const { sut } = newService();
    await expect(sut.create(cityAdmin, request('city_admin', 'sz'))).resolves.toMatchObject({
      username: 'counter02',
    });
  });

  it('refuses a weak initial password and a taken username', async () => {
    const { sut } = newService();
    await expect(
      sut.create(cityAdmin, { ...request('counter_staff', CENTRE), password: 'short' }),
    ).rejects.toMatchObject({
      code: 'IDENTITY.PASSWORD_WEAK',
    });
    await sut.create(cityAdmin, request('counter_staff', CENTRE));
    await expect(sut.create(cityAdmin, request('counter_staff', CENTRE))).rejects.toMatchObject({
      code: 'IDENTITY.USERNAME_TAKEN',
      status: 409,
    });
  });
});

describe('AccountsService seeding', () => {
  it('seeds the demo accounts into an empty database outside production', async () => {
    const { sut, accounts } = newService({ NODE_ENV: 'development', SEED_PASSWORD: 'dev-pass-123' });
    await sut.onApplicationBootstrap();
    expect([...accounts.docs.values()].map((a) => a.username)).toEqual(DEMO_ACCOUNTS.map((a) => a.username));
    await sut.onApplicationBootstrap(); // not twice
    expect(accounts.docs.size).toBe(DEMO_ACCOUNTS.length);
  });

  it('never seeds in production', async () => {
    const { sut, accounts } = newService({ NODE_ENV: 'production', SEED_PASSWORD: 'dev-pass-123' });
    await sut.onApplicationBootstrap();
    expect(accounts.docs.size).toBe(0);
  });
});
