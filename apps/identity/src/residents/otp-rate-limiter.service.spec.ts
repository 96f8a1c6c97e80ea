import type { AppError } from '@psc/server-kit';
import type { Model } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { fakeModel, manualClock } from '@psc/testing/unit';
import { OtpRateLimiterService } from './otp-rate-limiter.service';
import { OTP_RATE_RULES, type RateSubject } from './otp-rules';
import type { RateCounter } from './rate-limit.model';

const newLimiter = () => {
  const counters = fakeModel<RateCounter>();
  const clock = manualClock('2025-03-03T02:00:00Z');
  return {
    sut: new OtpRateLimiterService(counters as unknown as Model<RateCounter>, clock),
    counters,
    clock,
  };
};

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: AppError) => e,
  );

describe('OtpRateLimiterService', () => {
  it.each<[RateSubject, string, number]>([
    ['id', '该身份证号码', 60],
    ['phone', '该手机号码', 60],
    ['kiosk', '本终端', 5],
  ])('allows one code per interval for %s and says when to retry', async (subject, who, seconds) => {
    const { sut, clock } = newLimiter();
    const rule = OTP_RATE_RULES[subject];
    await sut.hit(rule, 'k1');
    clock.advance(1000);
    const error = await refusal(sut.hit(rule, 'k1'));
    expect(error).toMatchObject({ code: 'IDENTITY.OTP_RATE_LIMITED', status: 429 });
    expect(error?.message).toBe(`${who}获取验证码太频繁，请 ${seconds - 1} 秒后再试`);
    expect(error?.details).toMatchObject({ limit: subject, retryAfterSeconds: seconds - 1 });
    // another subject of the same kind is not affected
    await expect(sut.hit(rule, 'k2')).resolves.toBeUndefined();
    clock.advance((seconds - 1) * 1000);
    await expect(sut.hit(rule, 'k1')).resolves.toBeUndefined();
  });

  it.each<RateSubject>(['id', 'phone'])(
    'allows five codes an hour per %s, then waits for the next hour',
    async (subject) => {
      const { sut, clock } = newLimiter();
      const rule = OTP_RATE_RULES[subject];
      for (let i = 0; i < 5; i++) {
        await sut.hit(rule, 'k1');
        clock.advance(61_000);
      }
      const error = await refusal(sut.hit(rule, 'k1'));
      // 5 × 61 s into the hour: the counter resets at 03:00
      expect(error?.message).toMatch(/请 55 分钟后再试$/);
      clock.advance(55 * 60_000);
      await expect(sut.hit(rule, 'k1')).resolves.toBeUndefined();
    },
  );

  it('does not count refused attempts', async () => {
    const { sut, counters, clock } = newLimiter();
    await sut.hit(OTP_RATE_RULES.id, 'k1');
    clock.advance(10_000);
    await refusal(sut.hit(OTP_RATE_RULES.id, 'k1'));
    await refusal(sut.hit(OTP_RATE_RULES.id, 'k1'));
    expect([...counters.docs.values()]).toEqual([expect.objectContaining({ count: 1 })]);
  });

  it('keeps a kiosk serving a queue of people', async () => {
    const { sut, clock } = newLimiter();
    for (let i = 0; i < 60; i++) {
      await sut.hit(OTP_RATE_RULES.kiosk, 'kiosk-1');
      clock.advance(5_000);
    }
  });
});
