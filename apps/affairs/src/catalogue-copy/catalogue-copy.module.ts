import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CatalogueItemPublishedConsumer } from './catalogue-item-published.consumer';
import { ITEM_COPY_MODEL, itemCopySchema } from './item-copy.model';
import { ItemCopiesService } from './item-copies.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: ITEM_COPY_MODEL, schema: itemCopySchema }])],
  controllers: [CatalogueItemPublishedConsumer],
  providers: [ItemCopiesService],
  exports: [ItemCopiesService],
})
export class CatalogueCopyModule {}
