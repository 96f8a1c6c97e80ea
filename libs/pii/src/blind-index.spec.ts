import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BlindIndex } from './blind-index';
import { generateKey } from './dev-keys';
import { PiiCryptoError } from './errors';

const key = generateKey();
const index = new BlindIndex({ PII_INDEX_KEY: `idx1:${key}` });
const context = 'members.idNumber';
const idNumber = '11010519491231002X';

describe('BlindIndex', () => {
  it('is HMAC-SHA256 over context, NUL, value', () => {
    const expected = createHmac('sha256', Buffer.from(key, 'base64'))
      .update(`${context}\0${idNumber}`)
      .digest('base64url');
    expect(index.compute(idNumber, context)).toBe(expected);
  });

  it('gives the same index for the same value, and for its full-width or padded spellings', () => {
    const first = index.compute(idNumber, context);
    expect(index.compute(idNumber, context)).toBe(first);
    expect(index.compute(` ${idNumber}\n`, context)).toBe(first);
    expect(index.compute('１１０１０５１９４９１２３１００２Ｘ', context)).toBe(first);
    expect(new BlindIndex({ PII_INDEX_KEY: `idx1:${key}` }).compute(idNumber, context)).toBe(first);
  });

  it('differs for another value, another key or another context', () => {
    const first = index.compute(idNumber, context);
    expect(index.compute('110105194912310038', context)).not.toBe(first);
    expect(new BlindIndex({ PII_INDEX_KEY: `idx1:${generateKey()}` }).compute(idNumber, context)).not.toBe(
      first,
    );
    expect(index.compute(idNumber, 'volunteers.idNumber')).not.toBe(first);
  });

  it.each([
    ['base64url', /^[\w-]{43}$/],
    ['hex', /^[0-9a-f]{64}$/],
  ] as const)('encodes as %s', (encoding, shape) => {
    expect(new BlindIndex({ PII_INDEX_KEY: `idx1:${key}` }, encoding).compute(idNumber, context)).toMatch(
      shape,
    );
  });

  it('exposes its key id so documents can record which key indexed them', () => {
    expect(index.keyId).toBe('idx1');
  });

  it('refuses several keys, a bad key or an empty context', () => {
    expect(() => new BlindIndex({ PII_INDEX_KEY: `a:${key},b:${generateKey()}` })).toThrow(PiiCryptoError);
    expect(() => new BlindIndex({ PII_INDEX_KEY: 'idx1:c2hvcnQ=' })).toThrow(/is 5 bytes; expected 32/);
    expect(() => index.compute(idNumber, '')).toThrow(TypeError);
    expect(() => index.compute(idNumber, 'a\0b')).toThrow(TypeError);
  });
});
