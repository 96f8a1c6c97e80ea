import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const OTP_TTL_MS = 5 * 60 * 1000;
export const OTP_MAX_ATTEMPTS = 5;
export const RESIDENT_SESSION_TTL_SECONDS = 10 * 60;

export type RateSubject = 'id' | 'phone' | 'kiosk';

export interface RateRule {
  subject: RateSubject;
  minIntervalMs: number;
  perHour: number;
}

/**
 * A person gets one code a minute and five an hour, by ID number and by phone. A kiosk serves a queue of people, so
 * its limit only stops a script hammering one terminal.
 */
export const OTP_RATE_RULES: Record<RateSubject, RateRule> = {
  id: { subject: 'id', minIntervalMs: 60_000, perHour: 5 },
  phone: { subject: 'phone', minIntervalMs: 60_000, perHour: 5 },
  kiosk: { subject: 'kiosk', minIntervalMs: 5_000, perHour: 120 },
};

const HOUR_MS = 60 * 60 * 1000;

export const hourOf = (now: Date) => Math.floor(now.getTime() / HOUR_MS);
export const endOfHour = (now: Date) => new Date((hourOf(now) + 1) * HOUR_MS);

/** When the next code may be sent, given the counter as it stands. */
export function retryAt(rule: RateRule, counter: { count: number; lastAt: Date }, now: Date): Date {
  const afterInterval = counter.lastAt.getTime() + rule.minIntervalMs;
  const afterHour = counter.count >= rule.perHour ? endOfHour(now).getTime() : 0;
  return new Date(Math.max(afterInterval, afterHour, now.getTime() + 1000));
}

const WHO: Record<RateSubject, string> = { id: '该身份证号码', phone: '该手机号码', kiosk: '本终端' };

export function rateLimitedMessage(subject: RateSubject, retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const wait = seconds < 120 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
  return `${WHO[subject]}获取验证码太频繁，请 ${wait}后再试`;
}

export function wrongCodeMessage(attemptsLeft: number): string {
  return attemptsLeft > 0
    ? `验证码不正确，还可以再试 ${attemptsLeft} 次`
    : '验证码不正确，错误次数已用完，请重新获取验证码';
}

export const newOtpCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

export function hashOtp(code: string, salt = randomBytes(16).toString('base64url')) {
  return { salt, codeHash: createHash('sha256').update(`${salt}:${code}`).digest('base64url') };
}

export function otpMatches(code: string, challenge: { salt: string; codeHash: string }): boolean {
  const actual = Buffer.from(hashOtp(code, challenge.salt).codeHash);
  const expected = Buffer.from(challenge.codeHash);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export const otpSmsText = (code: string) =>
  `【党群服务中心】您的验证码为 ${code}，5 分钟内有效。请勿告诉他人；如非本人操作，请忽略本短信。`;
