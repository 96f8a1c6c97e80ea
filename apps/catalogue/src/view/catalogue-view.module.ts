import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CentresModule } from '../centres/centres.module';
import { ITEM_VERSION_MODEL, itemVersionSchema } from '../items/item.model';
import { CatalogueCacheService } from './catalogue-cache.service';
import { CatalogueController } from './catalogue.controller';
import { ITEM_STATS_MODEL, itemStatsSchema } from './item-stats.model';

/** The public catalogue (search, themes, items, centres), served from memory and kept current from events. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ITEM_VERSION_MODEL, schema: itemVersionSchema },
      { name: ITEM_STATS_MODEL, schema: itemStatsSchema },
    ]),
    CentresModule,
  ],
  controllers: [CatalogueController],
  providers: [CatalogueCacheService],
  exports: [CatalogueCacheService],
})
export class CatalogueViewModule {}
