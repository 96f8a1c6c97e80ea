import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import type { DomainEvent } from '@psc/contracts';
import { dashboardQuery } from '@psc/contracts/insight';
import { Effects } from '@psc/messaging';
import { fakeModel, manualClock, staff } from '@psc/testing/unit';
import { AffairsDashboardConsumer } from '../src/dashboard/affairs-dashboard.consumer';
import { DashboardController } from '../src/dashboard/dashboard.controller';
import type { CounterDoc, MemoDoc } from '../src/dashboard/dashboard.model';
import { MemoRepository } from '../src/dashboard/memo.repository';
import { RoomsDashboardConsumer } from '../src/dashboard/rooms-dashboard.consumer';
import { ScreenController } from '../src/dashboard/screen.controller';
import { SocialorgDashboardConsumer } from '../src/dashboard/socialorg-dashboard.consumer';
import { VolunteerDashboardConsumer } from '../src/dashboard/volunteer-dashboard.consumer';

type Handler = (event: never, effects: Effects) => unknown;

/** Each `@HandlesEvent` method of a consumer, by the event type it is registered for, as the transport finds it. */
function handlersOf(consumer: object): [string, Handler][] {
  const proto = Object.getPrototypeOf(consumer) as Record<string, unknown>;
  return Object.getOwnPropertyNames(proto).flatMap((name) => {
    const method = proto[name];
    const patterns =
      typeof method === 'function' ? (Reflect.getMetadata(PATTERN_METADATA, method) as string[]) : undefined;
    return (patterns ?? []).map((type): [string, Handler] => [type, (method as Handler).bind(consumer)]);
  });
}

/** Every dashboard consumer and both routes over in-memory models, fed events as the consumer group hands them over. */
export function dashboardWorld(now = '2026-11-23T08:00:00.000Z') {
  const models: Record<string, ReturnType<typeof fakeModel>> = {};
  const model = <T extends { _id: string }>(name: string) => {
    const m = fakeModel<T>();
    Object.assign(m.collection, { name });
    models[name] = m;
    return m as never;
  };
  const counters = {
    affairs: model<CounterDoc>('affairs_counters'),
    volunteer: model<CounterDoc>('volunteer_counters'),
    socialorg: model<CounterDoc>('socialorg_counters'),
    rooms: model<CounterDoc>('rooms_counters'),
  };
  const memo = new MemoRepository(model<MemoDoc>('insight_memos'));
  const handlers = new Map([
    ...handlersOf(new AffairsDashboardConsumer(counters.affairs, memo)),
    ...handlersOf(new VolunteerDashboardConsumer(counters.volunteer, memo)),
    ...handlersOf(new SocialorgDashboardConsumer(counters.socialorg, memo)),
    ...handlersOf(new RoomsDashboardConsumer(counters.rooms)),
  ]);
  const clock = manualClock(now);
  const dashboard = new DashboardController(
    counters.affairs,
    counters.volunteer,
    counters.socialorg,
    counters.rooms,
  );
  const screen = new ScreenController(counters.affairs, counters.volunteer, clock);
  return {
    models,
    clock,
    async feed(events: DomainEvent[]) {
      for (const event of events) {
        const effects = new Effects(event.id);
        const handle = handlers.get(event.type);
        if (!handle) continue;
        await handle(event as never, effects);
        for (const { collection, id, update } of effects.list)
          await models[collection].updateOne({ _id: id }, update, { upsert: true });
      }
    },
    read: (query: Record<string, string>, principal = staff('city_admin')) =>
      dashboard.dashboard(dashboardQuery.parse(query), principal),
    screen: (centre: string) => screen.screen({ centre }),
  };
}
