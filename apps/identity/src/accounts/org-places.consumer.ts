import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { InjectModel } from '@nestjs/mongoose';
import type { DomainEvent } from '@psc/contracts';
import { Effects } from '@psc/messaging';
import type { Model } from 'mongoose';
import { ORG_PLACE_MODEL, type OrgPlace } from './org-place.model';

type PlaceEvent = DomainEvent<'socialorg.organisation.registered' | 'socialorg.organisation.profile-updated'>;

/** Keeps where each organisation belongs, from socialorg's registry, for granting its staff accounts. */
@Controller()
export class OrgPlacesConsumer {
  constructor(@InjectModel(ORG_PLACE_MODEL) private readonly places: Model<OrgPlace>) {}

  @EventPattern('socialorg.organisation.registered')
  registered(@Payload() event: PlaceEvent, @Ctx() effects: Effects): void {
    this.keep(event, effects);
  }

  @EventPattern('socialorg.organisation.profile-updated')
  profileUpdated(@Payload() event: PlaceEvent, @Ctx() effects: Effects): void {
    this.keep(event, effects);
  }

  private keep({ data }: PlaceEvent, effects: Effects): void {
    effects.upsert(this.places as never, data.orgId, {
      $set: { name: data.name, centreId: data.centreId, streetId: data.streetId },
    });
  }
}
