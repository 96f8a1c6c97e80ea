import type { INestApplication } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { Server } from 'node:http';
import { describeResponses } from './openapi';

const SHUTDOWN_GRACE_MS = 10_000;
const CRASH_GRACE_MS = 2000;

export interface BootstrapOptions {
  service: string;
  port: number;
  host: string;
  /** the path prefix the gateway routes to this app, e.g. `/api/catalogue` */
  apiPrefix?: string;
  configure?: (app: NestExpressApplication) => void | Promise<void>;
}

/** Starts an app: JSON logs, graceful shutdown, and its OpenAPI document at /openapi.json. */
export async function bootstrap(
  module: Parameters<typeof NestFactory.create>[0],
  options: BootstrapOptions,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // a crash still leaves the consumer group on the way out (shutdown hooks), so its partitions move to another
  // member at once rather than after the session timeout
  for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
    process.once(event, (error: unknown) => {
      app.get(Logger).fatal({ err: error }, `${event}: leaving the consumer group and exiting`);
      setTimeout(() => process.exit(1), CRASH_GRACE_MS).unref();
      void app.close().finally(() => process.exit(1));
    });
  }
  // a dependency that never answers must not keep a stopping process alive: the orchestrator would kill it anyway
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref());
  }
  // the Kafka consumer group: Nest registers the controllers' @EventPattern handlers with it; one that cannot be
  // served stops the start here, before any request is taken
  for (const strategy of transportStrategies(app)) {
    app.connectMicroservice({ strategy }, { inheritAppConfig: true });
  }
  await app.startAllMicroservices();
  // proxies mounted by `configure` must see the raw body, so parsing is registered after them
  await options.configure?.(app);
  app.useBodyParser('json', { limit: '256kb' });
  const document = openApiDocument(app, options);
  app
    .getHttpAdapter()
    .get('/openapi.json', (_req, res) => void app.getHttpAdapter().reply(res, document, 200));
  await app.listen(options.port, options.host);
  // an idle keep-alive connection is left for its client to close (the gateway drops its own after 30 s): with Node's
  // 5 s default a service could close one just as the gateway sent on it, a reset the gateway answered 503
  const server: Server = app.getHttpServer();
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return app;
}

/**
 * The app's OpenAPI document, as it serves it at /openapi.json. It needs only the module graph, so an app created
 * with `{ preview: true }` (nothing instantiated, nothing connected) yields the same one: `npm run docs:api`.
 */
export function openApiDocument(
  app: INestApplication,
  { service, apiPrefix }: Pick<BootstrapOptions, 'service' | 'apiPrefix'>,
): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(service)
      .setVersion('1')
      .addBearerAuth()
      .addServer(apiPrefix ?? '/')
      .build(),
  );
  return describeResponses(document);
}

/** Nest transport strategies an app serves besides HTTP, provided by the module that owns them (@psc/messaging). */
export const TRANSPORT_STRATEGIES = Symbol('psc:transport-strategies');

// looked up rather than caught: Nest aborts the process on a failed app.get
function transportStrategies(app: INestApplication): CustomTransportStrategy[] {
  const modules = [...app.get(ModulesContainer).values()];
  return modules.some((m) => m.providers.has(TRANSPORT_STRATEGIES))
    ? app.get<CustomTransportStrategy[]>(TRANSPORT_STRATEGIES)
    : [];
}
