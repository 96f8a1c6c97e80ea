import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ITEM_COPY_MODEL, itemCopySchema } from './item-copy.model';
import { ItemCopies } from './item-copies.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: ITEM_COPY_MODEL, schema: itemCopySchema }])],
  providers: [ItemCopies],
  exports: [ItemCopies],
})
export class CatalogueCopyModule {}
