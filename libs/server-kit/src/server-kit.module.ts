import { type DynamicModule, Global, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { randomUUID } from 'node:crypto';
import { LoggerModule, type Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { ErrorFilter } from './error.filter';
import { HealthController, HealthRegistry } from './health';
import { HttpMetricsMiddleware, MetricsController } from './metrics';

export const APP_CONFIG = Symbol('APP_CONFIG');

export interface ServerKitOptions {
  service: string;
  config: { LOG_LEVEL: string; LOG_FORMAT?: 'json' | 'pretty' };
}

// one line per entry for a person at a terminal; a request's line says what was asked and how it ended
const PRETTY_LINE =
  '{service} {if context}{context}: {end}{msg}{if req} {req.method} {req.url} → {res.statusCode} in {responseTime} ms{end}';

/** pino-pretty is a development tool: an image built without it logs JSON, as production does anyway. */
async function prettyStream(): Promise<DestinationStream | undefined> {
  try {
    const { default: pretty } = await import('pino-pretty');
    return pretty({
      sync: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,service,context,req,res,responseTime',
      messageFormat: PRETTY_LINE,
    });
  } catch {
    return undefined;
  }
}

/** JSON request logs with a correlation id, and no secrets in them. */
function httpLogging(service: string, config: ServerKitOptions['config']): Options {
  return {
    level: config.LOG_LEVEL,
    base: { service },
    genReqId: (req, res) => {
      const id = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    // the gateway's event stream takes a token in the query string (EventSource cannot send headers)
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.query.access_token'],
    serializers: {
      req: (req: { url?: string }) => ({
        ...req,
        url: req.url?.replace(/([?&]access_token=)[^&]*/g, '$1[Redacted]'),
      }),
    },
    // health and metrics are polled every few seconds; logging them drowns everything else
    autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
  };
}

/** Logging, errors, health and metrics: what every backend app has, wired the same way. */
@Global()
@Module({})
export class ServerKitModule implements NestModule {
  static forRoot({ service, config }: ServerKitOptions): DynamicModule {
    return {
      module: ServerKitModule,
      imports: [
        TerminusModule.forRoot({ logger: false }),
        LoggerModule.forRootAsync({
          useFactory: async (): Promise<Params> => {
            const pretty = config.LOG_FORMAT === 'pretty' ? await prettyStream() : undefined;
            return {
              pinoHttp: pretty ? [httpLogging(service, config), pretty] : httpLogging(service, config),
            };
          },
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        HealthRegistry,
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
      exports: [HealthRegistry, APP_CONFIG],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
