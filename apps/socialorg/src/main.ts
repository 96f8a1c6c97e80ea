import 'reflect-metadata';
import { bootstrap, loadConfig } from '@psc/server-kit';
import { AppModule, SERVICE } from './app.module';
import { socialorgConfigSchema } from './config';

const config = loadConfig(socialorgConfigSchema);
void bootstrap(AppModule.register(config), {
  service: SERVICE,
  host: config.HOST,
  port: config.PORT,
  apiPrefix: `/api/${SERVICE}`,
});
