import type { TokenIssuer } from '@psc/auth';
import { BlindIndex, FieldCipher, generateDevKeys } from '@psc/pii';
import { AppError } from '@psc/server-kit';
import type { Model } from 'mongoose';
import { describe, expect, it, vi } from 'vitest';
import { fakeModel, manualClock } from '@psc/testing/unit';
import type { AuditService } from '../audit/audit.service';
import type { SessionsService } from '../sessions/sessions.service';
import type { OtpChallenge } from './otp-challenge.model';
import type { OtpRateLimiterService } from './otp-rate-limiter.service';
import { OTP_RATE_RULES } from './otp-rules';
import { PII, type Resident } from './resident.model';
import { ResidentOtpService } from './resident-otp.service';
import { ResidentRegistryService } from './resident-registry.service';

const ID = '11010519491231002X';
const PHONE = '13812345678';
const keys = generateDevKeys();
const cipher = new FieldCipher(keys);
const index = new BlindIndex(keys);

function newService(existing: Resident[] = []) {
  const deps = {
    residents: fakeModel<Resident>(existing, ['idIndex']),
    challenges: fakeModel<OtpChallenge>(),
    limiter: { hit: vi.fn().mockResolvedValue(undefined) },
    sms: { send: vi.fn().mockResolvedValue(undefined) },
    tokens: {
      issue: vi.fn(async (_p: unknown, o: { ttlSeconds: number }) => ({
        token: 'signed-token',
        jti: 'j',
        expiresAt: new Date(Date.parse('2025-03-03T02:00:00Z') + o.ttlSeconds * 1000),
      })),
    },
    sessions: { start: vi.fn().mockResolvedValue(undefined) },
    audit: { record: vi.fn().mockResolvedValue(undefined) },
    clock: manualClock(),
  };
  const registry = new ResidentRegistryService(
    deps.residents as unknown as Model<Resident>,
    cipher,
    index,
    deps.audit as unknown as AuditService,
    deps.clock,
  );
  const sut = new ResidentOtpService(
    deps.residents as unknown as Model<Resident>,
    deps.challenges as unknown as Model<OtpChallenge>,
    deps.limiter as unknown as OtpRateLimiterService,
    registry,
    cipher,
    deps.sms,
    deps.tokens as unknown as TokenIssuer,
    deps.sessions as unknown as SessionsService,
    deps.clock,
  );
  const sentCode = () => /(\d{6})/.exec(deps.sms.send.mock.calls.at(-1)?.[1] as string)![1];
  return { sut, sentCode, ...deps };
}

const known = (): Resident => ({
  _id: 'r-1',
  nameEnc: cipher.encrypt('张三', PII.name),
  idNumberEnc: cipher.encrypt(ID, PII.idNumber),
  phoneEnc: cipher.encrypt(PHONE, PII.phone),
  idIndex: index.compute(ID, PII.idNumber),
  phoneIndex: index.compute(PHONE, PII.phone),
  indexKeyId: index.keyId,
  createdAt: new Date('2025-01-01T00:00:00Z'),
});

const request = { idNumber: ID, name: '张三', kioskId: 'kiosk-1' };
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: AppError) => e,
  );

