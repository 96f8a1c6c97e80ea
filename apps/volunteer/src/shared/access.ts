import { assertScope, orgsOf, type Principal, type Role } from '@psc/auth';
import { AppError } from '@psc/server-kit';

/** Who runs a centre's volunteer work: its administrator (a city administrator over every centre). */
export const CENTRE_ROLES: readonly Role[] = ['centre_admin', 'city_admin'];

/**
 * 谁组织谁记录: an activity is run by the centre's administrators, or, when a social organisation organises it,
 * by that organisation's staff too.
 */
export function assertOrganiser(
  principal: Principal,
  owner: { centreId: string; orgId: string | null },
): void {
  if (owner.orgId && principal.kind === 'staff' && orgsOf(principal).includes(owner.orgId)) return;
  assertScope(principal, owner.centreId, CENTRE_ROLES);
}

/** The resident behind a kiosk or portal session; staff tokens are refused. */
export function residentOf(principal: Principal): string {
  if (principal.kind !== 'resident')
    throw new AppError('AUTH.FORBIDDEN', '请以居民身份登录或在自助终端核验身份');
  return principal.sub;
}
