import { describe, expect, it } from 'vitest';
import { lockedMessage, passwordProblem } from './password-rules';

describe('password rules', () => {
  it.each([
    ['abc1', '新密码须至少 10 位'],
    ['abcdefghijk', '新密码须包含数字'],
    ['12345678901', '新密码须包含字母'],
    ['短', '新密码须至少 10 位、包含字母、包含数字'],
    ['abcdefghi1', undefined],
  ])('%s → %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it('rounds the lock time up to whole minutes', () => {
    const now = new Date('2025-03-03T02:00:00Z');
    expect(lockedMessage(new Date('2025-03-03T02:00:30Z'), now)).toBe('账号已锁定，请 1 分钟后再试');
  });
});
