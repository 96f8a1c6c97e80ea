import { createHmac, type KeyObject } from 'node:crypto';
import { parseIndexKey } from './keyring';

export interface BlindIndexSettings {
  PII_INDEX_KEY: string;
}

export type BlindIndexEncoding = 'hex' | 'base64url';

/**
 * Equality lookup on encrypted fields: store `compute(value, context)` next to the ciphertext and query by it.
 *
 * Keyed (HMAC-SHA256), not a plain hash: ID and phone numbers are few enough to enumerate, so an unkeyed digest
 * would give the value away. The index is therefore only as secret as PII_INDEX_KEY, which must differ from the
 * encryption keys. Changing PII_INDEX_KEY changes every index value: re-index all stored documents (decrypt,
 * compute with the new key) before lookups use it; `keyId` lets a document record which key its index used.
 */
export class BlindIndex {
  readonly keyId: string;
  readonly #key: KeyObject;

  constructor(
    settings: BlindIndexSettings,
    readonly encoding: BlindIndexEncoding = 'base64url',
  ) {
    const { id, key } = parseIndexKey(settings.PII_INDEX_KEY);
    this.keyId = id;
    this.#key = key;
  }

  /**
   * `value` should already be in its canonical form (e.g. `validateIdNumber(…).value`); NFKC and trimming here only
   * stop full-width IME input or stray spaces from splitting one person into two index values. `context` (e.g.
   * `members.idNumber`) keeps equal values in different fields from matching each other across collections.
   */
  compute(value: string, context: string): string {
    if (context === '' || context.includes('\0')) {
      throw new TypeError('BlindIndex needs a context such as "members.idNumber" (no NUL characters)');
    }
    return createHmac('sha256', this.#key)
      .update(`${context}\0${value.normalize('NFKC').trim()}`, 'utf8')
      .digest(this.encoding);
  }
}
