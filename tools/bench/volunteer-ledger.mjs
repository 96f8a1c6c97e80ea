#!/usr/bin/env node
// Volunteer ledger bench: the hours ledger at a million entries on a throwaway stack (or MONGODB_URI + KAFKA_BROKERS).
// The entries and their counters are grown in bulk straight into the store (the counters computed by the service's
// own arithmetic), then the running service answers:
//   - one volunteer's balance: the counter's point read, and the full statement over HTTP (target ≤ 5 ms)
//   - a centre's monthly report over HTTP (target ≤ 300 ms)
//   - an activity of 500 ending together: 500 kiosk check-outs (each sent twice) within a minute, approved, and
//     credited once each, through the outbox and the hours consumer
//   - the reconciliation over everything
// Prints the figures and `uptime` (the machine is shared); asserts nothing.
//
// Settings (environment): BENCH_LEDGER_ENTRIES (1000000), BENCH_LEDGER_VOLUNTEERS (5000), BENCH_LEDGER_CHECKOUTS
// (500), BENCH_LEDGER_READS (200), BENCH_SKIP_BUILD=1 to use dist/server as it is.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';
import { ensureSystemPackages, freePort } from '../stack/stack.mjs';
import { fmt, sleep, summarize, table } from './lib.mjs';
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
  entries: num('BENCH_LEDGER_ENTRIES', 1_000_000),
  volunteers: num('BENCH_LEDGER_VOLUNTEERS', 5000),
  checkouts: num('BENCH_LEDGER_CHECKOUTS', 500),
  reads: num('BENCH_LEDGER_READS', 200),
});
const CENTRES = Array.from({ length: 40 }, (_, i) => `sz/futian/bench/c-${String(i).padStart(3, '0')}`);
const BATCH = 1000;
const MONTH = '2026-03';

const session = new Session('volunteer-ledger');
/** @param {string} line */
const step = (line) => session.step(line);
/** @param {string} file @returns {any} */
const load = (file) => createRequire(import.meta.url)(path.join(DIST, file));
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

/** The bench's entry `n`: volunteers served at their centre, spread over 2026's months. */
/** @param {number} n */
function entryOf(n) {
  const v = n % CONFIG.volunteers;
  const month = String((Math.floor(n / CONFIG.volunteers) % 12) + 1).padStart(2, '0');
  return {
    _id: `bench:${n}`,
    volunteerId: `bv-${v}`,
    kind: n % 10 === 0 ? 'honour' : 'credit',
    minutes: 15 * (1 + (n % 16)),
    source: n % 10 === 0 ? 'honour' : 'attendance',
    sourceRef: `ba-${n}`,
    activityId: `ba-${Math.floor(n / 50)}`,
    activityTitle: '社区志愿服务',
    category: 'service',
    centreId: CENTRES[v % CENTRES.length],
    teamId: `bt-${v % 200}`,
    projectId: null,
    servedOn: `2026-${month}-15`,
    approvedBy: 'bench',
    reason: null,
    reverses: null,
    at: new Date('2026-06-01T00:00:00Z'),
  };
}

/** @param {import('mongodb').Db} db */
async function grow(db) {
  const { addToSums, balanceKeys } = load('apps/volunteer/src/ledger/ledger.js');
  /** @type {import('mongodb').Collection<any>} */
  const entries = db.collection('ledger_entries');
  const sums = new Map();
  const reports = new Map();
  const t0 = performance.now();
  for (let start = 0; start < CONFIG.entries; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, CONFIG.entries - start) }, (_, i) =>
      entryOf(start + i),
    );
    await entries.insertMany(batch, { ordered: false });
    for (const entry of batch) {
      addToSums(sums, entry);
      for (const key of balanceKeys(entry)) if (key.report) reports.set(key.id, key.report);
    }
    if ((start / BATCH) % 100 === 0) step(`grown ${fmt(start + batch.length)} entries`);
    session.checkAbort();
  }
  const counters = [...sums].map(([_id, sum]) => ({
    _id,
    ...sum,
    ...(reports.has(_id) && { report: reports.get(_id) }),
  }));
  /** @type {import('mongodb').Collection<any>} */
  const balances = db.collection('balances');
  for (let start = 0; start < counters.length; start += BATCH)
    await balances.insertMany(counters.slice(start, start + BATCH), { ordered: false });
  await balances.createIndex({ report: 1 });
  await entries.createIndex({ volunteerId: 1 });
  return { seconds: (performance.now() - t0) / 1000, counters: counters.length };
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

/**
 * @param {string} url
 * @param {{ method?: string, headers?: Record<string, string>, body?: unknown }} [options]
 * @returns {Promise<any>}
 */
