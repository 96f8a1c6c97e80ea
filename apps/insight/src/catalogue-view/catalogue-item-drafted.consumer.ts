import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { InjectModel } from '@nestjs/mongoose';
import type { DomainEvent } from '@psc/contracts';
import { Effects, HandlesEvent } from '@psc/messaging';
import type { Model } from 'mongoose';
import {
  ITEM_VIEW_MODEL,
  type ItemView,
  THEME_SUMMARY_MODEL,
  type ThemeSummary,
} from './catalogue-view.model';

@Controller()
export class CatalogueItemDraftedConsumer {
  constructor(
    @InjectModel(THEME_SUMMARY_MODEL) private readonly themes: Model<ThemeSummary>,
    @InjectModel(ITEM_VIEW_MODEL) private readonly items: Model<ItemView>,
  ) {}

  @HandlesEvent('catalogue.item.drafted')
  apply(@Payload() event: DomainEvent<'catalogue.item.drafted'>, @Ctx() effects: Effects): void {
    const { itemId, code, name, theme } = event.data;
    const at = new Date(event.occurredAt);
    effects.upsert(this.items as never, itemId, { $set: { code, name, theme, draftedAt: at } });
    effects.upsert(this.themes as never, theme, { $inc: { drafted: 1 }, $set: { updatedAt: at } });
  }
}
