import { buildEvent, type DomainEvent, EVENTS } from '@psc/contracts';
import type { DashboardReport, HallScreen } from '@psc/contracts/insight';
import { type RunningApp, startApp, waitFor } from '@psc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  knownRoomsWeek,
  knownSocialorgWeek,
  knownVolunteerWeek,
  knownWeek,
} from '@psc/contracts/insight/testing';
import { SystemWorld } from '../world';

// insight_memos is left out: it is the consumer's working memory (what arrived before what it waits for), which
// depends on the order partitions were read in; the counters built from it are compared in full
const READ_MODELS = [
  'affairs_counters',
  'volunteer_counters',
  'socialorg_counters',
  'rooms_counters',
  'affairs_one_trip',
  'catalogue_item_view',
  'catalogue_theme_summary',
];

describe('insight dashboards on the real store', () => {
  const world = new SystemWorld(inject('stack'));
  let replay: RunningApp | undefined;
  let headers: Record<string, string>;

  const publish = async (events: DomainEvent[], copies = 1) => {
    const producer = world.kafka.producer();
    await producer.connect();
    for (const event of events) {
      const message = { key: event.key, value: JSON.stringify(event) };
      await producer.send({
        topic: world.topic(EVENTS[event.type].topic),
        messages: Array.from({ length: copies }, () => message),
      });
    }
    await producer.disconnect();
  };
  const dashboard = async (app: RunningApp, query: string): Promise<DashboardReport> => {
    const response = await fetch(`${app.url}/dashboard?${query}`, { headers });
    expect(response.status).toBe(200);
    return (await response.json()) as DashboardReport;
  };
  const SCREEN_CENTRE = 'gz/tianhe/shipai/c-001';
  const screen = async (app: RunningApp): Promise<HallScreen> => {
    const response = await fetch(`${app.url}/screen?centre=${SCREEN_CENTRE}`);
    expect(response.status).toBe(200);
    return (await response.json()) as HallScreen;
  };
  /** today's hall at a centre of another city, so the fixed ranges above do not see it whatever day this runs */
  const today = () => {
    const now = Date.now();
    const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
    const ticket = (ticketId: string, issuedAt: string) =>
      buildEvent(
        'affairs.queue.ticket-issued',
        ticketId,
        { ticketId, centreId: SCREEN_CENTRE, number: ticketId, queue: 'A', issuedAt },
        'affairs',
      );
    const activity = knownVolunteerWeek().find((e) => e.type === 'volunteer.activity.published')!;
    return [
      ticket('A901', at(20)),
      ticket('A902', at(5)),
      buildEvent(
        'affairs.queue.ticket-called',
        'A901',
        {
          ticketId: 'A901',
          centreId: SCREEN_CENTRE,
          number: 'A901',
          window: '1',
          calledAt: at(10),
          recall: false,
        },
        'affairs',
      ),
      buildEvent(
        'volunteer.activity.published',
        'a-today',
        {
          ...(activity.data as never as object),
          activityId: 'a-today',
          centreId: SCREEN_CENTRE,
          startsAt: at(1),
          endsAt: at(-60),
        } as never,
        'volunteer',
      ),
    ];
  };
  const WEEK = 'scope=sz/futian&from=2026-11-23&to=2026-11-29&grain=week';
  const ALL = 'scope=sz&from=2026-11-01&to=2026-12-31&grain=month';
  let lastSeen = '';
  const settled = (app: RunningApp) =>
    waitFor(
      async () => {
        const { affairs } = await dashboard(app, ALL);
        const t = affairs.tally;
        // one event of every kind, whichever partition it came through
        const seen = [
          t.opened,
          t.completed,
          t.rated,
          t.noShow,
          t.ticketsIssued,
          t.ticketsCalled,
          t.refused,
          t.rectified,
          t.overdue,
        ];
        const { volunteer, socialorg, rooms } = await dashboard(app, ALL);
        const today = await screen(app);
        seen.push(
          volunteer.tally.activities,
          volunteer.tally.checkIns,
          volunteer.tally.wishesFulfilled,
          volunteer.tally.wishesPosted,
          volunteer.tally.creditMinutes,
          socialorg.tally.incubationsApplied,
          volunteer.tally.fiveOnesMet,
          socialorg.tally.awards,
          socialorg.tally.paidFen > 0 ? 1 : 0,
          socialorg.now.standing['incubation.graduated'],
          rooms.tally.booked,
          today.ticketsIssued,
          today.volunteerActivities,
        );
        lastSeen = seen.join();
        return lastSeen === '3,2,2,1,3,2,1,1,1,4,1,1,2,555,1,1,2,1,1,2,2,1';
      },
      { timeoutMs: 90_000, intervalMs: 500, what: 'the known week in the read models' },
    )
      .catch((error: unknown) => {
        throw new Error(`${String(error)}; last seen ${lastSeen}`);
      })
      .then(() => new Promise((resolve) => setTimeout(resolve, 1500)));

  beforeAll(async () => {
    await world.start('insight');
    headers = { authorization: `Bearer ${await world.tokenFor('city_admin', 'sz')}` };
  });
  afterAll(async () => {
    await replay?.stop();
    await world.dispose();
  });

  it('counts a known week exactly once, however often its events are delivered', async () => {
    const events = [
      ...knownWeek(),
      ...knownVolunteerWeek(),
      ...knownSocialorgWeek(),
      ...knownRoomsWeek(),
      ...today(),
    ];
    // every event twice in one batch, then the whole week again: both ways a redelivery arrives
    await publish(events, 2);
    await publish(events);
    await publish([
      buildEvent(
        'catalogue.item.drafted',
        'i-1',
        { itemId: 'i-1', code: 'MZ-001', name: '低保申请', theme: '社会救助' },
        'catalogue',
      ),
    ]);
    await settled(world.apps.insight!);

    const week = await dashboard(world.apps.insight!, WEEK);
    expect(week.affairs.tally).toMatchObject({
      opened: 2,
      correcting: 1,
      accepted: 2,
      completed: 2,
      completedOnTime: 1,
      handlingDays: 5,
      promisedDays: 6,
      delivered: 2,
      oneTrip: 1,
      rating5: 1,
      rating2: 1,
      rectifiedOnTime: 1,
      ticketsIssued: 3,
      ticketsCalled: 2,
      waitSeconds: 2700,
      noShow: 1,
    });
    expect(week.affairs.rates).toMatchObject({ oneTrip: 0.5, meanHandlingDays: 2.5, meanWaitMinutes: 22.5 });
    expect(week.affairs.children.map((c) => [c.scope, c.tally.opened])).toEqual([['sz/futian/xiangmihu', 2]]);
    expect(week.volunteer.tally).toMatchObject({
      creditMinutes: 555,
      honourMinutes: 240,
      activeVolunteers: 2,
      partyReported: 1,
      fiveOnesMet: 1,
      wishesPosted: 2,
      wishesFulfilled: 1,
      wishDaysToFulfil: 3,
    });
    expect(week.socialorg.tally).toMatchObject({ awards: 2, awardedFen: 1_734_567, paidFen: 300_001 });
    expect(week.socialorg.now).toMatchObject({ partyBuildingCoverage: 1 });
    expect(week.socialorg.now.standing).toMatchObject({ organisations: 2, 'partyBuilding.joint_branch': 1 });
    expect(week.rooms.tally).toEqual({ booked: 2, cancelled: 1, attended: 1, missed: 0, attendees: 8 });
    expect(await screen(world.apps.insight!)).toMatchObject({
      ticketsIssued: 2,
      waiting: 1,
      meanWaitMinutes: 10,
      casesDone: 0,
      volunteerActivities: 1,
    });
    const all = await dashboard(world.apps.insight!, ALL);
    expect(all.affairs.series.map((s) => [s.period, s.tally.opened, s.tally.overdue])).toEqual([
      ['2026-11', 3, 0],
      ['2026-12', 0, 1],
    ]);
  });

  it('refuses a street administrator another street, with the reason in Chinese', async () => {
    const token = await world.tokenFor('centre_admin', 'sz/futian/lianhua');
    const response = await fetch(
      `${world.apps.insight!.url}/dashboard?${WEEK.replace('sz/futian', 'sz/futian/xiangmihu')}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('builds the same read models in a new consumer group that reads every topic from offset 0', async () => {
    replay = await startApp('insight', {
      ...world.env('insight_replay'),
      INSIGHT_CONSUMER_GROUP: 'insight.replay',
    });
    await settled(replay);
    for (const query of [WEEK, ALL, 'scope=sz/futian/xiangmihu/c-001&from=2026-11-23&to=2026-12-03'])
      expect(await dashboard(replay, query)).toEqual(await dashboard(world.apps.insight!, query));
    // document by document, bar the ids of events seen and `updatedAt`, which the one-trip tallies set
    // last-write-wins across partitions: the one field that depends on the order partitions were read in
    const dump = async (db: string, name: string) =>
      (
        await world.mongo
          .db(db)
          .collection(name)
          .find({}, { projection: { _seen: 0, updatedAt: 0 } })
          .toArray()
      ).sort((a, b) => (String(a._id) < String(b._id) ? -1 : 1));
    for (const name of READ_MODELS) {
      const live = await dump(`${world.namespace}_insight`, name);
      expect(live.length, name).toBeGreaterThan(0);
      expect(await dump(`${world.namespace}_insight_replay`, name), name).toEqual(live);
    }
  });
});
