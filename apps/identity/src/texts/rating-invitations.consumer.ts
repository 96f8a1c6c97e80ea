import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { InjectModel } from '@nestjs/mongoose';
import type { DomainEvent } from '@psc/contracts';
import { Effects, HandlesEvent } from '@psc/messaging';
import { APP_CONFIG } from '@psc/server-kit';
import type { Model } from 'mongoose';
import { type IdentityConfig, linkOrigin } from '../config';
import { OWED_TEXT_MODEL, type OwedText } from './owed-text.model';
import { RATING_TEXT_PURPOSE, ratingText } from './rating-text';

/** Affairs asks for a rating text when a case is delivered; the text is stored once, and OwedTextsService sends it. */
@Controller()
export class RatingInvitationsConsumer {
  private readonly origin: string;

  constructor(
    @InjectModel(OWED_TEXT_MODEL) private readonly texts: Model<OwedText>,
    @Inject(APP_CONFIG) config: IdentityConfig,
  ) {
    this.origin = linkOrigin(config);
  }

  @HandlesEvent('affairs.case.rating-invited')
  invite(@Payload() event: DomainEvent<'affairs.case.rating-invited'>, @Ctx() effects: Effects): void {
    effects.upsert(this.texts as never, `rating:${event.data.caseNo}`, {
      $set: {
        residentId: event.data.residentId,
        purpose: RATING_TEXT_PURPOSE,
        text: ratingText(this.origin, event.data),
        createdAt: new Date(event.occurredAt),
        claimedAt: null,
        sentAt: null,
        dropped: null,
        pending: true,
      },
    });
  }
}
