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
  INSIGHT_CONSUMER_GROUP: z
    .string()
    .regex(/^[a-z0-9.-]+$/)
    .default(SERVICES.insight.consumerGroup)
    .describe(
      'consumer group of the read models; a new name (with a new MONGODB_DB) rebuilds them from offset 0',
    ),
});

export type InsightConfig = z.infer<typeof insightConfigSchema>;
