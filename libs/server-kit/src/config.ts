import { existsSync } from 'node:fs';
import { z } from 'zod';

/** Marks a setting as secret: never logged, never given a default. */
export const sensitive = <T extends z.ZodType>(schema: T) => schema.meta({ sensitive: true });

const brokerList = z
  .string()
  .regex(/^[\w.-]+:\d+(,[\w.-]+:\d+)*$/, 'expected host:port[,host:port…]')
  .transform((value) => value.split(','));

/** Settings every backend app reads; each app extends this with its own. */
export const baseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z
    .enum(['json', 'pretty'])
    .default('json')
    .describe(
      'pretty: one readable line per entry, for a terminal (npm start); json for everything that collects logs',
    ),
  HOST: z.string().default('127.0.0.1').describe('interface to listen on; 0.0.0.0 in containers'),
  PORT: z.coerce.number().int().min(1).max(65535).describe('HTTP port of this app'),
  MONGODB_URI: sensitive(
    z
      .string()
      .regex(/^mongodb(\+srv)?:\/\/.+/, 'expected a mongodb:// connection string')
      .describe('MongoDB (or FerretDB) connection string; the database name is taken from MONGODB_DB'),
  ),
  MONGODB_DB: z.string().min(1).optional().describe('database name; defaults to the service name'),
  KAFKA_BROKERS: brokerList.describe('Kafka bootstrap servers, comma-separated host:port'),
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  KAFKA_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens')
    .optional()
    .describe('prefix for every topic and consumer group, for environments that share one cluster'),
});

export type BaseConfig = z.infer<typeof baseConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment into a typed object, listing every missing or bad setting at once. */
export function parseConfig<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '(environment)');
    const field = schema.shape[name] as z.ZodType | undefined;
    const hint = field?.description ? ` (${field.description})` : '';
    const missing = env[name] === undefined || env[name] === '';
    return `${name}: ${missing ? 'is required but not set' : issue.message}${hint}`;
  });
  throw new ConfigError(problems);
}

/**
 * Loads configuration at boot. `.env` is read only outside production (local convenience);
 * on any problem the process exits naming each setting, before anything connects.
 */
export function loadConfig<S extends z.ZodObject>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  if (env.NODE_ENV !== 'production' && existsSync('.env')) process.loadEnvFile('.env');
  try {
    return parseConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
}

/** The config with secrets replaced, safe to log. */
export function redactConfig<S extends z.ZodObject>(schema: S, config: z.infer<S>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config as Record<string, unknown>).map(([key, value]) => {
      const field = schema.shape[key] as z.ZodType | undefined;
      return [key, field && z.globalRegistry.get(field)?.sensitive ? '***' : value];
    }),
  );
}
