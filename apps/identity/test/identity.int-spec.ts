import { generateDevKeyPair } from '@psc/auth';
import { generateDevKeys } from '@psc/pii';
import { type RunningApp, startApp, waitFor } from '@psc/testing';
import { MongoClient } from 'mongodb';
import { randomBytes, randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/** A valid 18-digit ID number (GB 11643 check digit) that no other run uses. */
function newIdNumber(): string {
  const body = `440304198${randomInt(0, 10)}0${randomInt(1, 10)}1${randomInt(0, 10)}${String(randomInt(0, 1000)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

type Json = Record<string, unknown> & { code?: string; message?: string };

describe('identity service on the real stack', () => {
  const stack = inject('stack');
  const namespace = `t${randomBytes(4).toString('hex')}`;
  const seedPassword = `seed-${randomBytes(6).toString('hex')}1`;
  const mongo = new MongoClient(stack.mongoUri);
  const db = mongo.db(`${namespace}_identity`);
  let app: RunningApp;

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Json };
  }

  const login = async (username: string, password = seedPassword) =>
    call('POST', '/auth/login', { username, password });
  const bearer = (token: unknown) => ({ authorization: `Bearer ${String(token)}` });

  beforeAll(async () => {
    const keys = await generateDevKeyPair();
    app = await startApp('identity', {
      ...keys.settings,
      ...generateDevKeys(),
      MONGODB_URI: stack.mongoUri,
      MONGODB_DB: `${namespace}_identity`,
      KAFKA_BROKERS: stack.kafkaBrokers,
      KAFKA_NAMESPACE: namespace,
      SEED_PASSWORD: seedPassword,
    });
    // the seed runs at bootstrap, just before /health answers; wait until the demo accounts can sign in
    await waitFor(async () => (await login('counter01')).status === 200, { what: 'seeded demo accounts' });
  });

  afterAll(async () => {
    await app?.stop();
    await mongo.close();
  });

  it('signs a resident in at a kiosk, shows masked data only and logs every read', async () => {
    const idNumber = newIdNumber();
    const phone = `139${String(randomInt(0, 1e8)).padStart(8, '0')}`;
    const kiosk = { idNumber, name: '张三丰', kioskId: `kiosk-${namespace}` };

    const wrongCheckDigit = `${idNumber.slice(0, 17)}${idNumber.endsWith('1') ? '2' : '1'}`;
    const invalid = await call('POST', '/residents/otp', { ...kiosk, idNumber: wrongCheckDigit });
    expect(invalid).toMatchObject({ status: 400, body: { code: 'IDENTITY.ID_NUMBER_INVALID' } });
    expect(invalid.body.message).toBe('身份证号码校验位不正确，请核对最后一位');

    const noPhone = await call('POST', '/residents/otp', kiosk);
    expect(noPhone).toMatchObject({ status: 400, body: { code: 'IDENTITY.PHONE_REQUIRED' } });

    const otp = await call('POST', '/residents/otp', { ...kiosk, phone });
    expect(otp.status).toBe(200);
    expect(otp.body.maskedPhone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);

    // the same person again at once, from another kiosk: refused by the per-ID limit, saying when to retry
    const again = await call('POST', '/residents/otp', { ...kiosk, kioskId: `other-${namespace}` });
    expect(again).toMatchObject({ status: 429, body: { code: 'IDENTITY.OTP_RATE_LIMITED' } });
    expect(again.body.message).toMatch(/^该身份证号码获取验证码太频繁，请 \d+ 秒后再试$/);

    const counter = await login('counter01');
    expect(counter.status).toBe(200);
    const sms = await call('GET', '/dev/sms', undefined, bearer(counter.body.accessToken));
    expect(sms.status).toBe(200);
    const message = (sms.body as unknown as { to: string; text: string }[]).find(
      (m) => m.to === otp.body.maskedPhone,
    );
    const code = /(\d{6})/.exec(message?.text ?? '')?.[1];
    expect(code).toBeDefined();

    const kioskSession = `ks-${namespace}`;
    const wrong = await call('POST', '/residents/session', {
      challengeId: otp.body.challengeId,
      code: code === '000000' ? '111111' : '000000',
      kioskSession,
    });
    expect(wrong).toMatchObject({ status: 400, body: { code: 'IDENTITY.OTP_WRONG' } });
    expect(wrong.body.message).toContain('还可以再试 4 次');

    const session = await call('POST', '/residents/session', {
      challengeId: otp.body.challengeId,
      code,
      kioskSession,
    });
    expect(session.status).toBe(200);
    const resident = session.body.resident as { id: string; name: string; idNumber: string };
    expect(resident).toEqual({
      id: expect.any(String) as unknown,
      name: '张**',
      idNumber: `${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`,
    });
    const residentHeaders = {
      ...bearer(session.body.accessToken),
      'x-kiosk-session': kioskSession,
      'x-screen': 'kiosk',
    };

    const me = await call('GET', '/residents/me', undefined, residentHeaders);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      id: resident.id,
      name: '张**',
      idNumber: resident.idNumber,
      phone: otp.body.maskedPhone,
    });

    const log = await call('GET', '/residents/me/access-log', undefined, residentHeaders);
    expect(log.status).toBe(200);
    expect(log.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'read',
          actor: { id: resident.id, kind: 'resident', role: 'resident' },
          fields: ['name', 'idNumber', 'phone'],
          screen: 'kiosk',
          purpose: '本人查看个人信息',
        }),
        expect.objectContaining({ action: 'create', screen: 'kiosk' }),
      ]),
    );

    const someoneElse = await call('GET', '/residents/not-me', undefined, residentHeaders);
    expect(someoneElse).toMatchObject({ status: 403, body: { code: 'AUTH.NOT_OWN_RECORD' } });

    // staff: masked by default, the full number only for an administrator, each read audited
    const staffRead = await call('GET', `/residents/${resident.id}`, undefined, {
      ...bearer(counter.body.accessToken),
      'x-screen': 'counter',
      'x-access-purpose': encodeURIComponent('办理高龄津贴'),
    });
    expect(staffRead.body).toMatchObject({ idNumber: resident.idNumber, phone: otp.body.maskedPhone });
    const counterReveal = await call(
      'GET',
      `/residents/${resident.id}?reveal=idNumber`,
      undefined,
      bearer(counter.body.accessToken),
    );
    expect(counterReveal).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    const centre = await login('centre01');
    const revealed = await call(
      'GET',
      `/residents/${resident.id}?reveal=idNumber`,
      undefined,
      bearer(centre.body.accessToken),
    );
    expect(revealed).toMatchObject({ status: 200, body: { idNumber } });
    const staffLog = await call('GET', '/residents/me/access-log', undefined, residentHeaders);
    expect(staffLog.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: expect.objectContaining({ role: 'counter_staff' }) as unknown,
          screen: 'counter',
          purpose: '办理高龄津贴',
          revealed: [],
        }),
        expect.objectContaining({
          actor: expect.objectContaining({ role: 'centre_admin' }) as unknown,
          revealed: ['idNumber'],
        }),
      ]),
    );

    // the stored document holds ciphertext and keyed indexes only
    const stored = await db.collection('residents').findOne({ _id: resident.id as never });
    const raw = JSON.stringify(stored);
    expect(stored).not.toBeNull();
    expect(raw).not.toContain(idNumber);
    expect(raw).not.toContain(phone);
    expect(raw).not.toContain('张三丰');

    // every audit entry went out as identity.pii.accessed: the relay cleared each outbox once Kafka had it
    await waitFor(
      async () => {
        const entries = await db.collection('pii_audit').find({ subjectId: resident.id }).toArray();
        return entries.length >= 4 && entries.every((e) => e._outbox === undefined);
      },
      { what: 'audit events relayed to Kafka' },
    );

    // logging out ends the session: the same token is refused from then on
    expect((await call('POST', '/residents/logout', undefined, residentHeaders)).status).toBe(204);
    const after = await call('GET', '/residents/me', undefined, residentHeaders);
    expect(after).toMatchObject({ status: 401, body: { code: 'AUTH.SESSION_ENDED' } });
  });

  it('rotates refresh tokens and revokes the login when a rotated one comes back', async () => {
    const first = await login('centre01');
    const second = await call('POST', '/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    const me = await call('GET', '/auth/me', undefined, bearer(second.body.accessToken));
    expect(me.body).toMatchObject({ username: 'centre01', roles: [{ role: 'centre_admin' }] });

    const reuse = await call('POST', '/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(reuse).toMatchObject({ status: 401, body: { code: 'IDENTITY.REFRESH_REUSED' } });
    const afterReuse = await call('POST', '/auth/refresh', { refreshToken: second.body.refreshToken });
    expect(afterReuse).toMatchObject({ status: 401, body: { code: 'IDENTITY.REFRESH_INVALID' } });
  });

  it('locks a staff account after five wrong passwords', async () => {
    const unknown = await login('nobody', 'whatever-1');
    expect(unknown).toMatchObject({ status: 401, body: { code: 'IDENTITY.BAD_CREDENTIALS' } });
    for (let i = 0; i < 4; i++) {
      const wrong = await login('city01', `wrong-password-${i}`);
      expect(wrong).toMatchObject({ status: 401, body: { message: '用户名或密码不正确' } });
    }
    const fifth = await login('city01', 'wrong-password-5');
    expect(fifth).toMatchObject({ status: 423, body: { code: 'IDENTITY.ACCOUNT_LOCKED' } });
    expect(fifth.body.message).toBe('账号已锁定，请 15 分钟后再试');
    // even the right password is refused while locked
    expect(await login('city01')).toMatchObject({ status: 423 });
  });
});
