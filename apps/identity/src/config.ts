import { authConfigShape, authSigningConfigShape, checkSigningKeyPublished } from '@psc/auth';
import { checkPiiKeys, piiConfigShape } from '@psc/pii';
import { baseConfigSchema, sensitive } from '@psc/server-kit';
import { localUrl, SERVICES } from '@psc/service-registry';
import { z } from 'zod';

export const identityConfigSchema = baseConfigSchema
  .extend({
    ...authConfigShape,
    ...authSigningConfigShape,
    ...piiConfigShape,
    PORT: z.coerce
      .number()
      .int()
      .min(1)
      .max(65535)
      .default(SERVICES.identity.port)
      .describe('HTTP port of the identity service'),
    SMS_PROVIDER: z
      .enum(['log'])
      .default('log')
      .describe('how one-time codes are sent; "log" keeps them in the dev_sms collection (no real SMS)'),
    PUBLIC_ORIGIN: z
      .url({ protocol: /^https?$/, error: 'expected an http(s):// origin' })
      .transform((value) => new URL(value).origin)
      .optional()
      .describe('origin residents open the kiosk pages at (the gateway); links in texts point there'),
    SEED_PASSWORD: sensitive(
      z
        .string()
        .min(10)
        .optional()
        .describe(
          'password of the demo accounts (counter01, centre01, street01, dept01, city01, org01, expert01–03) seeded outside production',
        ),
    ),
  })
  .superRefine((config, ctx) => {
    checkSigningKeyPublished(config, ctx);
    checkPiiKeys(config, ctx);
    if (config.NODE_ENV === 'production' && !config.PUBLIC_ORIGIN) {
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_ORIGIN'],
        message:
          'PUBLIC_ORIGIN is required in production: links texted to residents must open the public site',
      });
    }
    // demo accounts are seeded outside production only, and never with a password from the repository
    if (config.NODE_ENV !== 'production' && !config.SEED_PASSWORD) {
      ctx.addIssue({
        code: 'custom',
        path: ['SEED_PASSWORD'],
        message:
          'SEED_PASSWORD is required outside production (password of the seeded demo accounts, at least 10 characters)',
      });
    }
  });

export type IdentityConfig = z.infer<typeof identityConfigSchema>;

/** Where links texted to residents open; locally the gateway on its default port. */
export const linkOrigin = (config: IdentityConfig) => config.PUBLIC_ORIGIN ?? localUrl('gateway');
