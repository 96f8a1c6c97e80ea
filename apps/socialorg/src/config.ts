import { authConfigShape } from '@psc/auth';
import { DEFAULT_FILE_MAX_BYTES } from '@psc/contracts/socialorg';
import { FieldCipher, PiiCryptoError, piiConfigShape } from '@psc/pii';
import { baseConfigSchema } from '@psc/server-kit';
import { SERVICES } from '@psc/service-registry';
import { z } from 'zod';

export const socialorgConfigSchema = baseConfigSchema
  .extend({
    ...authConfigShape,
    // organisations' contact numbers are encrypted at rest, with keys of this service's own (not identity's)
    SOCIALORG_PII_KEYS: piiConfigShape.PII_KEYS.describe(
      "encryption keys of organisations' contact numbers, <key id>:<base64 of 32 bytes>, comma-separated",
    ),
    SOCIALORG_PII_ACTIVE_KEY_ID: piiConfigShape.PII_ACTIVE_KEY_ID.describe(
      'the key in SOCIALORG_PII_KEYS that encrypts new contact numbers',
    ),
    PORT: z.coerce
      .number()
      .int()
      .min(1)
      .max(65535)
      .default(SERVICES.socialorg.port)
      .describe('HTTP port of the socialorg service'),
    FILE_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024)
      .default(DEFAULT_FILE_MAX_BYTES)
      .describe(
        'largest file (attachment, milestone evidence) accepted, in bytes; the gateway MAX_BODY_BYTES must allow it',
      ),
    SEED_DEMO_ORG: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true')
      .describe(
        'outside production, register the demo organisation org-demo-001 at 香岭社区 when it is missing',
      ),
  })
  .superRefine((config, ctx) => {
    try {
      contactCipher(config);
    } catch (error) {
      // the fields' own checks run first; what is left is an active key id that is not among the keys
      if (!(error instanceof PiiCryptoError)) throw error;
      ctx.addIssue({ code: 'custom', path: ['SOCIALORG_PII_ACTIVE_KEY_ID'], message: error.message });
    }
  });

export type SocialorgConfig = z.infer<typeof socialorgConfigSchema>;

/** The cipher of contact numbers, from this service's own key settings. */
export function contactCipher(
  config: Pick<SocialorgConfig, 'SOCIALORG_PII_KEYS' | 'SOCIALORG_PII_ACTIVE_KEY_ID'>,
) {
  return new FieldCipher({
    PII_KEYS: config.SOCIALORG_PII_KEYS,
    PII_ACTIVE_KEY_ID: config.SOCIALORG_PII_ACTIVE_KEY_ID,
  });
}
