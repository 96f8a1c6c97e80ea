import { authConfigShape } from '@psc/auth';
import { baseConfigSchema } from '@psc/server-kit';
import { z } from 'zod';

export const catalogueConfigSchema = baseConfigSchema.extend({
  ...authConfigShape,
  PORT: z.coerce
    .number()
    .int()
    .min(1)
    .max(65535)
    .default(3101)
    .describe('HTTP port of the catalogue service'),
});

export type CatalogueConfig = z.infer<typeof catalogueConfigSchema>;
