import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Public, Roles } from '@psc/auth';
import { createItemDraftRequest, type ItemContent, updateItemDraftRequest } from '@psc/contracts/catalogue';
import { ApiZodBody, AppError, ZodPipe } from '@psc/server-kit';
import { ItemsService } from './items.service';

/** The catalogue is one for the whole city: city administrators edit and publish it. */
@ApiTags('items')
@Controller('items')
export class ItemsController {
  constructor(private readonly items: ItemsService) {}

  @Post()
  @Roles('city_admin')
  @ApiZodBody(createItemDraftRequest)
  create(@Body(new ZodPipe(createItemDraftRequest)) body: ItemContent) {
    return this.items.createDraft(body);
  }

  @Get(':code/draft')
  @Roles('city_admin')
  draft(@Param('code') code: string) {
    return this.items.getDraft(code);
  }

  /** `If-Match: <revision>` names the draft revision the editor changed; a newer one means someone else got there first. */
  @Put(':code/draft')
  @Roles('city_admin')
  @ApiZodBody(updateItemDraftRequest)
  update(
    @Param('code') code: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body(new ZodPipe(updateItemDraftRequest)) body: Omit<ItemContent, 'code'>,
  ) {
    const revision = Number(ifMatch?.replace(/"/g, ''));
    if (!Number.isInteger(revision) || revision < 1)
      throw new AppError('COMMON.VALIDATION_FAILED', '请在 If-Match 中注明所修改的草稿版本号');
    return this.items.updateDraft(code, revision, body);
  }

  @Post(':code/publish')
  @Roles('city_admin')
  @HttpCode(201)
  publish(@Param('code') code: string, @CurrentPrincipal() principal: Principal) {
    return this.items.publish(code, principal);
  }

  @Get(':code/versions/:version')
  @Public() // a published version is public, and cases point at it
  version(@Param('code') code: string, @Param('version') version: string) {
    const n = Number(version);
    if (!Number.isInteger(n) || n < 1) throw new AppError('COMMON.VALIDATION_FAILED', '版本号应为正整数');
    return this.items.version(code, n);
  }
}
