export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MS = 15 * 60 * 1000;
export const REFRESH_TTL_MS = 12 * 60 * 60 * 1000;
const MIN_LENGTH = 10;

/** Why a new password is refused, in words a person can act on; undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  const problems = [
    Array.from(password).length < MIN_LENGTH && `至少 ${MIN_LENGTH} 位`,
    !/[A-Za-z]/.test(password) && '包含字母',
    !/\d/.test(password) && '包含数字',
  ].filter(Boolean);
  return problems.length > 0 ? `新密码须${problems.join('、')}` : undefined;
}

export function lockedMessage(lockedUntil: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return `账号已锁定，请 ${minutes} 分钟后再试`;
}
