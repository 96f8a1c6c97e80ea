import 'reflect-metadata';
import { bootstrap, loadConfig } from '@psc/server-kit';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule, SERVICE } from './app.module';
import { gatewayConfigSchema, upstreams } from './config';
import { mountProxies } from './proxy.middleware';

const config = loadConfig(gatewayConfigSchema);
const services = upstreams(config);

void bootstrap(AppModule.register(config), {
  service: SERVICE,
  host: config.HOST,
  port: config.PORT,
  configure: (app) => {
    mountProxies(app, services);
    // one browsable UI over every service's OpenAPI document
    SwaggerModule.setup(
      'api/docs',
      app,
      () => ({ openapi: '3.0.0', info: { title: 'psc', version: '1' }, paths: {} }),
      {
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
