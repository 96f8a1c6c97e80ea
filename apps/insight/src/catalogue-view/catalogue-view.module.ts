import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CatalogueItemDraftedConsumer } from './catalogue-item-drafted.consumer';
import {
  ITEM_VIEW_MODEL,
  itemViewSchema,
  THEME_SUMMARY_MODEL,
  themeSummarySchema,
} from './catalogue-view.model';
import { CatalogueViewController } from './catalogue-view.controller';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: THEME_SUMMARY_MODEL, schema: themeSummarySchema },
      { name: ITEM_VIEW_MODEL, schema: itemViewSchema },
    ]),
  ],
  controllers: [CatalogueViewController, CatalogueItemDraftedConsumer],
})
export class CatalogueViewModule {}
