import { waitFor } from '@psc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';
import {
  planNodes,
  type PlanNode,
  pushedKeys,
  statementsDuring,
  storePostgres,
  withParams,
} from './postgres';

const CENTRE = 'sz/futian/xiangmihu/c-001';
const GROWN = 20_000;
const CENTRES = 10;
/** one case in fifty still being handled: the most a read may return is the city's live cases, 2 % of them */
const LIVE_EVERY = 50;
const DAY_MS = 86_400_000;

/** `<centre>|<Monday of the Shanghai week>`, the key affairs files a case's intake under (case-keys.ts). */
const centreWeek = (centreId: string, at: Date) => {
  const day = new Date(at.getTime() + 8 * 3600_000);
  day.setUTCHours(0, 0, 0, 0);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return `${centreId}|${day.toISOString().slice(0, 10)}`;
};

// FerretDB serves only equality on an indexed field from an index (tools/stack/README.md, "Point reads that stay
// fast"); a centre's list sorted in FerretDB or the city's running cases by `state $in` read every case ever stored.
// With a year's worth stored, every statement the services send while the workbench, the kiosk and the watches
// work must select by a key a GIN twin covers, and on the grown collection PostgreSQL must plan it on an index.
describe('the hot paths on a store in use', () => {
  const world = new SystemWorld(inject('stack'));
  const code = world.nextCode();
  const headers: Record<string, Record<string, string>> = {};
  const api = (path: string) => `${world.apps.gateway!.url}/api${path}`;
  const get = (who: string, path: string) => fetch(api(path), { headers: headers[who] });
  const materials = ['居民身份证'].map((name) => ({ name, provided: true }));
  const open = (key: string) =>
    fetch(api('/affairs/cases'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key, ...headers.counter },
      body: JSON.stringify({
        centreId: CENTRE,
        itemCode: code,
        residentId: 'resident-1',
        idTail: '12345X',
        materials,
      }),
    });

  beforeAll(async () => {
    await world.startAll(['catalogue', 'insight', 'affairs']);
    headers.counter = { authorization: `Bearer ${await world.tokenFor('counter_staff', CENTRE)}` };
    headers.resident = await world.residentHeaders('resident-1');
    const admin = { 'content-type': 'application/json', ...world.adminHeaders };
    const item = {
      code,
      name: '老年人优待证办理',
      theme: 'elderly-care',
      summary: '为本市 60 周岁以上老年人办理优待证。',
      department: '区民政局',
      legalBasis: ['《老年人权益保障法》'],
      conditions: ['年满 60 周岁'],
      materials: [{ name: '居民身份证', form: 'original', copies: 1, deferrable: false }],
      legalDays: 10,
      promisedDays: 5,
      visits: 1,
      delivery: ['window'],
    };
    expect(
      (await fetch(api('/catalogue/items'), { method: 'POST', headers: admin, body: JSON.stringify(item) }))
        .status,
    ).toBe(201);
    expect(
      (await fetch(api(`/catalogue/items/${code}/publish`), { method: 'POST', headers: admin })).status,
    ).toBe(201);
    await waitFor(async () => (await open(`hot-${process.pid}-first`)).status === 201, {
      what: 'affairs to know the published item',
    });
  });
  afterAll(() => world.dispose());

  it('asks the store only by indexed keys, each a small share of 20,000 cases that PostgreSQL finds by an index', async (ctx) => {
    const stack = inject('stack');
    const pg = await storePostgres(stack);
    if (!pg) return ctx.skip(); // external servers (MONGODB_URI): their PostgreSQL is not known here
    const cases = world.db('affairs').collection<Record<string, unknown> & { _id: string }>('cases');
    const template = await waitFor(() => cases.findOne({ _outboxPending: { $exists: false } }), {
      what: 'the first case relayed',
    });
    const now = Date.now();
    // a year of intake at ten centres: nearly all finished, one in fifty still being handled (and alerted already)
    for (let n = 0; n < GROWN; n += 1000) {
      await cases.insertMany(
        Array.from({ length: 1000 }, (_, k) => {
          const i = n + k;
          const centreId = i % CENTRES === 0 ? CENTRE : `sz/grown/c-${i % CENTRES}`;
          const openedAt = new Date(now - (i % 365) * DAY_MS - 3600_000);
          const live = Math.floor(i / CENTRES) % LIVE_EVERY === 0;
          return {
            ...template,
            _id: `G${String(i).padStart(6, '0')}`,
            idempotencyKey: `grown-${i}`,
            centreId,
            residentId: `grown-resident-${i % 5000}`,
            openedAt,
            acceptedAt: openedAt,
            state: live ? 'assigned' : 'rated',
            slaAlerted: 'overdue',
            live,
            centreWeek: centreWeek(centreId, openedAt),
          };
        }),
      );
    }
    const table = await pg.tableOf(world.db('affairs').databaseName, 'cases');
    await pg.query(`ANALYZE ${table}`);
    const lateAt = new Date(now - 30 * DAY_MS);

    const statements = await statementsDuring(stack, async () => {
      for (const path of [
        `/affairs/cases?centreId=${encodeURIComponent(CENTRE)}`,
        `/affairs/cases?centreId=${encodeURIComponent(CENTRE)}&state=rated`,
        `/affairs/cases?centreId=${encodeURIComponent(CENTRE)}&state=assigned`,
        `/affairs/cases?centreId=${encodeURIComponent(CENTRE)}&sla=overdue`,
        `/affairs/cases/alerts?centreId=${encodeURIComponent(CENTRE)}`,
        `/affairs/cases/G000040`,
        `/insight/affairs/one-trip?centreId=${encodeURIComponent(CENTRE)}`,
      ])
        expect((await get('counter', path)).status, path).toBe(200);
      expect((await get('resident', '/affairs/cases/mine')).status).toBe(200);
      expect((await open(`hot-${process.pid}-second`)).status).toBe(201);
      // a case that passed its day unnoticed: the SLA sweep alerting it shows the sweep ran over the grown store
      await cases.insertOne({
        ...template,
        _id: 'G-late',
        idempotencyKey: 'grown-late',
        state: 'accepted',
        openedAt: lateAt,
        acceptedAt: lateAt,
        slaAlerted: null,
        live: true,
        centreWeek: centreWeek(CENTRE, lateAt),
      });
      await waitFor(async () => (await cases.findOne({ _id: 'G-late' }))?.slaAlerted === 'overdue', {
        what: 'the SLA sweep to alert the late case',
        timeoutMs: 60_000, // a sweep that reads every case takes seconds each: let it fail on what it read
      });
    });
    if (!statements) return ctx.skip();

    // the GIN twins of this world's tables: the keys PostgreSQL can serve `@>` on from an index
    const twins = new Map<string, Set<string>>();
    for (const line of (
      await pg.query(
        `SELECT schemaname || '.' || tablename, indexdef FROM pg_indexes
          WHERE schemaname LIKE ${pg.literal(`${world.namespace}\\_%`)} AND indexname LIKE '%\\_psc\\_gin'`,
      )
    ).split('\n')) {
      const [where, definition] = line.split('|');
      const key = /\(_jsonb (?:->|#>) '([^']*)'/.exec(definition)?.[1];
      if (key) twins.set(where, new Set([...(twins.get(where) ?? []), key]));
    }
    const reads = statements.flatMap((s) => {
      const target = /^SELECT\s.*\sFROM "([^"]+)"\."([^"]+)"/.exec(s.sql);
      if (!target || !target[1].startsWith(`${world.namespace}_`) || target[2].startsWith('_ferretdb'))
        return [];
      return [{ ...s, table: `${target[1]}.${target[2]}`, keys: pushedKeys(s) }];
    });
    expect(reads.length).toBeGreaterThan(10);
    const unserved = reads.filter((r) => !r.keys.some((k) => twins.get(r.table)?.has(k)));
    expect(unserved.map((r) => `${r.table} [${r.keys.join(', ')}]`)).toEqual([]);

    const grown = reads.filter((r) => r.table === table.replaceAll('"', ''));
    // the sweep's own read: every live case of the city, by the flag alone
    expect(grown.some((r) => r.keys.length === 1 && r.keys[0] === 'live')).toBe(true);
    // and each is planned on an index and returns no more than the city's live cases; one centre's history, a
    // tenth of the store, would be five times that
    for (const sql of new Set(grown.map(withParams))) {
      const [{ Plan: plan }] = JSON.parse(await pg.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`)) as {
        Plan: PlanNode & { 'Actual Rows': number };
      }[];
      expect(
        planNodes(plan).map((n) => n['Node Type']),
        sql,
      ).not.toContain('Seq Scan');
      expect(plan['Actual Rows'], sql).toBeLessThanOrEqual(GROWN / LIVE_EVERY + 10);
    }
  });
});
