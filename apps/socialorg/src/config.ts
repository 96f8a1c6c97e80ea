import { authConfigShape } from '@psc/auth';
import { baseConfigSchema } from '@psc/server-kit';
import { SERVICES } from '@psc/service-registry';
import { z } from 'zod';

export const socialorgConfigSchema = baseConfigSchema.extend({
  ...authConfigShape,
  PORT: z.coerce
    .number()
    .int()
    .min(1)
    .max(65535)
    .default(SERVICES.socialorg.port)
    .describe('HTTP port of the socialorg service'),
});

export type SocialorgConfig = z.infer<typeof socialorgConfigSchema>;
