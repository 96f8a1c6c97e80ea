import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { InjectModel } from '@nestjs/mongoose';
import type { DomainEvent } from '@psc/contracts';
import { Effects, HandlesEvent } from '@psc/messaging';
import type { Model } from 'mongoose';
import { count, type CounterFact } from './counters';
import { type CounterDoc, SOCIALORG_COUNTERS_MODEL } from './dashboard.model';
import { MemoRepository } from './memo.repository';
import * as facts from './socialorg-facts';

/** The social-organisation section: the registry's 党组织覆盖, incubation stages, calls, awards and payments. */
@Controller()
export class SocialorgDashboardConsumer {
  constructor(
    @InjectModel(SOCIALORG_COUNTERS_MODEL) private readonly counters: Model<CounterDoc>,
    private readonly memo: MemoRepository,
  ) {}

  @HandlesEvent('socialorg.organisation.registered')
  registered(
    @Payload() event: DomainEvent<'socialorg.organisation.registered'>,
    @Ctx() effects: Effects,
  ): void {
    this.memo.remember(effects, `org:${event.data.orgId}`, event.data.centreId);
    this.count(effects, facts.registered(event.data));
  }

  @HandlesEvent('socialorg.organisation.party-building-changed')
  partyBuilding(
    @Payload() event: DomainEvent<'socialorg.organisation.party-building-changed'>,
    @Ctx() effects: Effects,
  ): void {
    this.count(effects, facts.partyBuildingChanged(event.data));
  }

  @HandlesEvent('socialorg.incubation.applied')
  async applied(
    @Payload() event: DomainEvent<'socialorg.incubation.applied'>,
    @Ctx() effects: Effects,
  ): Promise<void> {
    const centreId = await this.memo.recall<string>(`org:${event.data.orgId}`);
    this.count(effects, facts.incubationApplied(event.data, centreId));
  }

  @HandlesEvent('socialorg.incubation.transitioned')
  async incubation(
    @Payload() event: DomainEvent<'socialorg.incubation.transitioned'>,
    @Ctx() effects: Effects,
  ): Promise<void> {
    const centreId = await this.memo.recall<string>(`org:${event.data.orgId}`);
    this.count(effects, facts.incubationTransitioned(event.data, centreId));
  }

  @HandlesEvent('socialorg.call.transitioned')
  call(@Payload() event: DomainEvent<'socialorg.call.transitioned'>, @Ctx() effects: Effects): void {
    this.count(effects, facts.callTransitioned(event.data));
  }

  @HandlesEvent('socialorg.application.submitted')
  submitted(@Payload() event: DomainEvent<'socialorg.application.submitted'>, @Ctx() effects: Effects): void {
    this.count(effects, facts.applicationSubmitted(event.data));
  }

  @HandlesEvent('socialorg.call.awarded')
  awarded(@Payload() event: DomainEvent<'socialorg.call.awarded'>, @Ctx() effects: Effects): void {
    this.count(effects, facts.awarded(event.data));
  }

  @HandlesEvent('socialorg.call.tranche-paid')
  tranchePaid(@Payload() event: DomainEvent<'socialorg.call.tranche-paid'>, @Ctx() effects: Effects): void {
    this.count(effects, facts.tranchePaid(event.data));
  }

  @HandlesEvent('socialorg.subsidy.granted')
  subsidyGranted(@Payload() event: DomainEvent<'socialorg.subsidy.granted'>, @Ctx() effects: Effects): void {
    this.count(effects, facts.subsidyGranted(event.data));
  }

  @HandlesEvent('socialorg.subsidy.paid')
  subsidyPaid(@Payload() event: DomainEvent<'socialorg.subsidy.paid'>, @Ctx() effects: Effects): void {
    this.count(effects, facts.subsidyPaid(event.data));
  }

  private count(effects: Effects, list: CounterFact<string>[]): void {
    count(effects, this.counters as never, list);
  }
}
