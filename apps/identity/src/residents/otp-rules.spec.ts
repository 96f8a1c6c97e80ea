import { describe, expect, it } from 'vitest';
import { hashOtp, newOtpCode, otpMatches, wrongCodeMessage } from './otp-rules';

describe('otp rules', () => {
  it('makes six-digit codes and keeps only a salted hash', () => {
    const code = newOtpCode();
    expect(code).toMatch(/^\d{6}$/);
    const stored = hashOtp(code);
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(hashOtp(code).codeHash).not.toBe(stored.codeHash); // a fresh salt each time
    expect(otpMatches(code, stored)).toBe(true);
    expect(otpMatches(code === '123456' ? '654321' : '123456', stored)).toBe(false);
  });

  it('tells how many attempts are left', () => {
    expect(wrongCodeMessage(2)).toBe('验证码不正确，还可以再试 2 次');
    expect(wrongCodeMessage(0)).toContain('请重新获取验证码');
  });
});
