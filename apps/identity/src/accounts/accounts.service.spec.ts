import type { CreateAccountRequest } from '@psc/contracts/identity';
import type { Model } from 'mongoose';
import { describe, expect, it, vi } from 'vitest';
import { fakeModel, manualClock, staff } from '@psc/testing/unit';
import type { Account } from './account.model';
import type { OrgPlace } from './org-place.model';
import { AccountsService, DEMO_ACCOUNTS } from './accounts.service';
import type { PasswordHasher } from './password-hasher';

const CENTRE = 'sz/futian/xiangmihu/c-001';
const centreAdmin = staff('centre_admin', CENTRE, { sub: 'a-c' });
const cityAdmin = staff('city_admin', 'sz', { sub: 'a-s' });

function newService(
  config: { NODE_ENV: 'development' | 'test' | 'production'; SEED_PASSWORD?: string } = { NODE_ENV: 'test' },
) {
  const accounts = fakeModel<Account>([], ['username']);
  // what socialorg announced: one organisation at the centre, one in another district
  const orgPlaces = fakeModel<OrgPlace>([
    { _id: 'org-here', name: '香岭社区长者服务中心', centreId: CENTRE, streetId: 'sz/futian/xiangmihu' },
    {
      _id: 'org-far',
      name: '蛇口社区服务社',
      centreId: 'sz/nanshan/shekou/c-009',
      streetId: 'sz/nanshan/shekou',
    },
  ]);
  const hasher = { hash: vi.fn(async (p: string) => `hash:${p}`) };
  const sut = new AccountsService(
    accounts as unknown as Model<Account>,
    orgPlaces as unknown as Model<OrgPlace>,
    hasher as unknown as PasswordHasher,
    config,
    manualClock(),
  );
  return { sut, accounts, hasher };
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

describe('AccountsService: accounts of social organisations', () => {
  it("lets the organisation's community administrator, or its street's, give its staff an account", async () => {
    const { sut } = newService();
    await expect(sut.create(centreAdmin, request('org_member', 'org/org-here'))).resolves.toMatchObject({
      roles: [{ role: 'org_member', scope: 'org/org-here' }],
    });
    const street = staff('centre_admin', 'sz/futian/xiangmihu', { sub: 'a-st' });
    await expect(
      sut.create(street, { ...request('org_member', 'org/org-here'), username: 'org02' }),
    ).resolves.toMatchObject({ username: 'org02' });
  });

  it("refuses an account of another place's organisation, and of one socialorg has not announced", async () => {
    const { sut } = newService();
    await expect(sut.create(centreAdmin, request('org_member', 'org/org-far'))).rejects.toMatchObject({
      code: 'AUTH.OUT_OF_SCOPE',
    });
    await expect(sut.create(cityAdmin, request('org_member', 'org/org-unknown'))).rejects.toMatchObject({
      code: 'AUTH.OUT_OF_SCOPE',
      message:
        '没有找到社会组织 org-unknown 的登记信息：请先在社会组织登记中登记该组织（刚登记的请稍候片刻再试）',
    });
  });

  it('lets a district be given expert reviewers by whoever covers it, not by a centre', async () => {
    const { sut } = newService();
    await expect(sut.create(cityAdmin, request('expert_reviewer', 'sz/futian'))).resolves.toBeDefined();
    await expect(
      sut.create(centreAdmin, { ...request('expert_reviewer', 'sz/futian'), username: 'expert09' }),
    ).rejects.toMatchObject({ code: 'AUTH.OUT_OF_SCOPE' });
  });
});

describe('AccountsService seeding', () => {
  it('seeds the demo accounts into an empty database outside production', async () => {
    const { sut, accounts, hasher } = newService({ NODE_ENV: 'development', SEED_PASSWORD: 'dev-pass-123' });
    await sut.onApplicationBootstrap();
    expect([...accounts.docs.values()].map((a) => a.username)).toEqual(DEMO_ACCOUNTS.map((a) => a.username));
    await sut.onApplicationBootstrap(); // not twice, and no hashing for nothing
    expect(accounts.docs.size).toBe(DEMO_ACCOUNTS.length);
    expect(hasher.hash).toHaveBeenCalledTimes(1);
  });

  it('adds the demo accounts an older database lacks, leaving the others alone', async () => {
    const { sut, accounts } = newService({ NODE_ENV: 'development', SEED_PASSWORD: 'dev-pass-123' });
    await sut.onApplicationBootstrap();
    const org01 = [...accounts.docs.values()].find((a) => a.username === 'org01')!;
    accounts.docs.delete(org01._id);
    const counter01 = [...accounts.docs.values()].find((a) => a.username === 'counter01')!;
    await sut.onApplicationBootstrap();
    expect(accounts.docs.size).toBe(DEMO_ACCOUNTS.length);
    expect(accounts.docs.get(counter01._id)).toEqual(counter01);
  });

  it('seeds staff of the demo organisation, three expert reviewers and a street administrator', () => {
    const grants = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.username, a.roles]));
    expect(grants.org01).toEqual([{ role: 'org_member', scope: 'org/org-demo-001' }]);
    expect(grants.street01).toEqual([{ role: 'centre_admin', scope: 'sz/futian/xiangmihu' }]);
    for (const n of [1, 2, 3])
      expect(grants[`expert0${n}`]).toEqual([{ role: 'expert_reviewer', scope: 'sz/futian' }]);
  });

  it('never seeds in production', async () => {
    const { sut, accounts } = newService({ NODE_ENV: 'production', SEED_PASSWORD: 'dev-pass-123' });
    await sut.onApplicationBootstrap();
    expect(accounts.docs.size).toBe(0);
  });
});
