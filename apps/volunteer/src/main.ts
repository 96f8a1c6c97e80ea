import 'reflect-metadata';
import { bootstrap, loadConfig } from '@psc/server-kit';
import { AppModule, SERVICE } from './app.module';
import { volunteerConfigSchema } from './config';

const config = loadConfig(volunteerConfigSchema);
void bootstrap(AppModule.register(config), {
  service: SERVICE,
  host: config.HOST,
  port: config.PORT,
  apiPrefix: `/api/${SERVICE}`,
});
