import { z } from 'zod';

/** Depth 1..4 of `city/district/street/centre`, e.g. `sz/futian/xiangmihu/c-001` is a centre. */
export const SCOPE_LEVELS = ['city', 'district', 'street', 'centre'] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

const SEGMENT = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const SCOPE_RULE =
  '1–4 segments of lower-case letters, digits and -, joined by / (city/district/street/centre)';

export function isValidScope(scope: string): boolean {
  const segments = scope.split('/');
  return segments.length <= SCOPE_LEVELS.length && segments.every((s) => SEGMENT.test(s));
}

export function scopeLevel(scope: string): ScopeLevel {
  if (!isValidScope(scope)) throw new TypeError(`"${scope}" is not a scope: ${SCOPE_RULE}`);
  return SCOPE_LEVELS[scope.split('/').length - 1];
}

/**
 * True when a role held at `roleScope` reaches data at `resourceScope`. Whole segments only, so `sz/futian` does
 * not cover `sz/futianxyz`; an invalid scope on either side covers nothing, so bad data fails closed.
 */
export function covers(roleScope: string, resourceScope: string): boolean {
  if (!isValidScope(roleScope) || !isValidScope(resourceScope)) return false;
  return resourceScope === roleScope || resourceScope.startsWith(`${roleScope}/`);
}

export const scopeSchema = z.string().refine(isValidScope, { message: `not a scope: ${SCOPE_RULE}` });
