import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { InjectModel } from '@nestjs/mongoose';
import type { DomainEvent } from '@psc/contracts';
import { DASHBOARD_GRAINS } from '@psc/contracts/insight';
import { FIVE_ONE_OF_CATEGORY } from '@psc/contracts/volunteer';
import { Effects, HandlesEvent } from '@psc/messaging';
import type { Model } from 'mongoose';
import { count } from './counters.repository';
import { type CounterDoc, VOLUNTEER_COUNTERS_MODEL } from './dashboard.model';
import { MemoRepository } from './memo.repository';
import { periodsOfInstant, placesOf } from './periods';
import * as facts from './volunteer-facts';

type Entry = DomainEvent<'volunteer.hours.credited' | 'volunteer.hours.reversed'>;

/** The volunteer section: registrations, 双报到, activities, the ledger's hours, "五个一" and 微心愿. */
@Controller()
export class VolunteerDashboardConsumer {
  constructor(
    @InjectModel(VOLUNTEER_COUNTERS_MODEL) private readonly counters: Model<CounterDoc>,
    private readonly memo: MemoRepository,
  ) {}

  @HandlesEvent('volunteer.volunteer.registered')
  registered(@Payload() event: DomainEvent<'volunteer.volunteer.registered'>, @Ctx() effects: Effects): void {
    count(effects, this.counters as never, facts.registered(event.data));
  }

  @HandlesEvent('volunteer.volunteer.party-reported')
  async partyReported(
    @Payload() event: DomainEvent<'volunteer.volunteer.party-reported'>,
    @Ctx() effects: Effects,
  ): Promise<void> {
    const { volunteerId, communityId, reportedOn } = event.data;
    this.memo.remember(effects, `member:${volunteerId}`, communityId);
    count(effects, this.counters as never, facts.partyReported(event.data));
    await this.fiveOnes(effects, `five:${volunteerId}|${reportedOn.slice(0, 4)}`, (year) => year);
  }

  @HandlesEvent('volunteer.activity.published')
  async published(
    @Payload() event: DomainEvent<'volunteer.activity.published'>,
    @Ctx() effects: Effects,
  ): Promise<void> {
    const { activityId, centreId, category } = event.data;
    this.memo.remember(effects, `activity:${activityId}`, {
      centreId,
      category,
    } satisfies facts.ActivityMemo);
    count(effects, this.counters as never, facts.activityPublished(event.data));
    // entries of this activity that arrived first (they travel on another topic) learn their item now
    const item = FIVE_ONE_OF_CATEGORY[category];
    for (const key of (await this.memo.recall<string[]>(`waiting:${activityId}`)) ?? [])
      await this.fiveOnes(effects, key, (year) => ({
        ...year,
        entries: Object.fromEntries(
          Object.entries(year.entries).map(([id, e]) => [
            id,
            e.activityId === activityId ? { ...e, item } : e,
          ]),
        ),
      }));
  }

  @HandlesEvent('volunteer.activity.attendance-recorded')
  async attendance(
    @Payload() event: DomainEvent<'volunteer.activity.attendance-recorded'>,
    @Ctx() effects: Effects,
  ): Promise<void> {
    if (event.data.step !== 'checked_in') return;
    const activity = await this.memo.recall<facts.ActivityMemo>(`activity:${event.data.activityId}`);
    count(effects, this.counters as never, facts.checkedIn(event.data, activity));
  }

  @HandlesEvent('volunteer.hours.credited')
  async credited(@Payload() event: Entry, @Ctx() effects: Effects): Promise<void> {
    const { data } = event;
    count(effects, this.counters as never, facts.hours(data));
    if (data.kind === 'credit' && data.minutes > 0) await this.active(effects, data);
    const activity = data.activityId
      ? await this.memo.recall<facts.ActivityMemo>(`activity:${data.activityId}`)
      : null;
    const item = facts.fiveOneItem(data, activity);
    if (item === undefined) return;
    const key = `five:${data.volunteerId}|${data.servedOn.slice(0, 4)}`;
    if (item === null && data.activityId !== null) {
      const waitKey = `waiting:${data.activityId}`;
      const waiting = (await this.memo.recall<string[]>(waitKey)) ?? [];
      if (!waiting.includes(key)) this.memo.remember(effects, waitKey, [...waiting, key].sort());
    }
    const entry = { item, activityId: data.activityId, centreId: data.centreId, day: data.servedOn };
    await this.fiveOnes(effects, key, (year) => ({
      ...year,
      entries: { ...year.entries, [data.entryId]: entry },
    }));
  }

  @HandlesEvent('volunteer.hours.reversed')
  async reversed(@Payload() event: Entry, @Ctx() effects: Effects): Promise<void> {
    const { data } = event;
    count(effects, this.counters as never, facts.hours(data));
    const undone = data.reverses;
    if (undone === null) return;
    await this.fiveOnes(effects, `five:${data.volunteerId}|${data.servedOn.slice(0, 4)}`, (year) => ({
      ...year,
      entries: Object.fromEntries(Object.entries(year.entries).filter(([id]) => id !== undone)),
    }));
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
    count(effects, this.counters as never, facts.wishChanged(data, postedAt));
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
      effects.upsert(this.counters as never, id, update);
    const places = placesOf(data.centreId);
    DASHBOARD_GRAINS.forEach((g, i) =>
      this.memo.remember(effects, keys[i], [...new Set([...seen[g], ...places])].sort()),
    );
  }

  /** A volunteer's year changed: where and when it counts as met is worked out again from all it holds. */
  private async fiveOnes(
    effects: Effects,
    key: string,
    change: (year: facts.FiveOnesYear) => facts.FiveOnesYear,
  ): Promise<void> {
    const year = change((await this.memo.recall<facts.FiveOnesYear>(key)) ?? { entries: {}, counted: null });
    const volunteerId = key.slice('five:'.length, key.lastIndexOf('|'));
    const communityId = await this.memo.recall<string>(`member:${volunteerId}`);
    const day = facts.metDay(year, communityId);
    const counted = day !== null && communityId !== null ? { communityId, day } : null;
    this.memo.remember(effects, key, { ...year, counted });
    count(effects, this.counters as never, facts.fiveOnesMoved(year.counted, counted));
  }
}
