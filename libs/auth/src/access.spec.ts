import { AppError } from '@psc/server-kit';
import { describe, expect, it } from 'vitest';
import { assertScope, assertSelf } from './access';
import type { Principal, RoleGrant } from './roles';

const staff = (...roles: RoleGrant[]): Principal => ({ sub: 'u-1', kind: 'staff', roles, sessionId: 's-1' });
const resident: Principal = {
  sub: 'r-42',
  kind: 'resident',
  roles: [{ role: 'resident', scope: 'sz' }],
  sessionId: 's-2',
};

function codeOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }
  return undefined;
}

describe('assertScope', () => {
  const centreAdmin = staff({ role: 'centre_admin', scope: 'sz/futian/xiangmihu/c-001' });

  it('keeps a centre administrator to their own centre', () => {
    expect(codeOf(() => assertScope(centreAdmin, 'sz/futian/xiangmihu/c-001'))).toBeUndefined();
    expect(codeOf(() => assertScope(centreAdmin, 'sz/futian/xiangmihu/c-002'))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(() => assertScope(centreAdmin, 'sz/futian/xiangmihu'))).toBe('AUTH.OUT_OF_SCOPE');
  });

  it('lets a street administrator reach every centre in the street, and no further', () => {
    const streetAdmin = staff({ role: 'centre_admin', scope: 'sz/futian/xiangmihu' });
    expect(codeOf(() => assertScope(streetAdmin, 'sz/futian/xiangmihu/c-001'))).toBeUndefined();
    expect(codeOf(() => assertScope(streetAdmin, 'sz/futian/xiangmihu/c-002'))).toBeUndefined();
    expect(codeOf(() => assertScope(streetAdmin, 'sz/futian/shatou/c-003'))).toBe('AUTH.OUT_OF_SCOPE');
  });

  it('counts only the named roles when given', () => {
    const mixed = staff(
      { role: 'volunteer', scope: 'sz' },
      { role: 'counter_staff', scope: 'sz/futian/xiangmihu/c-001' },
    );
    expect(codeOf(() => assertScope(mixed, 'sz/luohu/x/c-009'))).toBeUndefined();
    expect(codeOf(() => assertScope(mixed, 'sz/luohu/x/c-009', ['counter_staff']))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(() => assertScope(mixed, 'sz/futian/xiangmihu/c-001', ['counter_staff']))).toBeUndefined();
  });

  it('gives the plain-Chinese message', () => {
    try {
      assertScope(staff(), 'sz');
    } catch (error) {
      expect((error as AppError).message).toBe('该数据不在您的管辖范围内');
      expect((error as AppError).status).toBe(403);
    }
    expect.assertions(2);
  });
});

describe('assertSelf', () => {
  it('lets a resident see only their own records', () => {
    expect(codeOf(() => assertSelf(resident, 'r-42'))).toBeUndefined();
    expect(codeOf(() => assertSelf(resident, 'r-43'))).toBe('AUTH.NOT_OWN_RECORD');
  });

  it('is not a way for staff in: they go through assertScope', () => {
    expect(codeOf(() => assertSelf({ ...staff(), sub: 'r-42' }, 'r-42'))).toBe('AUTH.NOT_OWN_RECORD');
  });
});
