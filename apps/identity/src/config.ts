import { authConfigShape, authSigningConfigShape, checkSigningKeyPublished } from '@psc/auth';
import { checkPiiKeys, piiConfigShape } from '@psc/pii';
import { baseConfigSchema, sensitive } from '@psc/server-kit';
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
      .default(3106)
      .describe('HTTP port of the identity service'),
    SMS_PROVIDER: z
      .enum(['log'])
      .default('log')
      .describe('how one-time codes are sent; "log" keeps them in the dev_sms collection (no real SMS)'),
    SEED_PASSWORD: sensitive(
      z
        .string()
        .min(10)
        .optional()
        .describe(
          'password of the demo accounts counter01/centre01/dept01/city01 seeded into an empty database',
        ),
    ),
  })
  .superRefine((config, ctx) => {
    checkSigningKeyPublished(config, ctx);
    checkPiiKeys(config, ctx);
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
