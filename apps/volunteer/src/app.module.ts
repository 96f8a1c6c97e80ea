import { type DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@psc/messaging';
import { AboutModule } from './about/about.module';
import type { VolunteerConfig } from './config';

export const SERVICE = 'volunteer';

@Module({})
export class AppModule {
  static register(config: VolunteerConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [...serviceFoundation(SERVICE, config), AboutModule],
    };
  }
}
