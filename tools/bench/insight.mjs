#!/usr/bin/env node
// Insight bench: a year of dashboard read models on a throwaway stack (or MONGODB_URI + KAFKA_BROKERS), then
//   - the district dashboard over HTTP, answered from the counters (target ≤ 100 ms), and the hall screen
//   - replay throughput: synthetic events published to the topics, read from offset 0 by a fresh consumer group
//     into a fresh database, in events/s
// Prints the figures and `uptime` (the machine is shared); asserts nothing.
//
// The year is grown in bulk: cases, tickets and ledger entries go through insight's own fact and counter functions
// (the built apps/insight/src/dashboard/*.js) and the summed documents are inserted with insertMany. Fed one event at
// a time through the consumer, 300,000 cases (~1.5 million events) and a million ledger entries would take hours on
// this 2-core machine (the replay figure below says how many); the documents are the consumer's own, so the read
// path is measured on the real shape and size. The memos (insight_memos) are not grown: no read touches them.
//
// Settings (environment): BENCH_INSIGHT_CASES (300000), BENCH_INSIGHT_ENTRIES (1000000), BENCH_INSIGHT_VOLUNTEERS
// (5000), BENCH_INSIGHT_REPLAY (20000 events), BENCH_INSIGHT_READS (50), BENCH_SKIP_BUILD=1 to use dist/server.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import kafkajs from 'kafkajs';
import { MongoClient } from 'mongodb';
import { freePort } from '../stack/stack.mjs';
import { fmt, now, sleep, summarize, table } from './lib.mjs';
import {
  bringUpStack,
  buildServer,
  DIST,
  num,
  RESULTS_DIR,
  runMain,
  Session,
  skipServerBuild,
  startApp,
  waitHealthy,
} from './system.mjs';

const CONFIG = Object.freeze({
  cases: num('BENCH_INSIGHT_CASES', 300_000),
  entries: num('BENCH_INSIGHT_ENTRIES', 1_000_000),
  volunteers: num('BENCH_INSIGHT_VOLUNTEERS', 5000),
  replay: num('BENCH_INSIGHT_REPLAY', 20_000),
  reads: num('BENCH_INSIGHT_READS', 50),
});
// 4 districts × 6 streets × 5 centres
const DISTRICTS = Array.from({ length: 4 }, (_, d) => `sz/d${d}`);
const CENTRES = DISTRICTS.flatMap((d) =>
  Array.from({ length: 30 }, (_, i) => `${d}/s${Math.floor(i / 5)}/c-${String(i % 5).padStart(3, '0')}`),
);
const ITEMS = Array.from({ length: 20 }, (_, i) => `BENCH-${String(i).padStart(3, '0')}`);
const YEAR_MS = Date.parse('2026-01-01T00:00:00+08:00');
const DAY_MS = 86_400_000;
const BATCH = 500;
const GRAINS = /** @type {const} */ (['day', 'week', 'month']);

const session = new Session('insight');
/** @param {string} line */
const step = (line) => session.step(line);
/** @param {string} file @returns {any} */
const load = (file) => createRequire(import.meta.url)(path.join(DIST, file));
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
/** @param {number} ms */
const iso = (ms) => new Date(ms).toISOString();

/** Summed counter documents by id, as the consumer's `$inc`s would leave them; flushed in bulk. */
class Docs {
  /** @param {import('mongodb').Collection<any>} collection */
  constructor(collection) {
    this.collection = collection;
    /** @type {Map<string, any>} */
    this.docs = new Map();
    this.inserted = 0;
  }

  /** @param {{ id: string, update: { $inc: Record<string, number>, $set: Record<string, string> } }[]} writes */
  apply(writes) {
    for (const { id, update } of writes) {
      let doc = this.docs.get(id);
      if (!doc) this.docs.set(id, (doc = { _id: id, ...update.$set }));
      for (const [field, by] of Object.entries(update.$inc)) {
        const keys = field.split('.');
        let at = doc;
        for (const key of keys.slice(0, -1)) at = at[key] ??= {};
        const last = /** @type {string} */ (keys.at(-1));
        at[last] = (at[last] ?? 0) + by;
      }
    }
  }

