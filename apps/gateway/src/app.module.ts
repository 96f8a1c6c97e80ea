import { type DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@psc/messaging';
import type { GatewayConfig } from './config';

export const SERVICE = 'gateway';

@Module({})
export class AppModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [...serviceFoundation(SERVICE, config)],
    };
  }
}
