import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@psc/auth';
import {
  centreView,
  elsewhereResponse,
  itemCodeParams,
  itemNearbyResponse,
  type NearbyQuery,
  nearbyQuery,
  type ItemListQuery,
  itemListQuery,
  itemSummary,
  type PopularQuery,
  popularQuery,
  publishedItem,
  type SearchQuery,
  searchQuery,
  searchResponse,
  themeCount,
  themesQuery,
} from '@psc/contracts/catalogue';
import { ApiErrors, ApiZodResponse, AppError, ZodParams, ZodQuery } from '@psc/server-kit';
import { z } from 'zod';
import { CatalogueCacheService } from './catalogue-cache.service';

/** What anyone at a kiosk may read; every answer comes from memory (see CatalogueCacheService). */
@ApiTags('catalogue')
@Public() // the catalogue is what kiosks show to anyone walking up
@Controller()
export class CatalogueController {
  constructor(private readonly cache: CatalogueCacheService) {}

  private offered(centre: string | undefined) {
    const codes = this.cache.view.offered(centre);
    if (!codes) throw new AppError('CATALOGUE.CENTRE_NOT_FOUND', `没有找到服务中心“${centre}”`);
    return codes;
  }

  @Get('themes')
  @ApiZodResponse(z.array(themeCount))
  @ApiErrors('CATALOGUE.CENTRE_NOT_FOUND')
  themes(@ZodQuery(themesQuery) { centre }: { centre?: string }) {
    return this.cache.view.themes(this.offered(centre));
  }

  @Get('items')
  @ApiZodResponse(z.array(itemSummary))
  @ApiErrors('CATALOGUE.CENTRE_NOT_FOUND')
  list(@ZodQuery(itemListQuery) { centre, theme }: ItemListQuery) {
    return this.cache.view.list(this.offered(centre), theme);
  }

  @Get('popular')
  @ApiZodResponse(z.array(itemSummary))
  @ApiErrors('CATALOGUE.CENTRE_NOT_FOUND')
  popular(@ZodQuery(popularQuery) { centre, limit }: PopularQuery) {
    return this.cache.view.list(this.offered(centre), undefined, limit);
  }

  @Get('search')
  @ApiZodResponse(searchResponse)
  @ApiErrors('CATALOGUE.CENTRE_NOT_FOUND')
  search(@ZodQuery(searchQuery) { q, centre, limit }: SearchQuery) {
    this.offered(centre);
    return { query: q, ...this.cache.view.search(q, centre, limit) };
  }

  @Get('items/:code')
  @ApiZodResponse(publishedItem)
  @ApiErrors('CATALOGUE.ITEM_NOT_FOUND')
  item(@Param('code') code: string) {
    const item = this.cache.view.item(code);
    if (!item) throw new AppError('CATALOGUE.ITEM_NOT_FOUND', `没有找到编码为 ${code} 的服务事项`);
    this.cache.opened(code);
    return item;
  }

  /** The 15-minute circle: other centres near the kiosk's that offer this item, open now or not. */
  @Get('items/:code/nearby')
  @ApiZodResponse(itemNearbyResponse)
  @ApiErrors('CATALOGUE.ITEM_NOT_FOUND', 'CATALOGUE.CENTRE_NOT_FOUND')
  nearby(
    @ZodParams(itemCodeParams) { code }: { code: string },
    @ZodQuery(nearbyQuery) { centre, limit }: NearbyQuery,
  ) {
    if (!this.cache.view.item(code))
      throw new AppError('CATALOGUE.ITEM_NOT_FOUND', `没有找到编码为 ${code} 的服务事项`);
    const centres = this.cache.view.nearby(code, centre, new Date(), limit);
    if (!centres) throw new AppError('CATALOGUE.CENTRE_NOT_FOUND', `没有找到服务中心“${centre}”`);
    return { code, from: centre, centres };
  }

  /** For a 小区驿站's home screen: what is done elsewhere, and where. */
  @Get('centres/:id/elsewhere')
  @ApiZodResponse(elsewhereResponse)
  @ApiErrors('CATALOGUE.CENTRE_NOT_FOUND')
  elsewhere(@Param('id') id: string) {
    const groups = this.cache.view.elsewhere(id, new Date());
    if (!groups) throw new AppError('CATALOGUE.CENTRE_NOT_FOUND', `没有找到服务中心“${id}”`);
    return { from: id, groups };
  }

  @Get('centres')
  @ApiZodResponse(z.array(centreView))
  centres() {
    return this.cache.view.allCentres();
  }

  /** The id is a scope path: send it URL-encoded (`sz%2Ffutian%2F…`). */
  @Get('centres/:id')
  @ApiZodResponse(centreView)
  @ApiErrors('CATALOGUE.CENTRE_NOT_FOUND')
  centre(@Param('id') id: string) {
    const centre = this.cache.view.centre(id);
    if (!centre) throw new AppError('CATALOGUE.CENTRE_NOT_FOUND', `没有找到服务中心“${id}”`);
    return centre;
  }
}
