import { createSecretKey, type KeyObject } from 'node:crypto';
import { PiiCryptoError } from './errors';

export const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
export const KEY_ID_RULE = '1–32 letters, digits, _ or -';
const KEY_BYTES = 32;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const invalid = (message: string) => new PiiCryptoError('PII.KEYRING_INVALID', message);

/** One `<key id>:<base64 of 32 bytes>` entry. */
export function parseKeyEntry(entry: string, setting: string, position = 1): { id: string; key: KeyObject } {
  const separator = entry.indexOf(':');
  const id = entry.slice(0, Math.max(separator, 0)).trim();
  if (separator < 0 || !KEY_ID.test(id)) {
    throw invalid(
      `entry ${position} of ${setting} is not <key id>:<base64 key> with a key id of ${KEY_ID_RULE}`,
    );
  }
  const material = entry.slice(separator + 1).trim();
  const bytes = Buffer.from(material, 'base64');
  // Node's decoder skips junk silently, so insist on the canonical encoding of whatever it decoded
  if (!BASE64.test(material) || bytes.toString('base64') !== material) {
    throw invalid(`key "${id}" in ${setting} is not valid base64`);
  }
  if (bytes.length !== KEY_BYTES) {
    throw invalid(
      `key "${id}" in ${setting} is ${bytes.length} bytes; expected ${KEY_BYTES} (openssl rand -base64 ${KEY_BYTES})`,
    );
  }
  const key = createSecretKey(bytes); // a KeyObject never prints its bytes in logs or util.inspect
  bytes.fill(0);
  return { id, key };
}

/** `k2:<base64>,k1:<base64>`: every key that may still be needed to read stored data. */
export function parseKeyring(value: string): ReadonlyMap<string, KeyObject> {
  const setting = 'PII_KEYS';
  if (value.trim() === '') throw invalid(`${setting} is empty; expected <key id>:<base64 key>[,…]`);
  const keys = new Map<string, KeyObject>();
  value.split(',').forEach((entry, i) => {
    const { id, key } = parseKeyEntry(entry, setting, i + 1);
    if (keys.has(id)) throw invalid(`key id "${id}" appears more than once in ${setting}`);
    keys.set(id, key);
  });
  return keys;
}

/** The blind index key: one entry, since every lookup must use the key the stored index was computed with. */
export function parseIndexKey(value: string): { id: string; key: KeyObject } {
  if (value.includes(',')) {
    throw invalid('PII_INDEX_KEY holds exactly one <key id>:<base64 key>; to change it, re-index instead');
  }
  return parseKeyEntry(value, 'PII_INDEX_KEY');
}

export function assertActiveKeyId(keys: ReadonlyMap<string, unknown>, activeKeyId: string): void {
  if (!keys.has(activeKeyId)) {
    throw invalid(
      `PII_ACTIVE_KEY_ID "${activeKeyId}" is not one of the key ids in PII_KEYS (${[...keys.keys()].join(', ')})`,
    );
  }
}
