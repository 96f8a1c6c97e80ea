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
  /** the filters each counters collection was queried with, so a spec can see what the store would be asked */
  const finds: Record<string, Record<string, unknown>[]> = {};
  // the dashboard reads a bucket leaving out `_seen`, which the fakes never hold (feed applies unguarded writes)
  const countersModel = (name: string) => {
    const m = model<CounterDoc>(name) as ReturnType<typeof fakeModel<CounterDoc>>;
    const find = m.find.bind(m);
    finds[name] = [];
    return Object.assign(m, {
      find(filter: Record<string, unknown>, projection?: unknown) {
        if (projection !== undefined && JSON.stringify(projection) !== '{"_seen":0}')
          throw new Error(`dashboard world: unexpected projection ${JSON.stringify(projection)}`);
        finds[name].push(filter);
        return find(filter);
      },
    }) as never;
  };
  const counters = {
    affairs: countersModel('affairs_counters'),
    volunteer: countersModel('volunteer_counters'),
    socialorg: countersModel('socialorg_counters'),
    rooms: countersModel('rooms_counters'),
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
    finds,
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
