import 'reflect-metadata';
import { bootstrap, loadConfig } from '@psc/server-kit';
import { AppModule, SERVICE } from './app.module';
import { affairsConfigSchema } from './config';

const config = loadConfig(affairsConfigSchema);
void bootstrap(AppModule.register(config), {
  service: SERVICE,
  host: config.HOST,
  port: config.PORT,
  apiPrefix: `/api/${SERVICE}`,
});