  /** @param {(doc: any) => boolean} [which] the documents that are complete (a past month's days) */
  async flush(which = () => true) {
    const done = [...this.docs.values()].filter(which);
    for (let i = 0; i < done.length; i += BATCH)
      await this.collection.insertMany(done.slice(i, i + BATCH), { ordered: false });
    for (const doc of done) this.docs.delete(doc._id);
    this.inserted += done.length;
  }
}

/**
 * Case `n` of the year: opened and accepted at its centre, completed two days on, delivered, rated 3 in 5; a
 * ticket issued before it and called 5–35 minutes later.
 * @param {number} n
 */
function caseOf(n) {
  const day = Math.floor((n / CONFIG.cases) * 365);
  const openedMs = YEAR_MS + day * DAY_MS + (9 * 60 + (n % 420)) * 60_000;
  const centreId = CENTRES[(n * 7919) % CENTRES.length];
  const itemCode = ITEMS[n % ITEMS.length];
  const due = iso(openedMs + 5 * DAY_MS).slice(0, 10);
  return {
    n,
    centreId,
    itemCode,
    openedMs,
    due,
    trips: n % 9 === 0 ? 2 : 1,
    rating: n % 5 < 3 ? 1 + (n % 5) + 2 : null,
  };
}

/** @param {import('mongodb').Db} db */
async function growAffairs(db) {
  const facts = load('apps/insight/src/dashboard/affairs-facts.js');
  const { counterWrites } = load('apps/insight/src/dashboard/counters.js');
  const docs = new Docs(db.collection('affairs_counters'));
  const t0 = performance.now();
  let month = '2026-01';
  for (let n = 0; n < CONFIG.cases; n++) {
    const c = caseOf(n);
    const base = {
      caseNo: `B${n}`,
      centreId: c.centreId,
      itemCode: c.itemCode,
      itemVersion: 1,
      trips: c.trips,
    };
    const done = iso(c.openedMs + 2 * DAY_MS);
    /** @param {string} to @param {string} at @param {Record<string, unknown>} [extra] */
    const move = (to, at, extra = {}) =>
      facts.caseTransitioned(
        { ...base, to, at, due: c.due, rating: null, ...extra },
        to === 'completed' ? new Date(c.openedMs) : null,
      );
    const issued = c.openedMs - 10 * 60_000;
    const list = [
      ...facts.caseOpened({ ...base, state: 'accepted', openedAt: iso(c.openedMs) }),
      ...move('completed', done),
      ...move('delivered', done),
      ...(c.rating ? move('rated', done, { rating: c.rating }) : []),
      ...facts.ticketIssued({ centreId: c.centreId, issuedAt: iso(issued) }),
      ...facts.ticketCalled(
        { centreId: c.centreId, recall: false, calledAt: iso(issued + (5 + (n % 31)) * 60_000) },
        new Date(issued),
      ),
    ];
    for (const fact of list) docs.apply(counterWrites(fact));
    const current = iso(c.openedMs).slice(0, 7);
    if (current !== month) {
      // a past month's day documents are complete: insert them and keep memory to a month
      const past = month;
      await docs.flush((d) => d.grain === 'day' && d.period.startsWith(past));
      month = current;
      step(`affairs: ${fmt(n)} cases, ${fmt(docs.inserted)} documents inserted`);
      session.checkAbort();
    }
  }
  await docs.flush();
  return { seconds: (performance.now() - t0) / 1000, documents: docs.inserted };
}

