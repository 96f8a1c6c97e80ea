import { assertScope, orgsOf, type Principal } from '@psc/auth';
import { REGISTRY_ADMINS, REGISTRY_READERS } from './organisation-rules';

/** What the access decisions need of an organisation. */
export interface OrgPlace {
  _id: string;
  centreId: string;
}

/**
 * Its own staff, or staff of the places it lies in (administrators; readers when `read`). The staff of another
 * organisation hold a grant over `org/<their id>` only, which covers no place: they are refused (403).
 */
export function assertOrgAccess(principal: Principal, org: OrgPlace, mode: 'read' | 'maintain'): void {
  if (principal.kind === 'staff' && orgsOf(principal).includes(org._id)) return;
  assertScope(principal, org.centreId, mode === 'read' ? REGISTRY_READERS : REGISTRY_ADMINS);
}

/** The registry's own steps (registering, in time the register's corrections) are for a place's administrators. */
export const assertRegistryAdmin = (principal: Principal, centreId: string) =>
  assertScope(principal, centreId, REGISTRY_ADMINS);
