import { authConfigShape } from '@psc/auth';
import { baseConfigSchema } from '@psc/server-kit';
import { z } from 'zod';

const url = (service: string, port: number) =>
  z
    .url({ protocol: /^https?$/, error: 'expected an http(s):// URL' })
    .default(`http://127.0.0.1:${port}`)
    .describe(`base URL of the ${service} service`);

export const gatewayConfigSchema = baseConfigSchema.extend({
  ...authConfigShape,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000).describe('HTTP port of the gateway'),
  CATALOGUE_URL: url('catalogue', 3101),
  INSIGHT_URL: url('insight', 3105),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** `/api/<service>/…` goes to the service that owns the data. */
export const upstreams = (config: GatewayConfig) => ({
  catalogue: config.CATALOGUE_URL,
  insight: config.INSIGHT_URL,
});
