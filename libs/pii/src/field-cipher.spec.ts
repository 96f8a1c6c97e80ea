import { describe, expect, it } from 'vitest';
import { generateKey } from './dev-keys';
import { PiiCryptoError, type PiiCryptoErrorCode } from './errors';
import { FieldCipher } from './field-cipher';

const k1 = generateKey();
const k2 = generateKey();
const context = 'members.idNumber';
const idNumber = '11010519491231002X';

const cipherWith = (keys: string, active: string) =>
  new FieldCipher({ PII_KEYS: keys, PII_ACTIVE_KEY_ID: active });

function expectCode(run: () => unknown, code: PiiCryptoErrorCode): PiiCryptoError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PiiCryptoError);
    expect((error as PiiCryptoError).code).toBe(code);
    return error as PiiCryptoError;
  }
  throw new Error(`expected ${code}`);
}

// flips one bit of one decoded part, so the change is real (editing a base64 character may only touch padding bits)
function flipBit(ciphertext: string, part: 2 | 3 | 4): string {
  const parts = ciphertext.split('.');
  const bytes = Buffer.from(parts[part], 'base64url');
  bytes[0] ^= 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('FieldCipher', () => {
  const cipher = cipherWith(`k1:${k1}`, 'k1');

  it.each([idNumber, '张三', '', '🙂 emoji and 汉字', 'x'.repeat(10_000)])('round-trips %j', (plaintext) => {
    expect(cipher.decrypt(cipher.encrypt(plaintext, context), context)).toBe(plaintext);
  });

  it('writes v1.<kid>.<iv>.<tag>.<ct> with a fresh IV each time', () => {
    const a = cipher.encrypt(idNumber, context);
    const b = cipher.encrypt(idNumber, context);
    expect(a).toMatch(/^v1\.k1\.[\w-]{16}\.[\w-]{22}\.[\w-]{24}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(idNumber);
  });

  it('refuses a ciphertext moved to another context (AAD)', () => {
    const ciphertext = cipher.encrypt(idNumber, context);
    expectCode(() => cipher.decrypt(ciphertext, 'volunteers.idNumber'), 'PII.AUTH_FAILED');
    expectCode(() => cipher.decrypt(ciphertext, 'members.phone'), 'PII.AUTH_FAILED');
  });

  it.each([
    ['iv', 2],
    ['tag', 3],
    ['ciphertext', 4],
  ] as const)('detects a tampered %s', (_part, index) => {
    const tampered = flipBit(cipher.encrypt(idNumber, context), index);
    expectCode(() => cipher.decrypt(tampered, context), 'PII.AUTH_FAILED');
  });

  it('detects a ciphertext relabelled with another key id', () => {
    const both = cipherWith(`k1:${k1},k2:${k2}`, 'k1');
    const relabelled = both.encrypt(idNumber, context).replace('v1.k1.', 'v1.k2.');
    expectCode(() => both.decrypt(relabelled, context), 'PII.AUTH_FAILED');
  });

  it.each([
    ['plain text', idNumber],
    ['empty', ''],
    ['unknown version', cipher.encrypt(idNumber, context).replace(/^v1/, 'v2')],
    ['a part missing', cipher.encrypt(idNumber, context).split('.').slice(0, 4).join('.')],
    ['an extra part', `${cipher.encrypt(idNumber, context)}.AA`],
    [
      'truncated tag',
      cipher
        .encrypt(idNumber, context)
        .replace(/\.([\w-]{22})\./, (_m, tag: string) => `.${tag.slice(0, 11)}.`),
    ],
    ['not base64url', cipher.encrypt(idNumber, context).replace(/\.([\w-]{16})\./, '.AAAAAAAAAAAAAAA+.')],
    ['bad key id', cipher.encrypt(idNumber, context).replace('v1.k1.', 'v1.k:1.')],
  ])('rejects a malformed value: %s', (_case, value) => {
    expectCode(() => cipher.decrypt(value, context), 'PII.MALFORMED_CIPHERTEXT');
  });

  it('names an unknown key id without revealing anything else', () => {
    const other = cipherWith(`k9:${generateKey()}`, 'k9');
    const error = expectCode(
      () => cipher.decrypt(other.encrypt(idNumber, context), context),
      'PII.UNKNOWN_KEY_ID',
    );
    expect(error.message).toContain('"k9"');
    expect(error.message).not.toContain(idNumber);
  });

  it('rotates: old data stays readable, is flagged, and re-encrypts under the new key', () => {
    const before = cipherWith(`k1:${k1}`, 'k1');
    const old = before.encrypt(idNumber, context);
    expect(before.needsRotation(old)).toBe(false);

    const after = cipherWith(`k2:${k2},k1:${k1}`, 'k2');
    expect(after.decrypt(old, context)).toBe(idNumber);
    expect(after.needsRotation(old)).toBe(true);

    const rotated = after.reencrypt(old, context);
    expect(rotated.startsWith('v1.k2.')).toBe(true);
    expect(after.needsRotation(rotated)).toBe(false);
    expect(after.decrypt(rotated, context)).toBe(idNumber);

    // once everything is re-encrypted, k1 can leave the keyring
    const retired = cipherWith(`k2:${k2}`, 'k2');
    expect(retired.decrypt(rotated, context)).toBe(idNumber);
    expectCode(() => retired.decrypt(old, context), 'PII.UNKNOWN_KEY_ID');
  });

  it('re-encryption checks the context too', () => {
    const old = cipher.encrypt(idNumber, context);
    expectCode(
      () => cipherWith(`k2:${k2},k1:${k1}`, 'k2').reencrypt(old, 'members.phone'),
      'PII.AUTH_FAILED',
    );
  });

  it('refuses to start with an active key id that is not in the keyring', () => {
    const error = expectCode(() => cipherWith(`k1:${k1}`, 'k2'), 'PII.KEYRING_INVALID');
    expect(error.message).toBe('PII_ACTIVE_KEY_ID "k2" is not one of the key ids in PII_KEYS (k1)');
  });

  it('requires a context', () => {
    expect(() => cipher.encrypt(idNumber, '')).toThrow(TypeError);
  });
});
