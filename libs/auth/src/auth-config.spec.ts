import { baseConfigSchema, ConfigError, parseConfig, redactConfig } from '@psc/server-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { authConfigShape, authSigningConfigShape, checkSigningKeyPublished } from './auth-config';
import { type DevKeyPair, generateDevKeyPair } from './keys';
import type { Principal } from './roles';
import { TokenIssuer, TokenVerifier } from './tokens';

const serviceSchema = z.object(authConfigShape);
const identitySchema = z
  .object({ ...authConfigShape, ...authSigningConfigShape })
  .superRefine(checkSigningKeyPublished);

function problems(schema: z.ZodObject, env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('auth settings', () => {
  let pair: DevKeyPair;
  let other: DevKeyPair;

  beforeAll(async () => {
    [pair, other] = await Promise.all([generateDevKeyPair(), generateDevKeyPair('2026-03')]);
  });

  it('parse dev keys into a keyring and a signing key that work together', async () => {
    const config = parseConfig(identitySchema, pair.settings);
    expect(config.AUTH_PUBLIC_KEYS.keys).toEqual([pair.publicJwk]);
    expect(config.AUTH_SIGNING_KEY).toEqual(pair.privateJwk);
    const issuer = await TokenIssuer.create({ jwk: config.AUTH_SIGNING_KEY });
    const principal: Principal = { sub: 'u', kind: 'staff', roles: [], sessionId: 's' };
    expect(
      await new TokenVerifier(config.AUTH_PUBLIC_KEYS).verify((await issuer.issue(principal)).token),
    ).toEqual(principal);
    expect(pair.kid).toMatch(/^[\w-]{43}$/); // RFC 7638 thumbprint
    expect(other.kid).toBe('2026-03');
  });

  it('extend the base schema, and redactConfig masks both keys', () => {
    const schema = baseConfigSchema.extend({ ...authConfigShape, ...authSigningConfigShape });
    const env = { PORT: '3000', MONGODB_URI: 'mongodb://x/', KAFKA_BROKERS: 'a:1', ...pair.settings };
    const redacted = redactConfig(schema, parseConfig(schema, env));
    expect(redacted.AUTH_PUBLIC_KEYS).toBe('***');
    expect(redacted.AUTH_SIGNING_KEY).toBe('***');
    expect(redacted.PORT).toBe(3000);
  });

  it.each([
    ['a missing setting', {}, /^AUTH_PUBLIC_KEYS: is required but not set \(JWKS of the Ed25519/],
    ['not JSON', { AUTH_PUBLIC_KEYS: '{keys:' }, /AUTH_PUBLIC_KEYS: AUTH_PUBLIC_KEYS is not valid JSON/],
    ['no keys', { AUTH_PUBLIC_KEYS: '{"keys":[]}' }, /AUTH_PUBLIC_KEYS holds no keys/],
    [
      'an RSA key',
      { AUTH_PUBLIC_KEYS: '{"keys":[{"kty":"RSA","n":"x","e":"AQAB","kid":"r"}]}' },
      /entry 1 in AUTH_PUBLIC_KEYS is not an Ed25519 JWK/,
    ],
  ])('report %s, naming the setting', (_case, env, message) => {
    const found = problems(serviceSchema, env);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it('refuse a public keyring without kids, with a duplicate kid, a foreign alg, or a private key in it', () => {
    const { kid: _kid, ...noKid } = pair.publicJwk;
    const cases: [object[], RegExp][] = [
      [[noKid], /entry 1 in AUTH_PUBLIC_KEYS needs a "kid"/],
      [[pair.publicJwk, { ...other.publicJwk, kid: pair.kid }], /kid ".+" appears more than once/],
      [[{ ...pair.publicJwk, alg: 'Ed25519' }], /has alg "Ed25519"; expected "EdDSA"/],
      [[other.publicJwk, pair.privateJwk], /key ".+" in AUTH_PUBLIC_KEYS contains private key material/],
    ];
    for (const [keys, message] of cases) {
      const found = problems(serviceSchema, { AUTH_PUBLIC_KEYS: JSON.stringify({ keys }) });
      expect(found).toEqual([expect.stringMatching(message)]);
      expect(found[0]).not.toContain(pair.privateJwk.d);
    }
  });

  it('refuse a public key given as the signing key, and a signing key that is not published', () => {
    expect(
      problems(identitySchema, { ...pair.settings, AUTH_SIGNING_KEY: JSON.stringify(pair.publicJwk) }),
    ).toEqual([
      expect.stringMatching(/^AUTH_SIGNING_KEY: key ".+" in AUTH_SIGNING_KEY is not a private key/),
    ]);
    const unpublished = problems(identitySchema, {
      ...other.settings,
      AUTH_SIGNING_KEY: pair.settings.AUTH_SIGNING_KEY,
    });
    expect(unpublished).toEqual([
      expect.stringMatching(
        /^AUTH_SIGNING_KEY: AUTH_SIGNING_KEY \(kid ".+"\) has no matching public key in AUTH_PUBLIC_KEYS/,
      ),
    ]);
    expect(unpublished[0]).not.toContain(pair.privateJwk.d);
  });
});