async function call(url, { method = 'GET', headers = {}, body } = {}) {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

async function main() {
  await ensureSystemPackages(); // the service loads its certificate font at start
  const before = uptime();
  step(`uptime before: ${before}`);
  const workDir = session.workDir();
  const logDir = path.join(workDir, 'logs');
  fs.mkdirSync(logDir);
  const [stack] = await Promise.all([
    bringUpStack(session, workDir),
    skipServerBuild() ? Promise.resolve() : buildServer(session),
  ]);
  const dbName = `bench_volunteer_${Date.now().toString(36)}`;
  const client = new MongoClient(stack.mongoUri, { maxPoolSize: 8 });
  session.onTeardown('drop the bench database', async () => {
    await client.db(dbName).dropDatabase();
    await client.close();
  });
  const db = client.db(dbName);
  step(`growing ${fmt(CONFIG.entries)} ledger entries for ${fmt(CONFIG.volunteers)} volunteers in bulk…`);
  const grown = await grow(db);
  step(`grown in ${fmt(grown.seconds, ' s')}: ${fmt(grown.counters)} counters`);

  const { generateDevKeyPair, TokenIssuer } = load('libs/auth/src/index.js');
  const { generateKey } = load('libs/pii/src/index.js');
  const keys = await generateDevKeyPair();
  const issuer = await TokenIssuer.create({ jwk: keys.privateJwk });
  /** @param {Record<string, unknown>} principal */
  const bearer = async (principal) => ({
    authorization: `Bearer ${(await issuer.issue({ sessionId: 'bench', ...principal }, { ttlSeconds: 3600 })).token}`,
  });
  /** @param {string} role @param {string} scope */
  const staff = (role, scope) => bearer({ sub: `bench-${role}`, kind: 'staff', roles: [{ role, scope }] });
  /** @param {string} id */
  const resident = async (id) => ({
    ...(await bearer({
      sub: id,
      kind: 'resident',
      roles: [{ role: 'resident', scope: 'sz' }],
      kioskSession: `k-${id}`,
    })),
    'x-kiosk-session': `k-${id}`,
  });

  const app = startApp(session, 'volunteer', {
    port: await freePort(),
    logDir,
    env: {
      MONGODB_URI: stack.mongoUri,
      MONGODB_DB: dbName,
      KAFKA_BROKERS: stack.kafkaBrokers,
      KAFKA_NAMESPACE: dbName.replaceAll('_', '-'),
      AUTH_PUBLIC_KEYS: keys.settings.AUTH_PUBLIC_KEYS,
      VOLUNTEER_SIGNING_KEY: `vs1:${generateKey()}`,
      VOLUNTEER_PII_KEYS: `vp1:${generateKey()}`,
      // the bench runs the reconciliation itself
      RECONCILE_SECONDS: String(24 * 3600),
    },
  });
  session.onTeardown('stop the volunteer service', () => app.stop(), 15_000);
  await waitHealthy(session, app);
  /** @param {string} p */
  const url = (p) => `${app.url}${p}`;
  const centre = CENTRES[0];
  const admin = await staff('centre_admin', 'sz/futian/bench');
  const city = await staff('city_admin', 'sz');

  // 1. one volunteer's balance
  /** @type {import('mongodb').Collection<any>} */
  const balances = db.collection('balances');
  const pointRead = await timed(CONFIG.reads, (i) =>
    balances.findOne({ _id: `v|bv-${(i * 7919 + 11) % CONFIG.volunteers}` }),
  );
  await call(url('/volunteers/me'), {
    method: 'POST',
    headers: await resident('bv-1'),
    body: { name: '测试', centreId: centre },
  });
  const statement = await timed(Math.min(CONFIG.reads, 100), () =>
    call(url('/hours/volunteers/bv-1'), { headers: admin }),
  );
  // 2. a centre's monthly report
  const report = await timed(Math.min(CONFIG.reads, 100), (i) =>
    call(url(`/hours/centre-report?centreId=${CENTRES[Math.abs(i) % CENTRES.length]}&month=${MONTH}`), {
      headers: admin,
    }),
  );
  const sampleReport = await call(url(`/hours/centre-report?centreId=${centre}&month=${MONTH}`), {
    headers: admin,
  });

  // 3. an activity of 500 ending together
  step(`registering ${CONFIG.checkouts} volunteers and checking them in…`);
  const now = Date.now();
  const activity = await call(url('/activities'), {
    method: 'POST',
    headers: admin,
    body: {
      title: '社区大扫除',
      centreId: centre,
      organiserName: '基准测试中心',
      place: '广场',
      startsAt: new Date(now - 3 * 3600_000).toISOString(),
      endsAt: new Date(now + 600_000).toISOString(),
      capacity: CONFIG.checkouts,
    },
  });
  const monthKey = `c|${centre}|${new Date(now).toISOString().slice(0, 7)}`;
  const minutesBefore = (await balances.findOne({ _id: monthKey }))?.creditMinutes ?? 0;
  const people = [];
  for (let i = 0; i < CONFIG.checkouts; i++) {
    const id = `bc-${i}`;
    const headers = await resident(id);
    await call(url('/volunteers/me'), {
      method: 'POST',
      headers,
      body: { name: '志愿者', centreId: centre },
    });
    await call(url(`/activities/${activity.activityId}/signups`), { method: 'POST', headers });
    await call(url(`/activities/${activity.activityId}/attendance/${id}`), {
      method: 'POST',
      headers: admin,
      body: { step: 'check_in', at: new Date(now - 3 * 3600_000).toISOString() },
    });
    people.push(headers);
    session.checkAbort();
  }
  step(`${CONFIG.checkouts} check-outs, each sent twice at once, 10 volunteers at a time…`);
  const tOut = performance.now();
  /** @type {number[]} */
  const outLatency = [];
  for (let i = 0; i < people.length; i += 10) {
    await Promise.all(
      people.slice(i, i + 10).flatMap((headers) =>
        [0, 1].map(async () => {
          const t0 = performance.now();
          await call(url('/attendance/check-out'), {
            method: 'POST',
            headers,
            body: { code: activity.code },
          });
          outLatency.push(performance.now() - t0);
        }),
      ),
    );
  }
  const checkoutSeconds = (performance.now() - tOut) / 1000;
  const tApprove = performance.now();
  const approval = await call(url(`/activities/${activity.activityId}/approve`), {
    method: 'POST',
    headers: admin,
    body: {},
  });
  const approveSeconds = (performance.now() - tApprove) / 1000;
  const entries = await db.collection('ledger_entries').find({ activityId: activity.activityId }).toArray();
  const creditedMinutes = entries.reduce((sum, e) => sum + e.minutes, 0);
  // credited once each: the centre's month grows by exactly the entries' minutes, however often a check-out came
  let counted = 0;
  const tPost = performance.now();
  while (performance.now() - tPost < 120_000) {
    counted = ((await balances.findOne({ _id: monthKey }))?.creditMinutes ?? 0) - minutesBefore;
    if (counted >= creditedMinutes) break;
    await sleep(250);
  }
  const postSeconds = (performance.now() - tPost) / 1000;

  // 4. the reconciliation over everything
  const tRec = performance.now();
  const reconciliation = await call(url('/hours/reconciliations'), { method: 'POST', headers: city });
  const reconcileSeconds = (performance.now() - tRec) / 1000;

  const after = uptime();
  const rows = [
    ['measure', 'p50 ms', 'p99 ms', 'max ms', 'target'],
    [
      'balance: counter point read (store)',
      fmt(pointRead.p50),
      fmt(pointRead.p99),
      fmt(pointRead.max),
      '≤ 5 ms',
    ],
    [
      'statement: GET /hours/volunteers/:id',
      fmt(statement.p50),
      fmt(statement.p99),
      fmt(statement.max),
      '(200 entries)',
    ],
    ['centre month: GET /hours/centre-report', fmt(report.p50), fmt(report.p99), fmt(report.max), '≤ 300 ms'],
    [
      'kiosk check-out (each sent twice)',
      ...Object.values(summarize(outLatency))
        .slice(1, 4)
        .map((v) => fmt(v)),
      '',
    ],
  ];
  console.log(table(rows));
  console.log(
    [
      `entries: ${fmt(CONFIG.entries)} grown in ${fmt(grown.seconds, ' s')}; counters ${fmt(grown.counters)}; report rows for ${centre} ${MONTH}: ${sampleReport.volunteers.length}`,
      `check-outs: ${CONFIG.checkouts} (×2 sent) in ${fmt(checkoutSeconds, ' s')}; approved ${approval.approved} in ${fmt(approveSeconds, ' s')}; entries ${entries.length} of ${fmt(creditedMinutes)} min; the centre's month grew by ${fmt(counted)} min within ${fmt(postSeconds, ' s')} of the approval`,
      `reconciliation over ${fmt(reconciliation.entries)} entries / ${fmt(reconciliation.counters)} counters: ${reconciliation.ok ? 'ok' : `${reconciliation.mismatches.length} mismatches`} in ${fmt(reconcileSeconds, ' s')}`,
      `uptime before: ${before}`,
      `uptime after:  ${after}`,
    ].join('\n'),
  );
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(
    path.join(RESULTS_DIR, `volunteer-ledger-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify(
      {
        config: CONFIG,
        grown,
        pointRead,
        statement,
        report,
        checkoutSeconds,
        approval,
        entries: entries.length,
        creditedMinutes,
        counted,
        postSeconds,
        reconciliation: { ...reconciliation, seconds: reconcileSeconds },
        uptime: { before, after },
      },
      null,
      2,
    ),
  );
}

export const runVolunteerLedgerBench = () => session.run(main);

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  runMain(session, main);
