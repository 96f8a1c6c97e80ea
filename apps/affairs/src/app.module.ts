import { type DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@psc/messaging';
import { CasesModule } from './cases/cases.module';
import type { AffairsConfig } from './config';

export const SERVICE = 'affairs';

@Module({})
export class AppModule {
  static register(config: AffairsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [...serviceFoundation(SERVICE, config, { consumerGroup: 'affairs.cases' }), CasesModule],
    };
  }
}
