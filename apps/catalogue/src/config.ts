import { authConfigShape } from '@psc/auth';
import { baseConfigSchema } from '@psc/server-kit';
import { SERVICES } from '@psc/service-registry';
import { z } from 'zod';

export const catalogueConfigSchema = baseConfigSchema.extend({
  ...authConfigShape,
  PORT: z.coerce
    .number()
    .int()
    .min(1)
    .max(65535)
    .default(SERVICES.catalogue.port)
    .describe('HTTP port of the catalogue service'),
  SEED_CATALOGUE: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('load the 108 seed items and the centres into an empty store at start'),
});

export type CatalogueConfig = z.infer<typeof catalogueConfigSchema>;
