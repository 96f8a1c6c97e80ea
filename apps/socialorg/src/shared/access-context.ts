import type { Principal } from '@psc/auth';

export const SCREENS = ['kiosk', 'counter', 'portal', 'api'] as const;
export type Screen = (typeof SCREENS)[number];

type Headers = Record<string, string | string[] | undefined>;

const MAX_PURPOSE = 100;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Who read personal data, from which screen and why, as the audit records it. */
export interface AccessContext {
  principal: Principal;
  screen: Screen;
  purpose: string;
}

/**
 * The screen (`x-screen`) and purpose (`x-access-purpose`, percent-encoded since headers are Latin-1) of a read,
 * as identity takes them for residents' data; an unknown screen is recorded as 'api' rather than refused.
 */
export function accessContext(principal: Principal, headers: Headers, defaultPurpose: string): AccessContext {
  const screenHeader = first(headers['x-screen'])?.trim().toLowerCase();
  const screen = SCREENS.find((s) => s === screenHeader) ?? 'api';
  let purpose = first(headers['x-access-purpose'])?.trim() ?? '';
  try {
    purpose = decodeURIComponent(purpose);
  } catch {
    // not percent-encoded: keep it as sent
  }
  purpose = Array.from(purpose.trim()).slice(0, MAX_PURPOSE).join('') || defaultPurpose;
  return { principal, screen, purpose };
}
