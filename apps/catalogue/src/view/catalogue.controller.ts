import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '@psc/auth';
import { THEME_CODES, type ThemeCode } from '@psc/contracts/catalogue';
import { AppError } from '@psc/server-kit';
import { CatalogueCache } from './catalogue-cache.service';

const MAX_LIMIT = 50;

function limitOf(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT)
    throw new AppError('COMMON.VALIDATION_FAILED', `条数应为 1–${MAX_LIMIT} 的整数`);
  return n;
}

/** What anyone at a kiosk may read; every answer comes from memory (see CatalogueCache). */
@ApiTags('catalogue')
@Public() // the catalogue is what kiosks show to anyone walking up
@Controller()
export class CatalogueController {
  constructor(private readonly cache: CatalogueCache) {}

  private offered(centre: string | undefined) {
    const codes = this.cache.view.offered(centre);
    if (!codes) throw new AppError('CATALOGUE.CENTRE_NOT_FOUND', `没有找到服务中心“${centre}”`);
    return codes;
  }

  @Get('themes')
  @ApiQuery({ name: 'centre', required: false })
  themes(@Query('centre') centre?: string) {
    return this.cache.view.themes(this.offered(centre));
  }

  @Get('items')
  @ApiQuery({ name: 'centre', required: false })
  @ApiQuery({ name: 'theme', required: false, enum: THEME_CODES })
  list(@Query('centre') centre?: string, @Query('theme') theme?: string) {
    if (theme !== undefined && !(THEME_CODES as string[]).includes(theme))
      throw new AppError('COMMON.VALIDATION_FAILED', `没有“${theme}”这个主题`);
    return this.cache.view.list(this.offered(centre), theme as ThemeCode | undefined);
  }

  @Get('popular')
  @ApiQuery({ name: 'centre', required: false })
  @ApiQuery({ name: 'limit', required: false })
  popular(@Query('centre') centre?: string, @Query('limit') limit?: string) {
    return this.cache.view.list(this.offered(centre), undefined, limitOf(limit, 8));
  }

  @Get('search')
  @ApiQuery({ name: 'q' })
  @ApiQuery({ name: 'centre', required: false })
  @ApiQuery({ name: 'limit', required: false })
  search(@Query('q') q = '', @Query('centre') centre?: string, @Query('limit') limit?: string) {
    if (q.length > 50) throw new AppError('COMMON.VALIDATION_FAILED', '搜索内容最多 50 个字');
    this.offered(centre); // an unknown centre is refused before the limit is looked at
    return { query: q, results: this.cache.view.search(q, centre, limitOf(limit, 20)) };
  }

  @Get('items/:code')
  item(@Param('code') code: string) {
    const item = this.cache.view.item(code);
    if (!item) throw new AppError('CATALOGUE.ITEM_NOT_FOUND', `没有找到编码为 ${code} 的服务事项`);
    this.cache.opened(code);
    return item;
  }

  @Get('centres')
  centres() {
    return this.cache.view.allCentres();
  }

  /** The id is a scope path: send it URL-encoded (`sz%2Ffutian%2F…`). */
  @Get('centres/:id')
  centre(@Param('id') id: string) {
    const centre = this.cache.view.centre(id);
    if (!centre) throw new AppError('CATALOGUE.CENTRE_NOT_FOUND', `没有找到服务中心“${id}”`);
    return centre;
  }
}
