import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { FieldCipher } from '@psc/pii';

/** The cipher of volunteers' names: the first key of VOLUNTEER_PII_KEYS encrypts, the others still decrypt. */
export function nameCipher(keys: string): FieldCipher {
  const active = keys.split(',')[0].split(':')[0];
  return new FieldCipher({ PII_KEYS: keys, PII_ACTIVE_KEY_ID: active });
}

// PKCS#8 DER header of an Ed25519 private key; the 32-byte seed follows it
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** The certificate signing key from its 32-byte seed (`<kid>:<base64>`): a seed is what `npm start` can make. */
export function signingKey(setting: string): SigningKey {
  // the configuration schema has checked the form: a key id, a colon, 32 bytes in base64
  const [kid, seed] = setting.split(':');
  const der = Buffer.concat([ED25519_PKCS8_PREFIX, Buffer.from(seed, 'base64')]);
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  der.fill(0);
  return { kid, privateKey, publicKey: createPublicKey(privateKey) };
}
