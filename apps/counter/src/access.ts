import { ACTION_ROLES, type CaseAction, type CaseView } from '@psc/contracts/affairs';
import type { StaffUser } from '@psc/web-data';

/** Who sees each part of the workbench; the services refuse the rest anyway, this only keeps the screen honest. */
export const SECTION_ROLES = {
  queue: ['counter_staff', 'centre_admin'],
  intake: ['counter_staff', 'centre_admin'],
  cases: ['counter_staff', 'dept_reviewer', 'centre_admin', 'city_admin'],
  inbox: ['dept_reviewer'],
  rectifications: ['centre_admin'],
  rooms: ['counter_staff', 'centre_admin'],
  misses: ['counter_staff', 'centre_admin', 'city_admin'],
} as const satisfies Record<string, readonly string[]>;
export type Section = keyof typeof SECTION_ROLES;

export const rolesOf = (user: StaffUser | undefined): string[] => user?.roles.map((g) => g.role) ?? [];

export const hasAnyRole = (roles: readonly string[], wanted: readonly string[]) =>
  roles.some((role) => wanted.includes(role));

/** The steps this member of staff may take on the case now: what its state allows and their roles open. */
export const actionsFor = (view: Pick<CaseView, 'allowedActions'>, roles: readonly string[]): CaseAction[] =>
  view.allowedActions.filter((action) => hasAnyRole(roles, ACTION_ROLES[action]));

// a scope path city/district/street/centre: four parts name one centre (a 小区驿站 sits at the same depth)
const CENTRE_DEPTH = 4;

/**
 * The centre whose queue and cases the workbench shows: the one a grant names, else the centre this gateway serves
 * (a district reviewer or a city administrator looks at the local centre).
 */
export function workbenchCentre(user: StaffUser | undefined, fallback: string): string {
  return user?.roles.find((g) => g.scope.split('/').length === CENTRE_DEPTH)?.scope ?? fallback;
}
