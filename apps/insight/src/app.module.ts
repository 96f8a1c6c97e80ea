import { type DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@psc/messaging';
import { AffairsViewModule } from './affairs-view/affairs-view.module';
import type { InsightConfig } from './config';
import { CatalogueViewModule } from './catalogue-view/catalogue-view.module';
import { DashboardModule } from './dashboard/dashboard.module';

export const SERVICE = 'insight';

@Module({})
export class AppModule {
  static register(config: InsightConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceFoundation(SERVICE, config, { consumerGroup: config.INSIGHT_CONSUMER_GROUP }),
        CatalogueViewModule,
        AffairsViewModule,
        DashboardModule,
      ],
    };
  }
}
