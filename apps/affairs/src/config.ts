import { authConfigShape } from '@psc/auth';
import { indexKeySetting } from '@psc/pii';
import { baseConfigSchema } from '@psc/server-kit';
import { SERVICES } from '@psc/service-registry';
import { z } from 'zod';

export const affairsConfigSchema = baseConfigSchema.extend({
  ...authConfigShape,
  PORT: z.coerce
    .number()
    .int()
    .min(1)
    .max(65535)
    .default(SERVICES.affairs.port)
    .describe('HTTP port of the affairs service'),
  SLA_SWEEP_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3600)
    .default(60)
    .describe('how often running cases are checked for SLA warnings and overdue rectifications'),
  CASE_LOOKUP_KEY: indexKeySetting(
    'key of the hash kept of each case\'s "last 6 of the ID number", <key id>:<base64 of 32 bytes>',
  ),
});

export type AffairsConfig = z.infer<typeof affairsConfigSchema>;
