import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JSONWebKeySet, type JWK } from 'jose';

export const SIGNING_ALG = 'EdDSA';
const KID = /^[A-Za-z0-9._-]{1,64}$/;
const KEY_BYTES_B64URL = /^[A-Za-z0-9_-]{43}$/; // 32 bytes, the size of an Ed25519 public key and seed

/** A key setting that cannot work. Messages name the setting and the kid, never key material. */
/** A JWK whose kid has been checked. */
export type KeyedJwk = JWK & { kid: string };

export class AuthKeyError extends Error {
  override readonly name = 'AuthKeyError';
}

/**
 * Checks one Ed25519 JWK and returns it in a minimal form. Checked here rather than left to jose because jose
 * imports keys lazily: a bad key would surface as every token being refused, long after boot.
 */
function checkJwk(value: unknown, setting: string, position: string, wantPrivate: boolean): KeyedJwk {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AuthKeyError(`${position} in ${setting} is not a JWK object`);
  }
  const jwk = value as JWK;
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !KEY_BYTES_B64URL.test(jwk.x ?? '')) {
    throw new AuthKeyError(`${position} in ${setting} is not an Ed25519 JWK (kty "OKP", crv "Ed25519", x)`);
  }
  if (typeof jwk.kid !== 'string' || !KID.test(jwk.kid)) {
    throw new AuthKeyError(`${position} in ${setting} needs a "kid" of 1–64 letters, digits, ., _ or -`);
  }
  const named = `key "${jwk.kid}" in ${setting}`;
  // createLocalJWKSet matches alg and use, so another value would silently make the key unusable
  if (jwk.alg !== undefined && jwk.alg !== SIGNING_ALG) {
    throw new AuthKeyError(`${named} has alg "${jwk.alg}"; expected "${SIGNING_ALG}" or none`);
  }
  if (jwk.use !== undefined && jwk.use !== 'sig') {
    throw new AuthKeyError(`${named} has use "${jwk.use}"; expected "sig" or none`);
  }
  const minimal: KeyedJwk = { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: jwk.kid, alg: SIGNING_ALG };
  if (!wantPrivate) {
    if ('d' in jwk) {
      throw new AuthKeyError(`${named} contains private key material ("d"); publish only the public half`);
    }
    return minimal;
  }
  if (!KEY_BYTES_B64URL.test(jwk.d ?? '')) {
    throw new AuthKeyError(`${named} is not a private key; expected the private JWK (with "d")`);
  }
  return { ...minimal, d: jwk.d };
}

function parseJson(value: string, setting: string, expected: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw new AuthKeyError(`${setting} is not valid JSON; expected ${expected}`);
  }
}

/** The keys tokens may be signed with, `{"keys":[…]}`: the current one, plus the previous one during a rotation. */
export function parsePublicKeySet(
  value: string | JSONWebKeySet,
  setting = 'AUTH_PUBLIC_KEYS',
): JSONWebKeySet {
  const expected = 'a JWKS {"keys":[{"kty":"OKP","crv":"Ed25519","x":…,"kid":…}]}';
  const set = typeof value === 'string' ? parseJson(value, setting, expected) : value;
  const keys = (set as Partial<JSONWebKeySet> | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) {
    throw new AuthKeyError(`${setting} holds no keys; expected ${expected}`);
  }
  const checked = keys.map((key, i) => checkJwk(key, setting, `entry ${i + 1}`, false));
  const kids = checked.map((key) => key.kid);
  const duplicate = kids.find((kid, i) => kids.indexOf(kid) !== i);
  if (duplicate) throw new AuthKeyError(`kid "${duplicate}" appears more than once in ${setting}`);
  return { keys: checked };
}

/** The identity service's private key, a JWK with "d" and "kid". */
export function parseSigningKey(value: string | JWK, setting = 'AUTH_SIGNING_KEY'): KeyedJwk {
  const jwk =
    typeof value === 'string'
      ? parseJson(value, setting, 'a private Ed25519 JWK {"kty":"OKP",…,"d":…}')
      : value;
  return checkJwk(jwk, setting, 'the key', true);
}

export interface DevKeyPair {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
  /** ready for .env or a test's environment */
  settings: { AUTH_SIGNING_KEY: string; AUTH_PUBLIC_KEYS: string };
}

/**
 * A fresh key pair for local development and tests, so no key is ever committed. The kid defaults to the key's
 * RFC 7638 thumbprint, so two generated pairs never collide in one keyring.
 */
export async function generateDevKeyPair(kid?: string): Promise<DevKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair('Ed25519', { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const id = kid ?? (await calculateJwkThumbprint(publicJwk));
  const pub = { ...publicJwk, kid: id, alg: SIGNING_ALG };
  const priv = { ...(await exportJWK(privateKey)), kid: id, alg: SIGNING_ALG };
  return {
    kid: id,
    privateJwk: priv,
    publicJwk: pub,
    settings: { AUTH_SIGNING_KEY: JSON.stringify(priv), AUTH_PUBLIC_KEYS: JSON.stringify({ keys: [pub] }) },
  };
}
