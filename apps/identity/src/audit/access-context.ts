import type { Principal } from '@psc/auth';

export const SCREENS = ['kiosk', 'counter', 'portal', 'api'] as const;
export type Screen = (typeof SCREENS)[number];

export const SCREEN_HEADER = 'x-screen';
export const PURPOSE_HEADER = 'x-access-purpose';

const MAX_PURPOSE = 100;

/** Who looked at whose data, from where and why: the parts of an audit entry the request supplies. */
export interface AccessContext {
  /** `system`: identity itself, e.g. reading a phone number to send a text the resident is owed */
  actor: { id: string; kind: Principal['kind'] | 'system'; role: string };
  screen: Screen;
  purpose: string;
}

type Headers = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Header values are Latin-1 on the wire, so UIs send a Chinese purpose percent-encoded; a value that does not decode
 * is kept as sent. An unknown screen is recorded as 'api' rather than refused: the audit must not block the work.
 */
export function accessContext(principal: Principal, headers: Headers, defaultPurpose: string): AccessContext {
  const screenHeader = first(headers[SCREEN_HEADER])?.trim().toLowerCase();
  const screen = SCREENS.find((s) => s === screenHeader) ?? 'api';
  let purpose = first(headers[PURPOSE_HEADER])?.trim() ?? '';
  try {
    purpose = decodeURIComponent(purpose);
  } catch {
    // not percent-encoded: keep it
  }
  purpose = Array.from(purpose.trim()).slice(0, MAX_PURPOSE).join('') || defaultPurpose;
  return {
    actor: { id: principal.sub, kind: principal.kind, role: actingRole(principal) },
    screen,
    purpose,
  };
}

/** The most senior role of the caller, as the audit trail's "in which capacity". */
function actingRole(principal: Principal): string {
  const order = ['city_admin', 'centre_admin', 'counter_staff', 'resident'];
  const held = principal.roles.map((r) => r.role as string);
  return order.find((role) => held.includes(role)) ?? held[0] ?? principal.kind;
}
