import { type DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CENTRE_MODEL, centreSchema } from '../centres/centre.model';
import { SEED_ENABLED, SeedService } from '../seed/seed.service';
import { CatalogueCache } from '../view/catalogue-cache.service';
import { CatalogueController } from '../view/catalogue.controller';
import { ITEM_STATS_MODEL, itemStatsSchema } from '../view/item-stats.model';
import { ITEM_MODEL, ITEM_VERSION_MODEL, itemSchema, itemVersionSchema } from './item.model';
import { ItemsController } from './items.controller';
import { ItemsService } from './items.service';

const models = [
  MongooseModule.forFeature([
    { name: ITEM_MODEL, schema: itemSchema },
    { name: ITEM_VERSION_MODEL, schema: itemVersionSchema },
    { name: CENTRE_MODEL, schema: centreSchema },
    { name: ITEM_STATS_MODEL, schema: itemStatsSchema },
  ]),
];

@Module({})
export class ItemsModule {
  static register(options: { seed: boolean }): DynamicModule {
    return {
      module: ItemsModule,
      imports: models,
      controllers: [ItemsController, CatalogueController],
      providers: [
        ItemsService,
        CatalogueCache,
        SeedService,
        { provide: SEED_ENABLED, useValue: options.seed },
      ],
    };
  }
}
