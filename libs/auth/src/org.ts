import { AppError } from '@psc/server-kit';
import type { Principal, RoleGrant } from './roles';

/**
 * A social organisation's staff hold `org_member` over `org/<orgId>`: a scope of its own, outside the
 * city/district/street/centre tree, so no grant over a place ever reaches an organisation's drafts and an
 * organisation's grant reaches nothing but its own records.
 */
export const ORG_SCOPE_ROOT = 'org';

export const orgScope = (orgId: string) => `${ORG_SCOPE_ROOT}/${orgId}`;

export const orgGrant = (orgId: string): RoleGrant => ({ role: 'org_member', scope: orgScope(orgId) });

/** The organisations a principal works for (normally one). */
export function orgsOf(principal: Principal): string[] {
  return principal.roles
    .filter((g) => g.role === 'org_member' && g.scope.startsWith(`${ORG_SCOPE_ROOT}/`))
    .map((g) => g.scope.slice(ORG_SCOPE_ROOT.length + 1))
    .filter((id) => id.length > 0 && !id.includes('/'));
}

/** Refuses unless the principal is staff of organisation `orgId`. */
export function assertOrgMember(principal: Principal, orgId: string): void {
  if (principal.kind !== 'staff' || !orgsOf(principal).includes(orgId))
    throw new AppError('AUTH.OUT_OF_SCOPE');
}
