import { randomBytes } from 'node:crypto';
import type { PiiConfig } from './keyring-config';

/** 32 random bytes in base64, the form PII_KEYS and PII_INDEX_KEY take. */
export const generateKey = (): string => randomBytes(32).toString('base64');

/**
 * Fresh PII settings for local development and tests, so no key is ever committed. The first id is the active one.
 * Never a production fallback: unless saved (e.g. to .env), the keys die with the process and so does the data.
 */
export function generateDevKeys(keyIds: readonly [string, ...string[]] = ['dev1']): PiiConfig {
  return {
    PII_KEYS: keyIds.map((id) => `${id}:${generateKey()}`).join(','),
    PII_ACTIVE_KEY_ID: keyIds[0],
    PII_INDEX_KEY: `idx1:${generateKey()}`,
  };
}
