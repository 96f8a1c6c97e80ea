import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@psc/auth';
import {
  type SearchMissesQuery,
  searchMissesQuery,
  searchMissesResponse,
  type SearchMissReport,
  searchMissReport,
} from '@psc/contracts/catalogue';
import { ApiZodBody, ApiZodResponse, ZodPipe, ZodQuery } from '@psc/server-kit';
import { SearchMissesService } from './search-misses.service';

@ApiTags('search')
@Controller('search/misses')
export class SearchMissesController {
  constructor(private readonly misses: SearchMissesService) {}

  /** A kiosk reports a search it showed nothing for; anonymous by design: the text is all that is kept. */
  @Post()
  @Public()
  @HttpCode(204)
  @ApiZodBody(searchMissReport)
  report(@Body(new ZodPipe(searchMissReport)) { q }: SearchMissReport): void {
    this.misses.report(q);
  }

  /** The counter's 查无结果 page: what residents looked for in vain, and whether it is found now. */
  @Get()
  @Roles('counter_staff', 'centre_admin', 'city_admin')
  @ApiZodResponse(searchMissesResponse)
  list(@ZodQuery(searchMissesQuery) { days }: SearchMissesQuery) {
    return this.misses.list(days);
  }
}
