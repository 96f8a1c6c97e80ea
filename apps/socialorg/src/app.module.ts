import { type DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@psc/messaging';
import { AboutModule } from './about/about.module';
import type { SocialorgConfig } from './config';

export const SERVICE = 'socialorg';

@Module({})
export class AppModule {
  static register(config: SocialorgConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [...serviceFoundation(SERVICE, config), AboutModule],
    };
  }
}
