import 'reflect-metadata';
import { bootstrap, loadConfig } from '@psc/server-kit';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule, SERVICE } from './app.module';
import { gatewayConfigSchema, publicOrigin, upstreams } from './config';
import { mountProxies } from './proxy.middleware';
import { PushService } from './push/push.service';
import { answerKeptFirst, catalogueResponseCache, type ResponseCache } from './response-cache';
import { mountSecurity } from './security.middleware';
import { mountUis } from './ui/static.middleware';

const config = loadConfig(gatewayConfigSchema);
const services = upstreams(config);

void bootstrap(AppModule.register(config), {
  service: SERVICE,
  host: config.HOST,
  port: config.PORT,
  configure: (app) => {
    // order matters: refusals first, so nothing below spends work on a request that will be refused
    const { admits } = mountSecurity(app, {
      origin: publicOrigin(config),
      trustProxy: config.TRUST_PROXY,
      perMinute: config.RATE_LIMIT_PER_MINUTE,
      authPerMinute: config.AUTH_RATE_LIMIT_PER_MINUTE,
    });
    const caches: Record<string, ResponseCache> =
      config.CATALOGUE_CACHE_MS > 0
        ? { catalogue: catalogueResponseCache(app.get(PushService), config.CATALOGUE_CACHE_MS) }
        : {};
    mountProxies(app, services, { maxBodyBytes: config.MAX_BODY_BYTES, caches });
    answerKeptFirst(app.getHttpServer(), Object.values(caches), admits);
    mountUis(app, config.WEB_ROOT);
    // one browsable UI over every service's OpenAPI document; each document is served by its own service
    // (`/api/<name>/openapi.json`), so no empty merged one at /api/docs-json
    SwaggerModule.setup(
      'api/docs',
      app,
      () => ({ openapi: '3.0.0', info: { title: 'psc', version: '1' }, paths: {} }),
      {
        raw: false,
        explorer: true,
        swaggerOptions: {
          urls: [
            { name: 'gateway', url: '/openapi.json' },
            ...Object.keys(services).map((name) => ({ name, url: `/api/${name}/openapi.json` })),
          ],
        },
      },
    );
  },
});
