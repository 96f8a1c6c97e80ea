import { Controller, Get, Param } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@psc/auth';
import { insightItemView, themeSummary } from '@psc/contracts/insight';
import { ApiErrors, ApiZodResponse, AppError } from '@psc/server-kit';
import { z } from 'zod';
import type { Model } from 'mongoose';
import {
  ITEM_VIEW_MODEL,
  type ItemView,
  THEME_SUMMARY_MODEL,
  type ThemeSummary,
} from './catalogue-view.model';

@ApiTags('catalogue')
@Roles('centre_admin', 'city_admin')
@Controller('catalogue')
export class CatalogueViewController {
  constructor(
    @InjectModel(THEME_SUMMARY_MODEL) private readonly themes: Model<ThemeSummary>,
    @InjectModel(ITEM_VIEW_MODEL) private readonly items: Model<ItemView>,
  ) {}

  @Get('themes')
  @ApiZodResponse(z.array(themeSummary))
  async themeSummary() {
    const rows = await this.themes.find({}, { _seen: 0 }).sort({ _id: 1 }).lean<ThemeSummary[]>();
    return rows.map(({ _id, drafted, updatedAt }) => ({ theme: _id, drafted, updatedAt }));
  }

  @Get('items/:id')
  @ApiZodResponse(insightItemView)
  @ApiErrors('CATALOGUE.ITEM_NOT_FOUND')
  async item(@Param('id') id: string) {
    const item = await this.items.findById(id, { _seen: 0 }).lean<ItemView>();
    if (!item) throw new AppError('CATALOGUE.ITEM_NOT_FOUND', '该事项尚未同步到统计库');
    return item;
  }
}
