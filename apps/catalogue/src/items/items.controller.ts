import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Public, Roles } from '@psc/auth';
import {
  type AddKeywordRequest,
  addKeywordRequest,
  createItemDraftRequest,
  type ItemContent,
  type ItemDraftHeaders,
  itemDraftHeaders,
  itemDraftView,
  type ItemVersionParams,
  itemVersionParams,
  itemVersionView,
  updateItemDraftRequest,
} from '@psc/contracts/catalogue';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodHeaders, ZodParams, ZodPipe } from '@psc/server-kit';
import { ItemsService } from './items.service';

/** The catalogue is one for the whole city: city administrators edit and publish it; staff add residents' words. */
@ApiTags('items')
@Controller('items')
export class ItemsController {
  constructor(private readonly items: ItemsService) {}

  @Post()
  @Roles('city_admin')
  @ApiZodBody(createItemDraftRequest)
  @ApiZodResponse(itemDraftView)
  @ApiErrors('CATALOGUE.ITEM_CODE_TAKEN')
  create(@Body(new ZodPipe(createItemDraftRequest)) body: ItemContent) {
    return this.items.createDraft(body);
  }

  @Get(':code/draft')
  @Roles('city_admin')
  @ApiZodResponse(itemDraftView)
  @ApiErrors('CATALOGUE.ITEM_NOT_FOUND')
  draft(@Param('code') code: string) {
    return this.items.getDraft(code);
  }

  @Put(':code/draft')
  @Roles('city_admin')
  @ApiZodBody(updateItemDraftRequest)
  @ApiZodResponse(itemDraftView)
  @ApiErrors('CATALOGUE.ITEM_NOT_FOUND', 'COMMON.CONFLICT')
  update(
    @Param('code') code: string,
    @ZodHeaders(itemDraftHeaders) headers: ItemDraftHeaders,
    @Body(new ZodPipe(updateItemDraftRequest)) body: Omit<ItemContent, 'code'>,
  ) {
    return this.items.updateDraft(code, headers['If-Match'], body);
  }

  @Post(':code/publish')
  @Roles('city_admin')
  @HttpCode(201)
  @ApiZodResponse(itemVersionView)
  @ApiErrors(
    'CATALOGUE.ITEM_NOT_FOUND',
    'CATALOGUE.NOT_PUBLISHABLE',
    'CATALOGUE.NOTHING_TO_PUBLISH',
    'COMMON.CONFLICT',
  )
  publish(@Param('code') code: string, @CurrentPrincipal() principal: Principal) {
    return this.items.publish(code, principal);
  }

  /** Counter staff attach a phrasing residents used (查无结果): published at once as the item's next version. */
  @Post(':code/keywords')
  @Roles('counter_staff', 'centre_admin', 'city_admin')
  @HttpCode(201)
  @ApiZodBody(addKeywordRequest)
  @ApiZodResponse(itemVersionView)
  @ApiErrors(
    'CATALOGUE.ITEM_NOT_FOUND',
    'CATALOGUE.NOT_PUBLISHED',
    'CATALOGUE.KEYWORD_EXISTS',
    'CATALOGUE.KEYWORDS_FULL',
    'COMMON.CONFLICT',
  )
  addKeyword(
    @Param('code') code: string,
    @Body(new ZodPipe(addKeywordRequest)) { keyword }: AddKeywordRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.items.addKeyword(code, keyword, principal);
  }

  @Get(':code/versions/:version')
  @Public() // a published version is public, and cases point at it
  @ApiZodResponse(itemVersionView)
  @ApiErrors('CATALOGUE.VERSION_NOT_FOUND')
  version(@ZodParams(itemVersionParams) { code, version }: ItemVersionParams) {
    return this.items.version(code, version);
  }
}
