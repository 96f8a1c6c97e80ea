import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { InjectModel } from '@nestjs/mongoose';
import type { DomainEvent } from '@psc/contracts';
import { Effects, HandlesEvent } from '@psc/messaging';
import type { Model } from 'mongoose';
import { ITEM_COPY_MODEL, type ItemCopy, toCopy } from './item-copy.model';

/** Stores every published catalogue version once, for cases opened against it now or replayed later. */
@Controller()
export class CatalogueItemPublishedConsumer {
  constructor(@InjectModel(ITEM_COPY_MODEL) private readonly copies: Model<ItemCopy>) {}

  @HandlesEvent('catalogue.item.published')
  store(@Payload() event: DomainEvent<'catalogue.item.published'>, @Ctx() effects: Effects): void {
    const { _id, ...copy } = toCopy(event.data);
    effects.upsert(this.copies as never, _id, { $set: copy });
  }
}
