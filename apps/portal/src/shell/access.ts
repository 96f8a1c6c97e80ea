import type { StaffUser } from '@psc/web-data';
import type { RouteRecordRaw } from 'vue-router';
import type { NavEntry } from '../env';

/** The roles of the portal's administrators (a centre's or a street's, and the city's). */
export const ADMIN_ROLES = ['centre_admin', 'city_admin'] as const;
export const ORG_ROLES = ['org_member'] as const;

export const rolesOf = (user: StaffUser | undefined): string[] => user?.roles.map((g) => g.role) ?? [];

export const hasAnyRole = (roles: readonly string[], wanted: readonly string[]) =>
  roles.some((role) => wanted.includes(role));

/** The place an administrator looks after: the scope of their first grant of one of `roles`. */
export const scopeOf = (user: StaffUser | undefined, roles: readonly string[]): string | undefined =>
  user?.roles.find((g) => roles.includes(g.role))?.scope;

export interface NavItem extends NavEntry {
  name: string;
}

const SECTIONS: NavEntry['section'][] = ['org', 'review', 'admin'];

/** The side navigation for these roles: pages with `meta.nav` that one of the roles opens, in section order. */
export function navItems(routes: readonly RouteRecordRaw[], roles: readonly string[]): NavItem[] {
  return routes
    .flatMap((r) => {
      const { nav, roles: wanted } = r.meta ?? {};
      if (!nav || typeof r.name !== 'string') return [];
      if (wanted && !hasAnyRole(roles, wanted)) return [];
      return [{ ...nav, name: r.name }];
    })
    .sort((a, b) => SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section) || a.order - b.order);
}
