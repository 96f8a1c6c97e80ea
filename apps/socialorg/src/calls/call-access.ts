import { covers, type Principal } from '@psc/auth';
import type { Call } from './call.model';
import { ADMIN_ROLES } from './call-steps';

/** Whether the principal administers the call's place (its street or district, or the city above it). */
export const administers = (principal: Principal, call: Pick<Call, 'ownerScope'>): boolean =>
  principal.roles.some((g) => ADMIN_ROLES.includes(g.role) && covers(g.scope, call.ownerScope));
