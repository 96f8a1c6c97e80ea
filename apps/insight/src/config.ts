import { authConfigShape } from '@psc/auth';
import { baseConfigSchema } from '@psc/server-kit';
import { SERVICES } from '@psc/service-registry';
import { z } from 'zod';

export const insightConfigSchema = baseConfigSchema.extend({
  ...authConfigShape,
  PORT: z.coerce
    .number()
    .int()
    .min(1)
    .max(65535)
    .default(SERVICES.insight.port)
    .describe('HTTP port of the insight service'),
});

export type InsightConfig = z.infer<typeof insightConfigSchema>;
