import { type DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@psc/messaging';
import { SERVICES } from '@psc/service-registry';
import { AffairsViewModule } from './affairs-view/affairs-view.module';
import type { InsightConfig } from './config';
import { CatalogueViewModule } from './catalogue-view/catalogue-view.module';

export const SERVICE = 'insight';

@Module({})
export class AppModule {
  static register(config: InsightConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceFoundation(SERVICE, config, { consumerGroup: SERVICES[SERVICE].consumerGroup }),
        CatalogueViewModule,
        AffairsViewModule,
      ],
    };
  }
}
