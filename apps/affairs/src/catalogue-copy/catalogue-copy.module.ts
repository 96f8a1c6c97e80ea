import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ITEM_COPY_MODEL, itemCopySchema } from './item-copy.model';
import { ItemCopiesService } from './item-copies.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: ITEM_COPY_MODEL, schema: itemCopySchema }])],
  providers: [ItemCopiesService],
  exports: [ItemCopiesService],
})
export class CatalogueCopyModule {}
