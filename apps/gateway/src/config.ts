import { authConfigShape } from '@psc/auth';
import { baseConfigSchema } from '@psc/server-kit';
import { z } from 'zod';

const url = (service: string, port: number) =>
  z
    .url({ protocol: /^https?$/, error: 'expected an http(s):// URL' })
    .default(`http://127.0.0.1:${port}`)
    .describe(`base URL of the ${service} service`);

const count = (fallback: number, description: string) =>
  z.coerce.number().int().positive().default(fallback).describe(description);

export const gatewayConfigSchema = baseConfigSchema.extend({
  ...authConfigShape,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000).describe('HTTP port of the gateway'),
  CATALOGUE_URL: url('catalogue', 3101),
  AFFAIRS_URL: url('affairs', 3102),
  INSIGHT_URL: url('insight', 3105),
  IDENTITY_URL: url('identity', 3106),
  PUBLIC_ORIGIN: z
    .url({ protocol: /^https?$/, error: 'expected an http(s):// origin' })
    .transform((value) => new URL(value).origin)
    .optional()
    .describe('origin the UIs are served from, the only one CORS admits; default http://127.0.0.1:<PORT>'),
  TRUST_PROXY: z.coerce
    .number()
    .int()
    .min(0)
    .default(0)
    .describe('proxies (load balancers) in front of the gateway, so rate limits see the client address'),
  MAX_BODY_BYTES: count(1024 * 1024, 'largest request body passed on to a service'),
  RATE_LIMIT_PER_MINUTE: count(300, 'requests per client address per minute on /api'),
  AUTH_RATE_LIMIT_PER_MINUTE: count(20, 'OTP and login attempts per client address per minute'),
  WEB_ROOT: z.string().min(1).default('dist/web').describe('folder holding the built UIs, one folder each'),
  KIOSK_IDLE_SECONDS: count(90, 'kiosk returns to its start screen after this much inactivity'),
  KIOSK_CENTRE_ID: z
    .string()
    .min(1)
    .default('sz/futian/xiangmihu/c-001')
    .describe('the centre (scope path) a kiosk served by this gateway belongs to'),
  PUSH_BUFFER_SIZE: count(1000, 'recent events kept for screens that reconnect (SSE Last-Event-ID)'),
  CATALOGUE_CACHE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(2000)
    .describe(
      'how long anonymous catalogue reads (search, themes, popular, lists, centres) are answered from memory; ' +
        'catalogue events end it at once; 0 turns the cache off',
    ),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** `/api/<service>/…` goes to the service that owns the data. */
export const upstreams = (config: GatewayConfig) => ({
  catalogue: config.CATALOGUE_URL,
  affairs: config.AFFAIRS_URL,
  insight: config.INSIGHT_URL,
  identity: config.IDENTITY_URL,
});

export const publicOrigin = (config: GatewayConfig) =>
  config.PUBLIC_ORIGIN ?? `http://127.0.0.1:${config.PORT}`;