/** @param {import('mongodb').Db} db */
async function growVolunteer(db) {
  const facts = load('apps/insight/src/dashboard/volunteer-facts.js');
  const { counterWrites } = load('apps/insight/src/dashboard/counters.js');
  const { placesOf, periodsOfInstant } = load('apps/insight/src/dashboard/periods.js');
  const docs = new Docs(db.collection('volunteer_counters'));
  /** @type {Map<string, string[]>} the places a volunteer was counted active at, per grain and period */
  const seen = new Map();
  const t0 = performance.now();
  let month = '2026-01';
  for (let n = 0; n < CONFIG.entries; n++) {
    const v = n % CONFIG.volunteers;
    const servedOn = iso(YEAR_MS + Math.floor((n / CONFIG.entries) * 365) * DAY_MS + 12 * 3_600_000).slice(
      0,
      10,
    );
    const centreId = CENTRES[(v + (n % 3 === 0 ? 1 : 0)) % CENTRES.length];
    const kind = n % 10 === 0 ? 'honour' : 'credit';
    for (const fact of facts.hours({ kind, minutes: 15 * (1 + (n % 16)), centreId, servedOn }))
      docs.apply(counterWrites(fact));
    if (kind === 'credit') {
      const at = facts.onDay(servedOn);
      const { periods } = periodsOfInstant(at);
      const keys = GRAINS.map((g) => `${v}|${g}|${periods[g]}`);
      const before = {
        day: seen.get(keys[0]) ?? [],
        week: seen.get(keys[1]) ?? [],
        month: seen.get(keys[2]) ?? [],
      };
      docs.apply(facts.activeWrites(centreId, at, before));
      const places = placesOf(centreId);
      GRAINS.forEach((g, i) => seen.set(keys[i], [...new Set([...before[g], ...places])]));
    }
    if (servedOn.slice(0, 7) !== month) {
      const past = month;
      await docs.flush((d) => d.grain === 'day' && d.period.startsWith(past));
      for (const key of seen.keys()) if (key.includes(`|day|${past}`)) seen.delete(key);
      month = servedOn.slice(0, 7);
      step(`volunteer: ${fmt(n)} ledger entries, ${fmt(docs.inserted)} documents inserted`);
      session.checkAbort();
    }
  }
  await docs.flush();
  return { seconds: (performance.now() - t0) / 1000, documents: docs.inserted };
}

/** @param {number} times @param {(i: number) => Promise<unknown>} run */
async function timed(times, run) {
  const latencies = [];
  for (let i = -5; i < times; i++) {
    const t0 = performance.now();
    await run(i);
    if (i >= 0) latencies.push(performance.now() - t0);
  }
  return summarize(latencies);
}

