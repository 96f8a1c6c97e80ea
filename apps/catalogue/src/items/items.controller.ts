import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@psc/auth';
import { type CreateItemDraftRequest, createItemDraftRequest } from '@psc/contracts/catalogue';
import { ApiZodBody, ZodPipe } from '@psc/server-kit';
import { ItemsService } from './items.service';

@ApiTags('items')
@Controller('items')
export class ItemsController {
  constructor(private readonly items: ItemsService) {}

  @Post()
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(createItemDraftRequest)
  create(@Body(new ZodPipe(createItemDraftRequest)) body: CreateItemDraftRequest) {
    return this.items.createDraft(body);
  }

  @Get(':id')
  @Public() // the catalogue is what kiosks show to anyone walking up
  get(@Param('id') id: string) {
    return this.items.get(id);
  }
}
