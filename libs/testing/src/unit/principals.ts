import type { Principal, Role, RoleGrant } from '@psc/auth';

/** Who a unit spec acts as, shaped as a verified access token would give it. */

/** A member of staff holding `role` over `scope` (the whole city by default). */
export const staff = (role: Role, scope = 'sz', overrides: Partial<Principal> = {}): Principal => ({
  sub: `u-${role}`,
  kind: 'staff',
  roles: [{ role, scope }],
  sessionId: `s-${role}`,
  ...overrides,
});

/** A member of staff holding several grants, e.g. counter work in a district and the admin of one centre. */
export const staffWith = (roles: RoleGrant[], overrides: Partial<Principal> = {}): Principal => ({
  sub: 'u-staff',
  kind: 'staff',
  roles,
  sessionId: 's-staff',
  ...overrides,
});

/** A resident signed in (at a kiosk when `kioskSession` is given in `overrides`). */
export const resident = (id = 'r-1', overrides: Partial<Principal> = {}): Principal => ({
  sub: id,
  kind: 'resident',
  roles: [{ role: 'resident', scope: 'sz' }],
  sessionId: `s-${id}`,
  ...overrides,
});