describe('ResidentOtpService.requestOtp', () => {
  it('refuses a bad ID number with the validator’s own message, before any counter moves', async () => {
    const { sut, limiter } = newService();
    const error = await failure(sut.requestOtp({ ...request, idNumber: '110105194912310021' }));
    expect(error).toMatchObject({
      code: 'IDENTITY.ID_NUMBER_INVALID',
      message: '身份证号码校验位不正确，请核对最后一位',
      details: { reason: 'CHECK_DIGIT' },
    });
    expect(limiter.hit).not.toHaveBeenCalled();
  });

  it('asks a first-time visitor for a phone number without counting it against them', async () => {
    const { sut, limiter } = newService();
    await expect(sut.requestOtp(request)).rejects.toMatchObject({ code: 'IDENTITY.PHONE_REQUIRED' });
    expect(limiter.hit).not.toHaveBeenCalled();
  });

  it('registers a new resident encrypted, limits by kiosk, ID and phone, and answers masked', async () => {
    const { sut, residents, challenges, limiter, sms, audit, sentCode } = newService();
    const response = await sut.requestOtp({ ...request, phone: PHONE });

    expect(limiter.hit.mock.calls).toEqual([
      [OTP_RATE_RULES.kiosk, 'kiosk-1'],
      [OTP_RATE_RULES.id, index.compute(ID, PII.idNumber)],
      [OTP_RATE_RULES.phone, index.compute(PHONE, PII.phone)],
    ]);
    const [stored] = residents.docs.values();
    const raw = JSON.stringify(stored);
    expect(raw).not.toContain(ID);
    expect(raw).not.toContain(PHONE);
    expect(raw).not.toContain('张三');
    expect(cipher.decrypt(stored.idNumberEnc as string, PII.idNumber)).toBe(ID);

    expect(sms.send).toHaveBeenCalledWith(PHONE, expect.stringMatching(/验证码为 \d{6}，5 分钟内有效/));
    const [challenge] = challenges.docs.values();
    expect(JSON.stringify(challenge)).not.toContain(sentCode());
    expect(response).toEqual({
      challengeId: challenge._id,
      maskedPhone: '138****5678',
      expiresAt: '2025-03-03T02:05:00.000Z',
    });
    expect(audit.record).toHaveBeenCalledWith(
      expect.objectContaining({ subject: stored._id, action: 'create', screen: 'kiosk' }),
    );
  });

  it('sends a known resident’s code to the stored phone, whatever phone was typed', async () => {
    const { sut, sms } = newService([known()]);
    const response = await sut.requestOtp({ ...request, phone: '13900000000' });
    expect(sms.send).toHaveBeenCalledWith(PHONE, expect.any(String));
    expect(response.maskedPhone).toBe('138****5678');
  });

  it('refuses a name that does not match the ID number, after the limits', async () => {
    const { sut, sms, limiter } = newService([known()]);
    await expect(sut.requestOtp({ ...request, name: '李四' })).rejects.toMatchObject({
      code: 'IDENTITY.NAME_MISMATCH',
      message: '姓名与身份证号码不一致',
    });
    expect(limiter.hit).toHaveBeenCalledTimes(3);
    expect(sms.send).not.toHaveBeenCalled();
  });

  it('sends the code to the winner’s phone when another registration of the ID number got in first', async () => {
    const { sut, sms, residents, limiter, audit } = newService();
    // the same person registers at the counter while this kiosk waits on its limits
    limiter.hit.mockImplementationOnce(async () => {
      residents.docs.set('r-1', known() as never);
    });
    const response = await sut.requestOtp({ ...request, phone: '13900000000' });
    expect(residents.docs.size).toBe(1);
    expect(sms.send).toHaveBeenCalledWith(PHONE, expect.any(String));
    expect(response.maskedPhone).toBe('138****5678');
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('sends nothing when a limit refuses', async () => {
    const { sut, sms, challenges, limiter } = newService([known()]);
    limiter.hit
      .mockResolvedValueOnce(undefined)
      .mockRejectedValueOnce(new AppError('IDENTITY.OTP_RATE_LIMITED'));
    await expect(sut.requestOtp(request)).rejects.toMatchObject({ status: 429 });
    expect(sms.send).not.toHaveBeenCalled();
    expect(challenges.docs.size).toBe(0);
  });
});

describe('ResidentOtpService.createSession', () => {
  async function challenged() {
    const service = newService([known()]);
    const { challengeId } = await service.sut.requestOtp(request);
    const code = service.sentCode();
    const wrong = code === '000000' ? '111111' : '000000';
    return { ...service, challengeId, code, wrong };
  }

  it('counts wrong codes down and refuses every code after the fifth', async () => {
    const { sut, challengeId, code, wrong } = await challenged();
    for (const left of [4, 3, 2, 1, 0]) {
      const error = await failure(sut.createSession({ challengeId, code: wrong, kioskSession: 'ks' }));
      expect(error).toMatchObject({
        code: 'IDENTITY.OTP_WRONG',
        status: 400,
        details: { attemptsLeft: left },
      });
      if (left > 0) expect(error?.message).toBe(`验证码不正确，还可以再试 ${left} 次`);
    }
    await expect(sut.createSession({ challengeId, code, kioskSession: 'ks' })).rejects.toMatchObject({
      code: 'IDENTITY.OTP_TOO_MANY_ATTEMPTS',
    });
  });

  it('refuses the right code once five minutes have passed', async () => {
    const { sut, challengeId, code, clock } = await challenged();
    clock.advance(5 * 60_000);
    await expect(sut.createSession({ challengeId, code, kioskSession: 'ks' })).rejects.toMatchObject({
      code: 'IDENTITY.OTP_EXPIRED',
    });
  });

  it('issues a 10-minute resident token bound to the kiosk session, answers masked, and burns the code', async () => {
    const { sut, challengeId, code, tokens, sessions } = await challenged();
    const response = await sut.createSession({ challengeId, code, kioskSession: 'ks-9' });
    expect(tokens.issue).toHaveBeenCalledWith(
      {
        sub: 'r-1',
        kind: 'resident',
        roles: [{ role: 'resident', scope: 'sz' }],
        kioskSession: 'ks-9',
        sessionId: expect.any(String) as unknown,
      },
      { ttlSeconds: 600 },
    );
    expect(sessions.start).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'resident', subjectId: 'r-1' }),
    );
    expect(response).toEqual({
      accessToken: 'signed-token',
      expiresAt: '2025-03-03T02:10:00.000Z',
      resident: { id: 'r-1', name: '张*', idNumber: '110***********002X' },
    });
    await expect(sut.createSession({ challengeId, code, kioskSession: 'ks-9' })).rejects.toMatchObject({
      code: 'IDENTITY.OTP_EXPIRED',
    });
  });

  it('treats an unknown challenge as expired', async () => {
    const { sut } = newService();
    await expect(
      sut.createSession({ challengeId: 'nope', code: '123456', kioskSession: 'ks' }),
    ).rejects.toMatchObject({
      code: 'IDENTITY.OTP_EXPIRED',
    });
  });
});
