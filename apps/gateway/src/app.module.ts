import { type DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@psc/messaging';
import type { GatewayConfig } from './config';
import { PushModule } from './push/push.module';
import { GATEWAY_CONFIG, RuntimeConfigController } from './ui/runtime-config.controller';

export const SERVICE = 'gateway';

@Module({})
export class AppModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceFoundation(SERVICE, config),
        PushModule.register({ bufferSize: config.PUSH_BUFFER_SIZE, group: `${SERVICE}.push` }),
      ],
      controllers: [RuntimeConfigController],
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }],
    };
  }
}
