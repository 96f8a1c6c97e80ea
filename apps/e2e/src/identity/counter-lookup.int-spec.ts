import type { CounterResidentLookupResponse } from '@psc/contracts/identity';
import { maskIdNumber, validateIdNumber } from '@psc/util';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';

type Json = Record<string, unknown> & { code?: string; message?: string };

/** A valid 18-digit ID number (GB 11643 check character) that no other test uses. */
function newIdNumber(): string {
  const first17 = `4403041985${String(randomInt(1, 13)).padStart(2, '0')}1${randomInt(0, 10)}${String(randomInt(0, 1000)).padStart(3, '0')}`;
  const valid = [...'0123456789X'].map((c) => first17 + c).find((c) => validateIdNumber(c).ok);
  if (!valid) throw new Error(`no check character makes ${first17} valid`);
  return valid;
}

const newPhone = () => `139${String(randomInt(0, 1e8)).padStart(8, '0')}`;

/**
 * The counter (一窗受理) identifies an applicant through the gateway: registers a new resident, finds them again,
 * refuses a wrong name or ID number in Chinese, and is closed to residents.
 */
describe('counter lookup of residents', () => {
  const world = new SystemWorld(inject('stack'));
  let counterToken: string;

  beforeAll(async () => {
    await world.startAll(['catalogue', 'insight', 'identity']);
    counterToken = await world.tokenFor('counter_staff');
  });
  afterAll(() => world.dispose());

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${world.apps.gateway!.url}/api/identity${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Json };
  }

  const atCounter = () => ({ authorization: `Bearer ${counterToken}`, 'x-screen': 'counter' });
  const lookup = (body: unknown, headers: Record<string, string> = atCounter()) =>
    call('POST', '/residents/lookup', body, headers);

  /** Kiosk sign-in with the code read from the development SMS log, as a tester would. */
  async function residentSession(idNumber: string, name: string, maskedPhone: string) {
    const otp = await call('POST', '/residents/otp', { idNumber, name, kioskId: `kiosk-${world.namespace}` });
    expect(otp).toMatchObject({ status: 200, body: { maskedPhone } });
    const sms = await call('GET', '/dev/sms', undefined, atCounter());
    const text = (sms.body as unknown as { to: string; text: string }[]).find(
      (m) => m.to === maskedPhone,
    )?.text;
    const code = /(\d{6})/.exec(text ?? '')?.[1];
    const kioskSession = `ks-${world.namespace}`;
    const session = await call('POST', '/residents/session', {
      challengeId: otp.body.challengeId,
      code,
      kioskSession,
    });
    expect(session.status).toBe(200);
    return {
      id: (session.body.resident as { id: string }).id,
      headers: {
        authorization: `Bearer ${String(session.body.accessToken)}`,
        'x-kiosk-session': kioskSession,
        'x-screen': 'kiosk',
      },
    };
  }

  it('registers a new applicant, finds them again, and leaves both in the resident’s access log', async () => {
    const idNumber = newIdNumber();
    const phone = newPhone();
    const maskedPhone = `${phone.slice(0, 3)}****${phone.slice(-4)}`;

    const noPhone = await lookup({ idNumber, name: '王小明' });
    expect(noPhone).toMatchObject({ status: 400, body: { code: 'IDENTITY.PHONE_REQUIRED' } });
    expect(noPhone.body.message).toBe('该居民首次登记，请填写本人手机号码');

    const registered = await lookup({ idNumber, name: '王小明', phone });
    expect(registered.status).toBe(200);
    const first = registered.body as unknown as CounterResidentLookupResponse;
    expect(first).toEqual({
      residentId: expect.any(String) as unknown,
      created: true,
      phoneUpdated: false,
      name: '王**',
      idNumber: maskIdNumber(idNumber),
      phone: maskedPhone,
      idTail: idNumber.slice(-6),
    });

    // the ID card in hand is enough: no phone this time, the same resident
    const again = await lookup({ idNumber, name: ' 王小明 ' });
    expect(again).toMatchObject({
      status: 200,
      body: { residentId: first.residentId, created: false, phoneUpdated: false, phone: maskedPhone },
    });

    // the resident registered at the counter signs in at the kiosk as the same person and sees who read what
    const resident = await residentSession(idNumber, '王小明', maskedPhone);
    expect(resident.id).toBe(first.residentId);
    const log = await call('GET', '/residents/me/access-log', undefined, resident.headers);
    expect(log.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'create',
          actor: { id: 'test-counter_staff', kind: 'staff', role: 'counter_staff' },
          fields: ['name', 'idNumber', 'phone'],
          screen: 'counter',
          purpose: '窗口受理核验申请人身份',
        }),
        expect.objectContaining({
          action: 'read',
          actor: expect.objectContaining({ role: 'counter_staff' }) as unknown,
          screen: 'counter',
          purpose: '窗口受理核验申请人身份',
        }),
      ]),
    );

    // a resident's own token opens nothing here, nor does no token at all
    const asResident = await lookup({ idNumber, name: '王小明' }, resident.headers);
    expect(asResident).toMatchObject({
      status: 403,
      body: { code: 'AUTH.FORBIDDEN', message: '您没有权限进行此操作' },
    });
    const anonymous = await lookup({ idNumber, name: '王小明' }, {});
    expect(anonymous).toMatchObject({ status: 401, body: { code: 'AUTH.TOKEN_MISSING' } });
  });

  it('refuses a name that does not match the ID number, in Chinese', async () => {
    const idNumber = newIdNumber();
    expect((await lookup({ idNumber, name: '赵敏', phone: newPhone() })).status).toBe(200);
    const mismatch = await lookup({ idNumber, name: '周芷若' });
    expect(mismatch).toMatchObject({
      status: 400,
      body: { code: 'IDENTITY.NAME_MISMATCH', message: '姓名与身份证号码不一致' },
    });
  });

  it('replaces the phone of a known resident when the counter gives a different one', async () => {
    const idNumber = newIdNumber();
    const registered = await lookup({ idNumber, name: '赵敏', phone: newPhone() });
    const phone = newPhone();
    const changed = await lookup({ idNumber, name: '赵敏', phone });
    expect(changed).toMatchObject({
      status: 200,
      body: {
        residentId: registered.body.residentId,
        created: false,
        phoneUpdated: true,
        phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      },
    });
  });

  it('refuses an invalid ID number or a missing name with a message staff can act on', async () => {
    const idNumber = newIdNumber();
    const wrongCheck = `${idNumber.slice(0, 17)}${idNumber.endsWith('1') ? '2' : '1'}`;
    const invalid = await lookup({ idNumber: wrongCheck, name: '王小明', phone: newPhone() });
    expect(invalid).toMatchObject({
      status: 400,
      body: {
        code: 'IDENTITY.ID_NUMBER_INVALID',
        message: '身份证号码校验位不正确，请核对最后一位',
        details: { reason: 'CHECK_DIGIT' },
      },
    });
    const short = await lookup({ idNumber: idNumber.slice(0, 15), name: '王小明' });
    expect(short).toMatchObject({ status: 400, body: { code: 'IDENTITY.ID_NUMBER_INVALID' } });

    const noName = await lookup({ idNumber });
    expect(noName).toMatchObject({
      status: 400,
      body: { code: 'COMMON.VALIDATION_FAILED', message: '请输入姓名' },
    });
  });
});
