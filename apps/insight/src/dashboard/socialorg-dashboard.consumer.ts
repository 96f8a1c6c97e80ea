import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { InjectModel } from '@nestjs/mongoose';
import type { DomainEvent, EventData } from '@psc/contracts';
import { Effects, HandlesEvent } from '@psc/messaging';
import type { Model } from 'mongoose';
import type { CounterFact } from './counters';
import { count } from './counters.repository';
import { type CounterDoc, SOCIALORG_COUNTERS_MODEL } from './dashboard.model';
import { MemoRepository } from './memo.repository';
import * as facts from './socialorg-facts';

/** An incubation event as kept while its organisation is unknown (by event id, so a redelivery is kept once). */
interface Incubation {
  id: string;
  /** counted when the registration came */
  counted?: boolean;
  applied?: EventData<'socialorg.incubation.applied'>;
  transitioned?: EventData<'socialorg.incubation.transitioned'>;
}

/** The social-organisation section: the registry's 党组织覆盖, incubation stages, calls, awards and payments. */
@Controller()
export class SocialorgDashboardConsumer {
  constructor(
    @InjectModel(SOCIALORG_COUNTERS_MODEL) private readonly counters: Model<CounterDoc>,
    private readonly memo: MemoRepository,
  ) {}

  @HandlesEvent('socialorg.organisation.registered')
  async registered(
    @Payload() event: DomainEvent<'socialorg.organisation.registered'>,
    @Ctx() effects: Effects,
  ): Promise<void> {
    const { orgId, centreId } = event.data;
    this.memo.remember(effects, `org:${orgId}`, centreId);
    this.count(effects, facts.registered(event.data));
    // incubation steps that arrived first (their topic is read apart from the registry's) count now
    const key = `org-waiting:${orgId}`;
    const waiting = (await this.memo.recall<Incubation[]>(key)) ?? [];
    for (const step of waiting.filter((w) => !w.counted))
      this.count(effects, this.incubationFacts(step, centreId));
    // kept, marked: a redelivered step must not count again under its own event id
    if (waiting.length > 0)
      this.memo.remember(
        effects,
        key,
        waiting.map((w) => ({ ...w, counted: true })),
      );
  }

  @HandlesEvent('socialorg.organisation.party-building-changed')
  partyBuilding(
    @Payload() event: DomainEvent<'socialorg.organisation.party-building-changed'>,
    @Ctx() effects: Effects,
  ): void {
    this.count(effects, facts.partyBuildingChanged(event.data));
  }

  @HandlesEvent('socialorg.incubation.applied')
  applied(@Payload() event: DomainEvent<'socialorg.incubation.applied'>, @Ctx() effects: Effects) {
    return this.incubation(effects, { id: event.id, applied: event.data });
  }

  @HandlesEvent('socialorg.incubation.transitioned')
  transitioned(@Payload() event: DomainEvent<'socialorg.incubation.transitioned'>, @Ctx() effects: Effects) {
    return this.incubation(effects, { id: event.id, transitioned: event.data });
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

  /** Counted at the organisation's centre, or kept until the organisation's registration is read. */
  private async incubation(effects: Effects, step: Incubation): Promise<void> {
    const orgId = (step.applied ?? step.transitioned)!.orgId;
    const centreId = await this.memo.recall<string>(`org:${orgId}`);
    const key = `org-waiting:${orgId}`;
    const waiting = (await this.memo.recall<Incubation[]>(key)) ?? [];
    if (waiting.some((w) => w.id === step.id)) return;
    if (centreId !== null) return this.count(effects, this.incubationFacts(step, centreId));
    this.memo.remember(effects, key, [...waiting, step]);
  }

  private incubationFacts(step: Incubation, centreId: string): CounterFact<string>[] {
    return step.applied
      ? facts.incubationApplied(step.applied, centreId)
      : facts.incubationTransitioned(step.transitioned!, centreId);
  }

  private count(effects: Effects, list: CounterFact<string>[]): void {
    count(effects, this.counters as never, list);
  }
}
