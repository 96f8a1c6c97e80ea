import type { JSONWebKeySet, JWK } from 'jose';
import { z } from 'zod';
import { AuthKeyError, parsePublicKeySet, parseSigningKey } from './keys';

// Same metadata as server-kit's sensitive(): redactConfig() masks these. The public keys are not secret, but a
// JWKS is noise in a boot log and the signing key sits next to it.
const secret = <T extends z.ZodType>(schema: T) => schema.meta({ sensitive: true });

/** Runs a key parser as a zod transform, turning its complaint into an issue on the setting. */
const parsedBy =
  <T>(parse: (value: string) => T) =>
  (value: string, ctx: z.RefinementCtx): T => {
    try {
      return parse(value);
    } catch (error) {
      if (!(error instanceof AuthKeyError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
      return z.NEVER;
    }
  };

/** Every backend service: `baseConfigSchema.extend(authConfigShape)`, then `AuthModule.forRoot({ publicKeys })`. */
export const authConfigShape = {
  AUTH_PUBLIC_KEYS: secret(
    z
      .string()
      .transform(parsedBy((value) => parsePublicKeySet(value)))
      .describe(
        'JWKS of the Ed25519 public keys access tokens may be signed with, {"keys":[…]}; during a rotation both keys',
      ),
  ),
};

/** The identity service only: add `authSigningConfigShape` and `.superRefine(checkSigningKeyPublished)`. */
export const authSigningConfigShape = {
  AUTH_SIGNING_KEY: secret(
    z
      .string()
      .transform(parsedBy((value) => parseSigningKey(value)))
      .describe(
        'private Ed25519 JWK (with "d" and "kid") that signs access tokens; only the identity service has it',
      ),
  ),
};

/** A signing key whose public half is missing from AUTH_PUBLIC_KEYS would mint tokens that no service accepts. */
export function checkSigningKeyPublished(
  config: { AUTH_PUBLIC_KEYS?: JSONWebKeySet; AUTH_SIGNING_KEY?: JWK },
  ctx: Pick<z.RefinementCtx, 'addIssue'>,
): void {
  const { AUTH_PUBLIC_KEYS: keys, AUTH_SIGNING_KEY: signing } = config;
  if (!keys?.keys || !signing?.kid) return; // each setting's own check has complained already
  const published = keys.keys.find((key) => key.kid === signing.kid);
  if (published?.x !== signing.x) {
    ctx.addIssue({
      code: 'custom',
      path: ['AUTH_SIGNING_KEY'],
      message: `AUTH_SIGNING_KEY (kid "${signing.kid}") has no matching public key in AUTH_PUBLIC_KEYS; publish its public half there`,
    });
  }
}
