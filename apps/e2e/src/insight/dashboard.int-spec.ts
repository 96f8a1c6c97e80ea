import { buildEvent, type DomainEvent } from '@psc/contracts';
import type { DashboardReport } from '@psc/contracts/insight';
import { type RunningApp, startApp, waitFor } from '@psc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { knownWeek } from '@psc/contracts/insight/testing';
import { SystemWorld } from '../world';

const READ_MODELS = [
  'affairs_counters',
  'insight_clocks',
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
      const topic = event.type.startsWith('catalogue.')
        ? 'catalogue.item.v1'
        : event.type.startsWith('affairs.queue.')
          ? 'affairs.queue.v1'
          : 'affairs.case.v1';
      await producer.send({
        topic: world.topic(topic),
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
  const WEEK = 'scope=sz/futian&from=2026-11-23&to=2026-11-29&grain=week';
  const ALL = 'scope=sz&from=2026-11-01&to=2026-12-31&grain=month';
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
        return seen.join() === '3,2,2,1,3,2,1,1,1';
      },
      { timeoutMs: 90_000, intervalMs: 500, what: 'the known week in the read models' },
    ).then(() => new Promise((resolve) => setTimeout(resolve, 1500)));

  beforeAll(async () => {
    await world.start('insight');
    headers = { authorization: `Bearer ${await world.tokenFor('city_admin', 'sz')}` };
  });
  afterAll(async () => {
    await replay?.stop();
    await world.dispose();
  });

  it('counts a known week exactly once, however often its events are delivered', async () => {
    const events = knownWeek();
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
