import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CatalogueViewModule } from '../view/catalogue-view.module';
import { SEARCH_MISS_MODEL, searchMissDaySchema } from './search-miss.model';
import { SearchMissesController } from './search-misses.controller';
import { SearchMissesService } from './search-misses.service';

/** Searches that found nothing, counted by text per day for the counter (see SearchMissesService). */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: SEARCH_MISS_MODEL, schema: searchMissDaySchema }]),
    CatalogueViewModule,
  ],
  controllers: [SearchMissesController],
  providers: [SearchMissesService],
})
export class SearchMissesModule {}
