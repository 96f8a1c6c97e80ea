import { createCipheriv, createDecipheriv, type KeyObject, randomBytes } from 'node:crypto';
import { PiiCryptoError } from './errors';
import { assertActiveKeyId, KEY_ID, parseKeyring } from './keyring';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const B64URL = /^[A-Za-z0-9_-]*$/;

export interface FieldCipherSettings {
  PII_KEYS: string;
  PII_ACTIVE_KEY_ID: string;
}

interface Parsed {
  kid: string;
  iv: Buffer;
  tag: Buffer;
  ct: Buffer;
}

/**
 * AES-256-GCM for single fields, as `v1.<kid>.<iv>.<tag>.<ct>` (base64url). The kid names the key that wrote the
 * value, so PII_KEYS can hold retired keys and old documents stay readable after PII_ACTIVE_KEY_ID moves on.
 *
 * `context` (e.g. `members.idNumber`) is bound in as associated data: a ciphertext copied into another field or
 * collection fails to decrypt. Add the document id to it where swapping values between records must fail too.
 */
export class FieldCipher {
  readonly activeKeyId: string;
  readonly #keys: ReadonlyMap<string, KeyObject>;

  constructor(settings: FieldCipherSettings) {
    this.#keys = parseKeyring(settings.PII_KEYS);
    assertActiveKeyId(this.#keys, settings.PII_ACTIVE_KEY_ID);
    this.activeKeyId = settings.PII_ACTIVE_KEY_ID;
  }

  encrypt(plaintext: string, context: string): string {
    const kid = this.activeKeyId;
    // random 96-bit IVs are safe for about 2^32 encryptions per key; rotate well before that
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#key(kid), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(kid, context));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, kid, iv, cipher.getAuthTag(), ct]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  decrypt(ciphertext: string, context: string): string {
    const { kid, iv, tag, ct } = parse(ciphertext);
    // authTagLength pins the tag size; otherwise Node would accept a truncated (forgeable) tag
    const decipher = createDecipheriv(ALGORITHM, this.#key(kid), iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(kid, context));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
    } catch {
      throw new PiiCryptoError(
        'PII.AUTH_FAILED',
        `ciphertext (key "${kid}") failed authentication: it was altered, or belongs to another context than "${context}"`,
      );
    }
  }

  /** True when the value was written with a key other than the active one. */
  needsRotation(ciphertext: string): boolean {
    return parse(ciphertext).kid !== this.activeKeyId;
  }

  /** Decrypts with whichever key wrote the value and encrypts again under the active key. */
  reencrypt(ciphertext: string, context: string): string {
    return this.encrypt(this.decrypt(ciphertext, context), context);
  }

  #key(kid: string): KeyObject {
    const key = this.#keys.get(kid);
    if (!key) {
      throw new PiiCryptoError(
        'PII.UNKNOWN_KEY_ID',
        `ciphertext was written with key "${kid}", which is not in PII_KEYS; keep retired keys there until no data uses them`,
      );
    }
    return key;
  }
}

function associatedData(kid: string, context: string): Buffer {
  if (context === '') throw new TypeError('FieldCipher needs a context such as "members.idNumber"');
  return Buffer.from(`${VERSION}.${kid}.${context}`, 'utf8');
}

function parse(ciphertext: string): Parsed {
  const [version, kid = '', ...encoded] = ciphertext.split('.');
  const [iv, tag, ct] = encoded.map(decodeBase64Url);
  if (
    version !== VERSION ||
    !KEY_ID.test(kid) ||
    encoded.length !== 3 ||
    iv?.length !== IV_BYTES ||
    tag?.length !== TAG_BYTES ||
    !ct
  ) {
    throw new PiiCryptoError(
      'PII.MALFORMED_CIPHERTEXT',
      `not a ${VERSION} field ciphertext (${VERSION}.<kid>.<iv>.<tag>.<ct>)`,
    );
  }
  return { kid, iv, tag, ct };
}

function decodeBase64Url(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64url');
  // reject junk and non-canonical spellings Node would otherwise decode silently
  return B64URL.test(text) && bytes.toString('base64url') === text ? bytes : undefined;
}
