import { authConfigShape } from '@psc/auth';
import { baseConfigSchema } from '@psc/server-kit';
import {
  localUrl,
  PROXIED_NAMES,
  type ProxiedName,
  SERVICES,
  urlSetting,
  type UrlSetting,
} from '@psc/service-registry';
import { z } from 'zod';

const url = (service: ProxiedName) =>
  z
    .url({ protocol: /^https?$/, error: 'expected an http(s):// URL' })
    .default(localUrl(service))
    .describe(`base URL of the ${service} service`);

/** `<NAME>_URL` for every service behind the gateway, each defaulting to where `npm start` runs it. */
const upstreamSettings = Object.fromEntries(PROXIED_NAMES.map((name) => [urlSetting(name), url(name)])) as {
  [N in ProxiedName as UrlSetting<N>]: ReturnType<typeof url>;
};

const count = (fallback: number, description: string) =>
  z.coerce.number().int().positive().default(fallback).describe(description);

export const gatewayConfigSchema = baseConfigSchema.extend({
  ...authConfigShape,
  PORT: z.coerce
    .number()
    .int()
    .min(1)
    .max(65535)
    .default(SERVICES.gateway.port)
    .describe('HTTP port of the gateway'),
  ...upstreamSettings,
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
export const upstreams = (config: GatewayConfig) =>
  Object.fromEntries(PROXIED_NAMES.map((name) => [name, config[urlSetting(name)]])) as Record<
    ProxiedName,
    string
  >;

export const publicOrigin = (config: GatewayConfig) =>
  config.PUBLIC_ORIGIN ?? `http://127.0.0.1:${config.PORT}`;
