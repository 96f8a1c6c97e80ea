import { type DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@psc/messaging';
import { SERVICES } from '@psc/service-registry';
import { CasesModule } from './cases/cases.module';
import type { AffairsConfig } from './config';
import { QueueModule } from './queue/queue.module';
import { SharedModule } from './shared/shared.module';

export const SERVICE = 'affairs';

@Module({})
export class AppModule {
  static register(config: AffairsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceFoundation(SERVICE, config, { consumerGroup: SERVICES[SERVICE].consumerGroup }),
        SharedModule,
        CasesModule,
        QueueModule,
      ],
    };
  }
}
