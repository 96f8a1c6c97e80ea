#!/usr/bin/env node
// Fault bench: a counter delivers cases through the gateway (open → complete → deliver, two a second, four at a time)
// while one part of the stack is SIGKILLed and started again 20 s later, for each of PostgreSQL, FerretDB and Kafka in
// turn. Prints per part: the counter's answers by status, cases lost, cases doubled, and the seconds from the part's
// return until each read model (insight's one-trip tally, identity's owed texts, the gateway's live feed) held every
// delivery acknowledged before it. Never asserts.
//
//   npm run bench:faults     (node tools/bench/run.mjs faults)
//
// Settings (environment): BENCH_CASES (60 per part), BENCH_PER_SECOND (2), BENCH_AT_ONCE (4), BENCH_DOWN_SECONDS (20),
// BENCH_KILL_AFTER_SECONDS (5), BENCH_PARTS (postgres,ferret,kafka), BENCH_SKIP_BUILD, BENCH_DIST. It needs a stack
// of its own to kill: MONGODB_URI + KAFKA_BROKERS are refused.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { freePort, startStack, stopStack } from '../stack/stack.mjs';
import { fmt, request, sleep, table } from './lib.mjs';
import {
  buildServer,
  DIST,
  KIOSK_CENTRE,
  machineLine,
  num,
  RESULTS_DIR,
  runMain,
  Session,
  skipServerBuild,
  startApp,
  startServices,
  waitHealthy,
} from './system.mjs';

const CONFIG = Object.freeze({
  cases: num('BENCH_CASES', 60),
  perSecond: num('BENCH_PER_SECOND', 2),
  atOnce: num('BENCH_AT_ONCE', 4),
  downSeconds: num('BENCH_DOWN_SECONDS', 20),
  killAfterSeconds: num('BENCH_KILL_AFTER_SECONDS', 5),
  parts: /** @type {Part[]} */ ((process.env.BENCH_PARTS || 'postgres,ferret,kafka').split(',')),
});
/** @typedef {'postgres' | 'ferret' | 'kafka'} Part */
const PART_NAMES = { postgres: 'PostgreSQL', ferret: 'FerretDB', kafka: 'Kafka' };
const ITEM = 'MZ-001';
// what the services send as Retry-After; the counter waits that long before it taps again
const RETRY_AFTER_MS = 2000;
const AWAY = [0, 502, 503, 504];

const session = new Session('faults');
/** @param {string} line */
const step = (line) => session.step(line);

/**
 * The counter: a keyed intake sent again with its key while the services are away; a step on a case tried again
 * only after reading the case back (it may have been taken), as the workbench and a clerk do.
 * @param {string} api
 * @param {Record<string, string>} headers
 * @param {{ name: string, provided: boolean }[]} materials
 */
function counter(api, headers, materials) {
  /** @type {Record<string, number>} */
  const answers = {};
  /** @param {string} method @param {string} pathname @param {unknown} [body] @param {string} [key] */
  const send = async (method, pathname, body, key) => {
    const res = await request(`${api}${pathname}`, {
      method,
      body,
      headers: { ...headers, ...(key && { 'idempotency-key': key }) },
    });
    const status = res.status === 0 ? 'network' : String(res.status);
    answers[status] = (answers[status] ?? 0) + 1;
    /** @type {any} */
    let parsed;
    try {
      parsed = JSON.parse(res.body);
    } catch {}
    return { status: res.status, body: parsed };
  };
  /** @param {() => ReturnType<typeof send>} attempt */
  const untilAnswered = async (attempt) => {
    for (;;) {
      const answer = await attempt();
      if (!AWAY.includes(answer.status)) return answer;
      await sleep(RETRY_AFTER_MS);
    }
  };
  /** @param {any} current @param {'complete' | 'deliver'} action @param {string} state */
  const act = async (current, action, state) => {
    for (;;) {
      const body = { action, revision: current.revision, ...(action === 'deliver' && { channel: 'onsite' }) };
      const answer = await send('POST', `/affairs/cases/${current.caseNo}/actions`, body);
      if (answer.status === 201 || answer.status === 200) return answer.body;
      if (!AWAY.includes(answer.status)) throw new Error(`${action} answered ${answer.status}`);
      await sleep(RETRY_AFTER_MS);
      current = (await untilAnswered(() => send('GET', `/affairs/cases/${current.caseNo}`))).body;
      if (current.state === state) return current;
    }
  };
  /** @param {string} residentId @param {string} key @returns {Promise<string>} the case number */
  const deliver = async (residentId, key) => {
    const intake = { centreId: KIOSK_CENTRE, itemCode: ITEM, residentId, idTail: '12345X', materials };
    const opened = await untilAnswered(() => send('POST', '/affairs/cases', intake, key));
    if (opened.status !== 201)
      throw new Error(`intake answered ${opened.status}: ${JSON.stringify(opened.body)}`);
    const completed = await act(opened.body, 'complete', 'completed');
    return (await act(completed, 'deliver', 'delivered')).caseNo;
  };
  return { answers, deliver, send };
}

