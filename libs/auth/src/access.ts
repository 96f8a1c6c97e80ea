import { AppError } from '@psc/server-kit';
import type { Principal, Role } from './roles';
import { covers } from './scope';

/**
 * Refuses unless one of the principal's grants (of `roles`, when given) covers the data's scope. @Roles only says
 * what kind of staff may call a route; this says whose centre, street or district the record belongs to.
 */
export function assertScope(principal: Principal, resourceScope: string, roles?: readonly Role[]): void {
  const allowed = principal.roles.some(
    (grant) => (roles === undefined || roles.includes(grant.role)) && covers(grant.scope, resourceScope),
  );
  if (!allowed) throw new AppError('AUTH.OUT_OF_SCOPE');
}

/** A resident may see their own records only; `residentId` is the record owner's id, the token's `sub`. */
export function assertSelf(principal: Principal, residentId: string): void {
  if (principal.kind !== 'resident' || principal.sub !== residentId)
    throw new AppError('AUTH.NOT_OWN_RECORD');
}
