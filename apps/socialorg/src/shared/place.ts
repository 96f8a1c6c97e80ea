import type { Principal, Role } from '@psc/auth';
import { randomBytes } from 'node:crypto';

/**
 * Every scope a record at `place` lies within, from the city down: stored on the record, so "everything in my
 * street" is one equality on an indexed array (an element match) rather than a prefix scan.
 */
export function placePath(place: string): string[] {
  const segments = place.split('/');
  return segments.map((_, i) => segments.slice(0, i + 1).join('/'));
}

/** A new id with a readable prefix; lower-case, so it can also be a scope segment (`org/<id>`). */
export const newId = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex')}`;

/** The role the caller acted in, for the record: the first of `roles` they hold, else their first role. */
export function actingRole(principal: Principal, roles: readonly Role[] | readonly string[]): string {
  const held = principal.roles.map((g) => g.role as string);
  return roles.find((role) => held.includes(role)) ?? held[0] ?? principal.kind;
}

/** Days from one Shanghai calendar day to another (`YYYY-MM-DD`). */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