/**
 * The cases the gateway's live feed announced as delivered (SSE, channel `case`), as a staff screen hears them.
 * @param {string} gateway @param {Record<string, string>} headers
 */
async function liveDeliveries(gateway, headers) {
  /** @type {Set<string>} */
  const delivered = new Set();
  const stop = new AbortController();
  session.onTeardown('close the live feed', () => stop.abort());
  const response = await fetch(`${gateway}/api/events/stream?channels=case`, {
    headers,
    signal: stop.signal,
  });
  if (!response.body) throw new Error(`live feed answered ${response.status}`);
  const body = response.body;
  void (async () => {
    const decoder = new TextDecoder();
    let pending = '';
    for await (const chunk of body) {
      pending += decoder.decode(chunk, { stream: true });
      const frames = pending.split('\n\n');
      pending = frames.pop() ?? '';
      for (const line of frames.flatMap((frame) => frame.split('\n'))) {
        if (!line.startsWith('data:')) continue;
        const event = JSON.parse(line.slice(5));
        if (event.type === 'affairs.case.transitioned' && event.data.to === 'delivered')
          delivered.add(event.key);
      }
    }
  })().catch(() => undefined);
  return delivered;
}

/**
 * Runs `work(i)` for i < count, one every `everyMs`, at most `atOnce` in flight.
 * @template T @param {number} count @param {number} everyMs @param {number} atOnce @param {(i: number) => Promise<T>} work
 */
async function paced(count, everyMs, atOnce, work) {
  /** @type {Promise<T>[]} */
  const all = [];
  let inFlight = 0;
  for (let i = 0; i < count; i++) {
    while (inFlight >= atOnce) await sleep(20);
    inFlight += 1;
    all.push(work(i).finally(() => (inFlight -= 1)));
    await sleep(everyMs);
  }
  return Promise.all(all);
}

