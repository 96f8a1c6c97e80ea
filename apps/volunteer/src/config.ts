import { authConfigShape } from '@psc/auth';
import { baseConfigSchema } from '@psc/server-kit';
import { SERVICES } from '@psc/service-registry';
import { z } from 'zod';

export const volunteerConfigSchema = baseConfigSchema.extend({
  ...authConfigShape,
  PORT: z.coerce
    .number()
    .int()
    .min(1)
    .max(65535)
    .default(SERVICES.volunteer.port)
    .describe('HTTP port of the volunteer service'),
});

export type VolunteerConfig = z.infer<typeof volunteerConfigSchema>;
