import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CatalogueViewModule } from '../view/catalogue-view.module';
import { ITEM_MODEL, ITEM_VERSION_MODEL, itemSchema, itemVersionSchema } from './item.model';
import { ItemsController } from './items.controller';
import { ItemsService } from './items.service';

/** Drafting and publishing service items; a publish also reaches this replica's public view at once. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ITEM_MODEL, schema: itemSchema },
      { name: ITEM_VERSION_MODEL, schema: itemVersionSchema },
    ]),
    CatalogueViewModule,
  ],
  controllers: [ItemsController],
  providers: [ItemsService],
  exports: [MongooseModule],
})
export class ItemsModule {}
