import { type DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@psc/messaging';
import type { CatalogueConfig } from './config';
import { ItemsModule } from './items/items.module';
import { SearchMissesModule } from './misses/search-misses.module';
import { RoomsModule } from './rooms/rooms.module';
import { SeedModule } from './seed/seed.module';
import { CatalogueViewModule } from './view/catalogue-view.module';

export const SERVICE = 'catalogue';

@Module({})
export class AppModule {
  static register(config: CatalogueConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceFoundation(SERVICE, config),
        CatalogueViewModule,
        ItemsModule,
        SearchMissesModule,
        RoomsModule,
        SeedModule.register({ seed: config.SEED_CATALOGUE }),
      ],
    };
  }
}
