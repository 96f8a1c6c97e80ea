import { assertScope, covers, orgsOf, type Principal } from '@psc/auth';

/** The base's centre decides; its administrators (and the city's) see every stay at it. */
export const BASE_ADMINS = ['centre_admin', 'city_admin'] as const;

const isMember = (principal: Principal, orgId: string) =>
  principal.kind === 'staff' && orgsOf(principal).includes(orgId);

/** The organisation itself, or the administrators of the base: nobody else sees an application (403). */
export function assertIncubationAccess(principal: Principal, inc: { orgId: string; baseId: string }): void {
  if (isMember(principal, inc.orgId)) return;
  assertScope(principal, inc.baseId, BASE_ADMINS);
}

/** True when the principal administers the base at `centreId` (a street's administrators cover its communities). */
export const isBaseAdmin = (principal: Principal, centreId: string) =>
  principal.roles.some(
    (g) => (BASE_ADMINS as readonly string[]).includes(g.role) && covers(g.scope, centreId),
  );
