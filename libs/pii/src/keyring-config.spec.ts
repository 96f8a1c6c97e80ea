import { ConfigError, parseConfig, redactConfig } from '@psc/server-kit';
import { describe, expect, it } from 'vitest';
import { generateDevKeys, generateKey } from './dev-keys';
import { BlindIndex } from './blind-index';
import { FieldCipher } from './field-cipher';
import { piiConfigSchema } from './keyring-config';

const k1 = generateKey();
const k2 = generateKey();
const idx = generateKey();
const good = { PII_KEYS: `k2:${k2}, k1:${k1}`, PII_ACTIVE_KEY_ID: 'k2', PII_INDEX_KEY: `idx1:${idx}` };

function problems(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(piiConfigSchema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('PII settings', () => {
  it('accept a valid keyring, and generateDevKeys makes one', () => {
    expect(piiConfigSchema.parse(good)).toEqual(good);
    const dev = generateDevKeys(['dev2', 'dev1']);
    expect(piiConfigSchema.parse(dev)).toEqual(dev);
    expect(dev.PII_ACTIVE_KEY_ID).toBe('dev2');
    expect(generateDevKeys().PII_KEYS).not.toBe(generateDevKeys().PII_KEYS);
    expect(() => new FieldCipher(dev)).not.toThrow();
    expect(() => new BlindIndex(dev)).not.toThrow();
  });

  it.each([
    [
      'a key of 16 bytes',
      { PII_KEYS: `k1:${Buffer.alloc(16, 1).toString('base64')}` },
      /PII_KEYS: key "k1" in PII_KEYS is 16 bytes; expected 32/,
    ],
    [
      'a key that is not base64',
      { PII_KEYS: `k1:${k1.slice(0, -2)}!=` },
      /PII_KEYS: key "k1" in PII_KEYS is not valid base64/,
    ],
    [
      'an entry without key id',
      { PII_KEYS: `k2:${k2},${k1}` },
      /PII_KEYS: entry 2 of PII_KEYS is not <key id>:<base64 key>/,
    ],
    ['a key id with a dot', { PII_KEYS: `k.1:${k1}` }, /PII_KEYS: entry 1 of PII_KEYS/],
    [
      'a duplicate key id',
      { PII_KEYS: `k1:${k1},k1:${k2}`, PII_ACTIVE_KEY_ID: 'k1' },
      /key id "k1" appears more than once in PII_KEYS/,
    ],
    ['a trailing comma', { PII_KEYS: `k2:${k2},` }, /entry 2 of PII_KEYS/],
    [
      'an active id missing from the keyring',
      { PII_ACTIVE_KEY_ID: 'k3' },
      /PII_ACTIVE_KEY_ID: PII_ACTIVE_KEY_ID "k3" is not one of the key ids in PII_KEYS \(k2, k1\)/,
    ],
    [
      'an active id of bad form',
      { PII_ACTIVE_KEY_ID: 'k 2' },
      /PII_ACTIVE_KEY_ID: PII_ACTIVE_KEY_ID must be 1–32 letters/,
    ],
    [
      'two index keys',
      { PII_INDEX_KEY: `a:${idx},b:${k1}` },
      /PII_INDEX_KEY: PII_INDEX_KEY holds exactly one/,
    ],
    [
      'a short index key',
      { PII_INDEX_KEY: `idx1:${Buffer.alloc(31).toString('base64')}` },
      /PII_INDEX_KEY: key "idx1" in PII_INDEX_KEY is 31 bytes/,
    ],
    [
      'the index key reusing an encryption key',
      { PII_INDEX_KEY: `idx1:${k1}` },
      /PII_INDEX_KEY: PII_INDEX_KEY must not reuse a key from PII_KEYS/,
    ],
    ['a missing setting', { PII_KEYS: undefined }, /PII_KEYS: is required but not set/],
  ])('report %s, naming the setting', (_case, change, message) => {
    const found = problems({ ...good, ...change });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it('never echo key material in a complaint', () => {
    const found = problems({
      PII_KEYS: `k1:${k1.slice(0, 20)}`,
      PII_ACTIVE_KEY_ID: 'k1',
      PII_INDEX_KEY: `idx1:${idx}x`,
    });
    expect(found).toHaveLength(2);
    expect(found.join('\n')).not.toContain(k1.slice(0, 20));
    expect(found.join('\n')).not.toContain(idx);
  });

  it('are masked by redactConfig, the active key id is not', () => {
    expect(redactConfig(piiConfigSchema, piiConfigSchema.parse(good))).toEqual({
      PII_KEYS: '***',
      PII_ACTIVE_KEY_ID: 'k2',
      PII_INDEX_KEY: '***',
    });
  });
});
