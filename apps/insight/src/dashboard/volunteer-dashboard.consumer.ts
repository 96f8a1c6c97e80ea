import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { InjectModel } from '@nestjs/mongoose';
import { covers } from '@psc/auth';
import type { DomainEvent } from '@psc/contracts';
import { DASHBOARD_GRAINS } from '@psc/contracts/insight';
import { Effects, HandlesEvent } from '@psc/messaging';
import type { Model } from 'mongoose';
import { count } from './counters';
import { type CounterDoc, VOLUNTEER_COUNTERS_MODEL } from './dashboard.model';
import { MemoRepository } from './memo.repository';
import { periodsOfInstant, placesOf } from './periods';
import * as facts from './volunteer-facts';

type Entry = DomainEvent<'volunteer.hours.credited'>;

/** The volunteer section: registrations, 双报到, activities, the ledger's hours, "五个一" and 微心愿. */
@Controller()
export class VolunteerDashboardConsumer {
  constructor(
    @InjectModel(VOLUNTEER_COUNTERS_MODEL) private readonly counters: Model<CounterDoc>,
    private readonly memo: MemoRepository,
  ) {}

  @HandlesEvent('volunteer.volunteer.registered')
  registered(@Payload() event: DomainEvent<'volunteer.volunteer.registered'>, @Ctx() effects: Effects): void {
    count(effects, this.model, facts.registered(event.data));
  }

  @HandlesEvent('volunteer.volunteer.party-reported')
  partyReported(
    @Payload() event: DomainEvent<'volunteer.volunteer.party-reported'>,
    @Ctx() effects: Effects,
  ): void {
    this.memo.remember(effects, `member:${event.data.volunteerId}`, event.data.communityId);
    count(effects, this.model, facts.partyReported(event.data));
  }

  @HandlesEvent('volunteer.activity.published')
  published(@Payload() event: DomainEvent<'volunteer.activity.published'>, @Ctx() effects: Effects): void {
    const { activityId, centreId, category } = event.data;
    this.memo.remember(effects, `activity:${activityId}`, {
      centreId,
      category,
    } satisfies facts.ActivityMemo);
    count(effects, this.model, facts.activityPublished(event.data));
  }

  @HandlesEvent('volunteer.activity.attendance-recorded')
  async attendance(
    @Payload() event: DomainEvent<'volunteer.activity.attendance-recorded'>,
    @Ctx() effects: Effects,
  ): Promise<void> {
    if (event.data.step !== 'checked_in') return;
    const activity = await this.memo.recall<facts.ActivityMemo>(`activity:${event.data.activityId}`);
    count(effects, this.model, facts.checkedIn(event.data, activity));
  }

  @HandlesEvent('volunteer.hours.credited')
  async credited(@Payload() event: Entry, @Ctx() effects: Effects): Promise<void> {
    const { data } = event;
    count(effects, this.model, facts.hours(data));
    if (data.kind === 'credit' && data.minutes > 0) await this.active(effects, data);
    await this.fiveOnes(effects, data, (year, item) => ({ ...year, [data.entryId]: item }));
  }

  @HandlesEvent('volunteer.hours.reversed')
  async reversed(@Payload() event: Entry, @Ctx() effects: Effects): Promise<void> {
    const { data } = event;
    count(effects, this.model, facts.hours(data));
    const undone = data.reverses;
    if (undone === null) return;
    await this.fiveOnes(effects, data, (year) =>
      Object.fromEntries(Object.entries(year).filter(([id]) => id !== undone)),
    );
  }

  @HandlesEvent('volunteer.wish.changed')
  async wish(
    @Payload() event: DomainEvent<'volunteer.wish.changed'>,
    @Ctx() effects: Effects,
  ): Promise<void> {
    const { data } = event;
    const key = `wish:${data.wishId}`;
    if (data.state === 'pending') this.memo.start(effects, key, new Date(data.at));
    const postedAt = data.state === 'fulfilled' ? await this.memo.startOf(key) : null;
    count(effects, this.model, facts.wishChanged(data, postedAt));
  }

  private get model(): Model<never> {
    return this.counters as never;
  }

  private async active(effects: Effects, data: Entry['data']): Promise<void> {
    const at = facts.onDay(data.servedOn);
    const { periods } = periodsOfInstant(at);
    const keys = DASHBOARD_GRAINS.map((g) => `active:${data.volunteerId}|${g}|${periods[g]}`);
    const seen = Object.fromEntries(
      await Promise.all(
        DASHBOARD_GRAINS.map(async (g, i) => [g, (await this.memo.recall<string[]>(keys[i])) ?? []]),
      ),
    ) as facts.Seen;
    for (const { id, update } of facts.activeWrites(data.centreId, at, seen))
      effects.upsert(this.model, id, update);
    const places = placesOf(data.centreId);
    DASHBOARD_GRAINS.forEach((g, i) =>
      this.memo.remember(effects, keys[i], [...new Set([...seen[g], ...places])].sort()),
    );
  }

  /** A 在职党员's year at the community they reported to, from the entries served there. */
  private async fiveOnes(
    effects: Effects,
    data: Entry['data'],
    change: (year: facts.FiveOnesYear, item: { item: string; day: string }) => facts.FiveOnesYear,
  ): Promise<void> {
    const community = await this.memo.recall<string>(`member:${data.volunteerId}`);
    if (community === null || !covers(community, data.centreId)) return;
    const activity = data.activityId
      ? await this.memo.recall<facts.ActivityMemo>(`activity:${data.activityId}`)
      : null;
    const item = facts.fiveOneItem(data, activity);
    if (item === null && data.reverses === null) return;
    const key = `five:${data.volunteerId}|${data.servedOn.slice(0, 4)}`;
    const year = (await this.memo.recall<facts.FiveOnesYear>(key)) ?? {};
    const next = change(year, { item: item ?? '', day: data.servedOn });
    this.memo.remember(effects, key, next);
    count(
      effects,
      this.model,
      facts.fiveOnesChanged(community, data.servedOn, facts.metOf(year), facts.metOf(next)),
    );
  }
}