/** @param {string} url @param {Record<string, string>} [headers] @returns {Promise<any>} */
async function get(url, headers = {}) {
  const response = await fetch(url, { headers });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`GET ${url}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/**
 * `count` synthetic events of every source the consumers count, a quarter each: cases opened, tickets issued,
 * ledger entries, room bookings.
 * @param {number} count
 */
function replayEvents(count) {
  const { buildEvent } = load('libs/contracts/src/index.js');
  return Array.from({ length: count }, (_, n) => {
    const centreId = CENTRES[n % CENTRES.length];
    const at = iso(YEAR_MS + (n % 365) * DAY_MS + 3_600_000);
    switch (n % 4) {
      case 0:
        return buildEvent(
          'affairs.case.opened',
          `R${n}`,
          {
            caseNo: `R${n}`,
            centreId,
            itemCode: ITEMS[n % ITEMS.length],
            itemVersion: 1,
            trips: 1,
            itemName: '基准事项',
            state: 'accepted',
            openedAt: at,
            openedBy: 'bench',
            missing: [],
            deferred: [],
            promiseDue: null,
            due: null,
          },
          'affairs',
        );
      case 1:
        return buildEvent(
          'affairs.queue.ticket-issued',
          `T${n}`,
          { ticketId: `T${n}`, centreId, number: `A${n % 1000}`, queue: 'A', issuedAt: at },
          'affairs',
        );
      case 2:
        return buildEvent(
          'volunteer.hours.credited',
          `bv-${n % CONFIG.volunteers}`,
          {
            entryId: `RE${n}`,
            volunteerId: `bv-${n % CONFIG.volunteers}`,
            kind: 'credit',
            minutes: 60,
            source: 'attendance',
            sourceRef: 'bench',
            activityId: null,
            centreId,
            teamId: null,
            projectId: null,
            servedOn: at.slice(0, 10),
            approvedBy: 'bench',
            reason: null,
            reverses: null,
            at,
          },
          'volunteer',
        );
      default:
        return buildEvent(
          'catalogue.room.booked',
          `RB${n}`,
          {
            bookingId: `RB${n}`,
            roomRef: 'r',
            centreId,
            roomId: 'room-1',
            date: at.slice(0, 10),
            start: '09:00',
            end: '10:00',
            party: 'personal',
            groupName: null,
            attendees: 2,
            at,
          },
          'catalogue',
        );
    }
  });
}

async function main() {
  const before = uptime();
  step(`uptime before: ${before}`);
  const workDir = session.workDir();
  const logDir = path.join(workDir, 'logs');
  fs.mkdirSync(logDir);
  const [stack] = await Promise.all([
    bringUpStack(session, workDir),
    skipServerBuild() ? Promise.resolve() : buildServer(session),
  ]);
  const dbName = `bench_insight_${Date.now().toString(36)}`;
  const namespace = dbName.replaceAll('_', '-');
  const client = new MongoClient(stack.mongoUri, { maxPoolSize: 8 });
  session.onTeardown('drop the bench databases', async () => {
    await client.db(dbName).dropDatabase();
    await client.db(`${dbName}_replay`).dropDatabase();
    await client.close();
  });
  const db = client.db(dbName);
  step(`growing a year: ${fmt(CONFIG.cases)} cases over ${CENTRES.length} centres…`);
  const affairs = await growAffairs(db);
  step(`grown in ${fmt(affairs.seconds, ' s')}: ${fmt(affairs.documents)} affairs counters`);
  step(`growing ${fmt(CONFIG.entries)} ledger entries of ${fmt(CONFIG.volunteers)} volunteers…`);
  const volunteer = await growVolunteer(db);
  step(`grown in ${fmt(volunteer.seconds, ' s')}: ${fmt(volunteer.documents)} volunteer counters`);

  const { generateDevKeyPair, TokenIssuer } = load('libs/auth/src/index.js');
  const keys = await generateDevKeyPair();
  const issuer = await TokenIssuer.create({ jwk: keys.privateJwk });
  const token = await issuer.issue(
    { sessionId: 'bench', sub: 'bench-city', kind: 'staff', roles: [{ role: 'city_admin', scope: 'sz' }] },
    { ttlSeconds: 3600 },
  );
  const headers = { authorization: `Bearer ${token.token}` };
  /** @param {string} group @param {string} database */
  const insight = async (group, database) => {
    const app = startApp(session, 'insight', {
      port: await freePort(),
      logDir,
      env: {
        MONGODB_URI: stack.mongoUri,
        MONGODB_DB: database,
        KAFKA_BROKERS: stack.kafkaBrokers,
        KAFKA_NAMESPACE: namespace,
        AUTH_PUBLIC_KEYS: keys.settings.AUTH_PUBLIC_KEYS,
        INSIGHT_CONSUMER_GROUP: group,
      },
    });
    session.onTeardown(`stop insight (${group})`, () => app.stop(), 15_000);
    const healthyAt = await waitHealthy(session, app);
    return { app, healthyAt };
  };

  // 1. the district's dashboard from a year of counters
  const { app: reader } = await insight('insight.dashboards', dbName);
  const district = DISTRICTS[0];
  const queries = [
    ['district, 92 days by day', `scope=${district}&from=2026-01-01&to=2026-04-02&grain=day`],
    ['district, the year by week', `scope=${district}&from=2026-01-01&to=2026-12-31&grain=week`],
    ['district, the year by month', `scope=${district}&from=2026-01-01&to=2026-12-31&grain=month`],
    ['city, the year by month', `scope=sz&from=2026-01-01&to=2026-12-31&grain=month`],
  ];
  /** @type {[string, ReturnType<typeof summarize>][]} */
  const reads = [];
  for (const [what, query] of queries)
    reads.push([what, await timed(CONFIG.reads, () => get(`${reader.url}/dashboard?${query}`, headers))]);
  const screen = await timed(CONFIG.reads, () => get(`${reader.url}/screen?centre=${CENTRES[0]}`));
  const sample = await get(`${reader.url}/dashboard?${queries[2][1]}`, headers);
  await reader.stop();

  // 2. replay: the events are on the topics first, then a fresh group reads them from offset 0
  step(`publishing ${fmt(CONFIG.replay)} synthetic events…`);
  const kafka = new kafkajs.Kafka({
    brokers: stack.kafkaBrokers.split(','),
    logLevel: kafkajs.logLevel.NOTHING,
  });
  const producer = kafka.producer();
  await producer.connect();
  const events = replayEvents(CONFIG.replay);
  const { EVENTS } = load('libs/contracts/src/index.js');
  /** @type {Map<string, { key: string, value: string }[]>} */
  const byTopic = new Map();
  for (const event of events) {
    const topic = `${namespace}.${EVENTS[event.type].topic}`;
    if (!byTopic.has(topic)) byTopic.set(topic, []);
    byTopic.get(topic)?.push({ key: event.key, value: JSON.stringify(event) });
  }
  for (const [topic, messages] of byTopic)
    for (let i = 0; i < messages.length; i += 1000)
      await producer.send({ topic, messages: messages.slice(i, i + 1000) });
  await producer.disconnect();
  const admin = kafka.admin();
  await admin.connect();
  session.onTeardown('disconnect the Kafka admin', () => admin.disconnect());
  const topics = [...byTopic.keys()];
  const ends = await Promise.all(
    topics.map(async (topic) => ({ topic, offsets: await admin.fetchTopicOffsets(topic) })),
  );
  const group = `${namespace}.insight.bench-replay`;
  const { healthyAt } = await insight('insight.bench-replay', `${dbName}_replay`);
  const caughtUp = async () => {
    const committed = await admin.fetchOffsets({ groupId: group, topics });
    return ends.every(({ topic, offsets }) =>
      offsets.every((end) => {
        const mine = committed
          .find((c) => c.topic === topic)
          ?.partitions.find((p) => p.partition === end.partition);
        return mine !== undefined && Number(mine.offset) >= Number(end.high);
      }),
    );
  };
  let replaySeconds = null;
  const tLimit = performance.now() + 15 * 60_000;
  while (performance.now() < tLimit) {
    if (await caughtUp()) {
      replaySeconds = (now() - healthyAt) / 1000;
      break;
    }
    await sleep(250);
    session.checkAbort();
  }

  const after = uptime();
  const rows = [
    ['measure', 'p50 ms', 'p99 ms', 'max ms', 'target'],
    ...reads.map(([what, s]) => [`GET /dashboard ${what}`, fmt(s.p50), fmt(s.p99), fmt(s.max), '≤ 100 ms']),
    ['GET /screen (a centre today)', fmt(screen.p50), fmt(screen.p99), fmt(screen.max), ''],
  ];
  console.log(table(rows));
  const eventsPerSecond = replaySeconds ? CONFIG.replay / replaySeconds : null;
  console.log(
    [
      `grown: ${fmt(CONFIG.cases)} cases → ${fmt(affairs.documents)} affairs counters in ${fmt(affairs.seconds, ' s')}; ${fmt(CONFIG.entries)} ledger entries → ${fmt(volunteer.documents)} volunteer counters in ${fmt(volunteer.seconds, ' s')}`,
      `sample: ${district} 2026 by month opened ${fmt(sample.affairs.tally.opened)}, one-trip ${fmt(sample.affairs.rates.oneTrip)}; credit hours ${fmt(sample.volunteer.rates.creditHours)}`,
      `replay: ${fmt(CONFIG.replay)} events from offset 0 into a fresh group and database: ${replaySeconds === null ? 'not caught up within 15 min' : `${fmt(replaySeconds, ' s')} from healthy, ${fmt(eventsPerSecond)} events/s`}`,
      `uptime before: ${before}`,
      `uptime after:  ${after}`,
    ].join('\n'),
  );
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(
    path.join(RESULTS_DIR, `insight-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify(
      {
        config: CONFIG,
        affairs,
        volunteer,
        reads,
        screen,
        replaySeconds,
        eventsPerSecond,
        uptime: { before, after },
      },
      null,
      2,
    ),
  );
}

export const runInsightBench = () => session.run(main);

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  runMain(session, main);