async function faultsBench() {
  console.log(`fault bench — ${machineLine()}`);
  if (process.env.MONGODB_URI || process.env.KAFKA_BROKERS)
    throw new Error('the fault bench kills the parts of its own stack: unset MONGODB_URI and KAFKA_BROKERS');
  const workDir = session.workDir();
  const logDir = path.join(workDir, 'logs');
  fs.mkdirSync(logDir);
  const dir = path.join(workDir, 'stack');
  fs.mkdirSync(dir);
  session.onTeardown('stop the stack', () => stopStack(dir, { log: session.log }), 90_000);
  const [stack] = await Promise.all([
    startStack({ dir, durable: true, log: session.log }),
    skipServerBuild() ? undefined : buildServer(session),
  ]);
  const mongoUri = /** @type {string} */ (stack.mongoUri);
  const kafkaBrokers = /** @type {string} */ (stack.kafkaBrokers);

  // identity (the texts on delivery) beside the apps startServices runs; it signs nothing the bench uses
  const dist = createRequire(import.meta.url);
  const { generateDevKeyPair } = dist(path.join(DIST, 'libs/auth/src/index.js'));
  const { generateDevKeys } = dist(path.join(DIST, 'libs/pii/src/index.js'));
  const identityPort = await freePort();
  const identity = /** @type {any} */ (startApp)(session, 'identity', {
    port: identityPort,
    env: {
      MONGODB_URI: mongoUri,
      KAFKA_BROKERS: kafkaBrokers,
      ...(await generateDevKeyPair()).settings,
      ...generateDevKeys(),
      SEED_PASSWORD: `Bench-${randomBytes(6).toString('hex')}1`,
    },
    logDir,
  });
  session.onTeardown('stop identity', () => identity.stop(), 15_000);
  const { app, headersFor } = await startServices(session, {
    stack: { mongoUri, kafkaBrokers, external: false, startMs: null, pids: {}, postgresUrl: null },
    logDir,
    affairs: true,
    env: {
      catalogue: { SEED_CATALOGUE: 'true' },
      gateway: { IDENTITY_URL: `http://127.0.0.1:${identityPort}` },
    },
  });
  await waitHealthy(session, identity);

  const staff = await headersFor('counter_staff', KIOSK_CENTRE);
  const gateway = app.gateway.url;
  const api = `${gateway}/api`;
  const item = JSON.parse((await request(`${api}/catalogue/items/${ITEM}`)).body);
  /** @type {{ name: string, provided: boolean }[]} */
  const materials = item.materials.map((/** @type {{ name: string }} */ m) => ({
    name: m.name,
    provided: true,
  }));
  step('waiting for affairs to learn the seeded items from Kafka…');
  const probe = counter(api, staff, []);
  for (const deadline = Date.now() + 90_000; ; await sleep(500)) {
    const answer = await probe.send(
      'POST',
      '/affairs/cases',
      { centreId: KIOSK_CENTRE, itemCode: ITEM, residentId: 'probe', idTail: '12345X', materials: [] },
      `probe-${Date.now()}`,
    );
    if (answer.body?.code === 'AFFAIRS.CHECKLIST_INCOMPLETE') break;
    if (Date.now() > deadline) throw new Error(`affairs never learnt ${ITEM}`);
  }
  const feed = await liveDeliveries(gateway, staff);

  const { MongoClient } = await import('mongodb');
  const mongo = new MongoClient(mongoUri, { serverSelectionTimeoutMS: 3000 });
  session.onTeardown('close the store client', () => mongo.close());
  const tally = mongo.db('insight').collection('affairs_one_trip');
  const texts = mongo.db('identity').collection('owed_texts');
  const cases = mongo.db('affairs').collection('cases');
  // the read models as they are now; a read that fails (the store is away) is no answer yet
  const readModels = async () => {
    try {
      const [t, owed] = await Promise.all([
        tally.findOne({ _id: /** @type {any} */ (`${KIOSK_CENTRE}|*`) }),
        texts.countDocuments(),
      ]);
      return { insight: t?.delivered ?? 0, texts: owed, feed: feed.size };
    } catch {
      return null;
    }
  };

  /** @type {any[]} */
  const results = [];
  for (const part of CONFIG.parts) {
    const before = await readModels();
    if (!before) throw new Error('the store does not answer before the run');
    const run = randomBytes(3).toString('hex');
    const desk = counter(api, staff, materials);
    /** @type {string[]} */
    const acknowledged = [];
    let backAt = 0;
    let ackedAtBack = 0;
    step(
      `${PART_NAMES[part]}: ${CONFIG.cases} cases at ${CONFIG.perSecond}/s, killed after ${CONFIG.killAfterSeconds} s for ${CONFIG.downSeconds} s…`,
    );
    const outage = (async () => {
      await sleep(CONFIG.killAfterSeconds * 1000);
      await stack.kill(part);
      const killedAt = performance.now();
      await sleep(CONFIG.downSeconds * 1000);
      await stack.revive();
      backAt = performance.now();
      ackedAtBack = acknowledged.length;
      step(
        `  ${PART_NAMES[part]} back (restarted in ${fmt((backAt - killedAt) / 1000 - CONFIG.downSeconds)} s); ${ackedAtBack} deliveries acknowledged so far`,
      );
    })();
    // seconds from the return until each read model held every delivery acknowledged by then
    /** @type {Record<string, number | null>} */
    const current = { insight: null, texts: null, feed: null };
    const watching = (async () => {
      await outage;
      for (const deadline = backAt + 180_000; performance.now() < deadline; await sleep(100)) {
        const now = await readModels();
        if (!now) continue;
        for (const key of /** @type {const} */ (['insight', 'texts', 'feed'])) {
          if (current[key] === null && now[key] - before[key] >= ackedAtBack)
            current[key] = (performance.now() - backAt) / 1000;
        }
        if (Object.values(current).every((s) => s !== null)) return;
      }
    })();
    const residents = Array.from({ length: CONFIG.cases }, (_, i) => `bench-${run}-${i}`);
    const delivered = await paced(CONFIG.cases, 1000 / CONFIG.perSecond, CONFIG.atOnce, async (i) => {
      const caseNo = await desk.deliver(residents[i], `bench-${run}-${i}`);
      acknowledged.push(caseNo);
      return caseNo;
    });
    await Promise.all([outage, watching]);
    // everything in: the late copies too
    for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(250)) {
      const now = await readModels();
      if (
        now &&
        now.insight - before.insight >= delivered.length &&
        now.texts - before.texts >= delivered.length &&
        now.feed - before.feed >= delivered.length
      )
        break;
    }
    await sleep(2000);
    const after = await readModels();
    const opened = await cases.countDocuments({ residentId: { $in: residents } });
    const insight = (after?.insight ?? 0) - before.insight;
    const owed = (after?.texts ?? 0) - before.texts;
    const heard = (after?.feed ?? 0) - before.feed;
    results.push({
      part,
      answers: desk.answers,
      delivered: delivered.length,
      lost: Math.max(0, delivered.length - Math.min(insight, owed)),
      doubled: Math.max(0, insight - delivered.length) + Math.max(0, opened - delivered.length),
      opened,
      insight,
      texts: owed,
      feed: heard,
      secondsUntilCurrent: current,
    });
  }

  const allCurrent = (/** @type {Record<string, number | null>} */ s) =>
    Object.values(s).some((v) => v === null) ? null : Math.max(.../** @type {number[]} */ (Object.values(s)));
  console.log(
    [
      '',
      `fault bench — ${machineLine()}`,
      `per part: ${CONFIG.cases} cases delivered through the gateway (open → complete → deliver, ${CONFIG.perSecond}/s, ≤ ${CONFIG.atOnce} at once), the part SIGKILLed after ${CONFIG.killAfterSeconds} s and started again ${CONFIG.downSeconds} s later.`,
      'seconds: from the part serving again until the read model held every delivery acknowledged by then (target for Kafka: ≤ 5 s).',
      '',
      table([
        [
          'part',
          'answers by status',
          'cases',
          'lost',
          'doubled',
          'insight s',
          'texts s',
          'live feed s',
          'all current s',
        ],
        ...results.map((r) => [
          PART_NAMES[/** @type {Part} */ (r.part)],
          Object.entries(r.answers)
            .map(([s, n]) => `${s}×${n}`)
            .join(' '),
          `${r.opened} opened, ${r.delivered} delivered`,
          r.lost,
          r.doubled,
          fmt(r.secondsUntilCurrent.insight),
          fmt(r.secondsUntilCurrent.texts),
          fmt(r.secondsUntilCurrent.feed),
          fmt(allCurrent(r.secondsUntilCurrent)),
        ]),
      ]),
    ].join('\n'),
  );
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `faults-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify({ machine: machineLine(), config: CONFIG, results }, null, 2));
  step(`figures saved in ${file}`);
}

export const runFaultsBench = () => session.run(faultsBench);

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  runMain(session, faultsBench);
