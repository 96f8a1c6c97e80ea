#!/usr/bin/env node
// Search bench: catalogue search under load, through the gateway and straight at the catalogue service, with a mix
// of what residents type at a kiosk (characters, full pinyin, initials, mixed, and the prefixes typed on the way).
// Prints requests/s and latency percentiles next to the target; never asserts.
//
//   node tools/bench/search.mjs
//
// Settings (environment): BENCH_SECONDS (20 per run), BENCH_WARMUP_SECONDS (5, per target before its first run),
// BENCH_CONNECTIONS (16,32,64), BENCH_TARGETS (gateway,direct), BENCH_PROFILE (1: afterwards, CPU-profile the
// gateway and the catalogue under 10 s of load at 32 connections and print where the time goes), BENCH_SKIP_BUILD,
// BENCH_DIST, MONGODB_URI + KAFKA_BROKERS (an external stack: the apps get their own namespace and databases).

import autocannon from 'autocannon';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuDelta, cpuSnapshot, fmt, request, table } from './lib.mjs';
import { collectProfiles, PROFILE_HOOK, summarizeProfile } from './profile.mjs';
import {
  buildServer,
  machineBusyPercent,
  machineCpu,
  KIOSK_CENTRE,
  machineLine,
  num,
  runMain,
  Session,
  skipServerBuild,
  startSystem,
} from './system.mjs';

const CONFIG = Object.freeze({
  seconds: num('BENCH_SECONDS', 20),
  warmupSeconds: num('BENCH_WARMUP_SECONDS', 5),
  connections: (process.env.BENCH_CONNECTIONS || '16,32,64').split(',').map(Number),
  targets: (process.env.BENCH_TARGETS || 'gateway,direct').split(','),
  profile: process.env.BENCH_PROFILE === '1',
});
const TARGET = Object.freeze({ reqPerS: 2000, p99Ms: 20 });

/** What residents type, one request per query; prefixes stand for the searches sent while typing. */
export const QUERIES = [
  ...'低保 老年证 社保卡 医保 居住证 残疾证 养老金 高龄津贴 法律援助 身份证 退休'.split(' '), // characters
  ...'dibao laonianzheng shebaoka yibao juzhuzheng canjizheng yanglaojin'.split(' '), // full pinyin
  ...'dbsq lnz sbk yb jzz cjz 低保sq 社保k 老年z'.split(' '), // initials, mixed
  ...'d db dbs di dib l ln la lao s sb sh sheb y yi j jz ju'.split(' '), // typing, key by key
  ...'我爸八十了有没有补贴 孩子放学没人接 想找个地方练书法 失业了怎么领钱 dibso'.split(' '), // sentences, a slip
];

/** @param {string} prefix @param {string} q */
const searchPath = (prefix, q) =>
  `${prefix}/search?q=${encodeURIComponent(q)}&centre=${encodeURIComponent(KIOSK_CENTRE)}`;

const session = new Session('search');
const { step } = session;
/** @type {ReturnType<typeof autocannon> | null} */
let running = null; // the autocannon run under way, stopped first at teardown (Ctrl-C)

/**
 * One autocannon run over the query mix, with the CPU each process tree used: as a share of one core, and per request
 * (which contention from other processes on the machine inflates less than it does rates and latencies).
 * @param {string} base
 * @param {string} prefix
 * @param {number} connections
 * @param {number} seconds
 * @param {Record<string, number | null | undefined>} cpuRoots
 */
async function load(base, prefix, connections, seconds, cpuRoots) {
  let next = 0;
  const paths = QUERIES.map((q) => searchPath(prefix, q));
  const s0 = cpuSnapshot(cpuRoots);
  const m0 = machineCpu();
  const t0 = performance.now();
  running = autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
  });
  const r = await running;
  running = null;
  const s1 = cpuSnapshot(cpuRoots);
  const cpu = cpuDelta(s0, s1);
  const ours = Object.values(cpu).reduce((a, b) => a + b, 0);
  /** @param {string} name */
  const perRequest = (name) =>
    s1.cpu[name] === undefined ? null : Math.round(((s1.cpu[name] - s0.cpu[name]) * 1000) / r.requests.total);
  return {
    connections,
    reqPerS: Math.round((r.requests.total / (performance.now() - t0)) * 1000),
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    total: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    statuses: Object.entries(r.statusCodeStats ?? {})
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, { count }]) => `${code}×${count}`)
      .join(' '),
    cpu: /** @type {Record<string, number>} */ ({
      ...cpu,
      others: Math.max(0, machineBusyPercent(m0, machineCpu()) - ours),
    }),
    cpuUsPerRequest: { gateway: perRequest('gateway'), catalogue: perRequest('catalogue') },
  };
}

/**
 * Every query once through `prefix`: status and hit count, so the load is known to ask real questions.
 * @param {string} base
 * @param {string} prefix
 */
async function checkQueries(base, prefix) {
  /** @type {{ q: string, status: number, hits: number | null }[]} */
  const out = [];
  for (const q of QUERIES) {
    const res = await request(`${base}${searchPath(prefix, q)}`);
    let hits = null;
    try {
      hits = JSON.parse(res.body).results.length;
    } catch {}
    out.push({ q, status: res.status, hits });
  }
  return out;
}

async function searchBench() {
  console.log(`search bench — ${machineLine()}`);
  const hook = CONFIG.profile ? ['--require', PROFILE_HOOK] : [];
  const { stack, app, cpuRoots, logDir } = await startSystem(session, {
    builds: skipServerBuild() ? [] : [() => buildServer(session)],
    nodeArgs: { catalogue: hook, gateway: hook },
  });
  session.onTeardown('stop the load', () => running?.stop(), 2000);
  const targets = {
    gateway: { base: app.gateway.url, prefix: '/api/catalogue', label: 'gateway → catalogue' },
    direct: { base: app.catalogue.url, prefix: '', label: 'catalogue direct' },
  };

  const checked = await checkQueries(targets.gateway.base, targets.gateway.prefix);
  const bad = checked.filter((c) => c.status !== 200);
  if (bad.length) throw new Error(`search answers ${bad.map((b) => `${b.q}: ${b.status}`).join(', ')}`);
  if (!checked.some((c) => (c.hits ?? 0) > 0))
    throw new Error('no query finds anything: is the seed loaded?');
  step(`queries (hits): ${checked.map((c) => `${c.q} ${c.hits}`).join(' · ')}`);

  const loadBefore = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  /** @type {(Awaited<ReturnType<typeof load>> & { target: string })[]} */
  const runs = [];
  for (const name of CONFIG.targets) {
    const t = targets[/** @type {keyof typeof targets} */ (name)];
    step(`${t.label}: warm-up ${CONFIG.warmupSeconds} s at 16 connections…`);
    await load(t.base, t.prefix, 16, CONFIG.warmupSeconds, cpuRoots);
    for (const c of CONFIG.connections) {
      session.checkAbort();
      step(`${t.label}: ${c} connections for ${CONFIG.seconds} s…`);
      const r = await load(t.base, t.prefix, c, CONFIG.seconds, cpuRoots);
      step(`  ${fmt(r.reqPerS)} req/s, p99 ${r.latencyMs.p99} ms`);
      runs.push({ target: t.label, ...r });
    }
  }

  let profiles = null;
  if (CONFIG.profile) {
    step('profiling gateway and catalogue: 10 s at 32 connections through the gateway…');
    profiles = await collectProfiles([app.gateway, app.catalogue], logDir, () =>
      load(targets.gateway.base, targets.gateway.prefix, 32, 10, cpuRoots),
    );
  }

  /** @param {(typeof runs)[number]} r */
  const met = (r) => r.reqPerS >= TARGET.reqPerS && r.latencyMs.p99 <= TARGET.p99Ms;
  const rows = [
    [
      'path',
      'conns',
      'req/s',
      'p50',
      'p90',
      'p99',
      'max',
      'errors',
      'non-2xx',
      'CPU % gw/cat/load/other',
      'CPU µs/req gw/cat',
      'target',
    ],
    ...runs.map((r) => [
      r.target,
      r.connections,
      fmt(r.reqPerS),
      r.latencyMs.p50,
      r.latencyMs.p90,
      r.latencyMs.p99,
      r.latencyMs.max,
      r.errors,
      r.statuses || r.non2xx,
      [r.cpu.gateway, r.cpu.catalogue, r.cpu.bench, r.cpu.others].join(' / '),
      `${r.cpuUsPerRequest.gateway} / ${r.cpuUsPerRequest.catalogue}`,
      met(r) ? 'ok' : 'MISSED',
    ]),
  ];
  /** @param {string} label */
  const best = (label) => runs.filter((r) => r.target === label).sort((a, b) => b.reqPerS - a.reqPerS)[0];
  const gw = best(targets.gateway.label);
  const direct = best(targets.direct.label);
  // null when an app was gone by the end of a run: then there is no ceiling to work out
  const usGateway = gw?.cpuUsPerRequest.gateway ?? null;
  const usCatalogue = gw?.cpuUsPerRequest.catalogue ?? null;
  const usDirect = direct?.cpuUsPerRequest.catalogue ?? null;
  const cores = os.cpus().length;
  console.log(
    [
      '',
      `search bench — ${machineLine()}; load average before the runs ${loadBefore}`,
      `stack ${stack.external ? 'external' : 'throwaway'}; ${QUERIES.length} kiosk queries in turn against centre ${KIOSK_CENTRE}; ` +
        `${CONFIG.seconds} s per run after a ${CONFIG.warmupSeconds} s warm-up per path; autocannon in this process, on the same cores`,
      `target: ≥ ${fmt(TARGET.reqPerS)} req/s with p99 ≤ ${TARGET.p99Ms} ms through the gateway. Latencies in ms (1 ms resolution, 2xx only).`,
      `CPU %: share of one core during the run (${cores} cores = ${cores * 100} %): gateway, catalogue, the load generator, and every other process on the machine`,
      `(not this bench's: other work on a shared machine slows every figure). CPU µs/req: CPU time each app spent per request answered.`,
      '',
      table(rows),
      ...(gw && direct && usGateway !== null && usCatalogue !== null && usDirect !== null
        ? [
            '',
            `through the gateway at best ${fmt(gw.reqPerS)} req/s, direct ${fmt(direct.reqPerS)} req/s (${Math.round((gw.reqPerS / direct.reqPerS) * 100)} %). ` +
              `CPU per request through the gateway: gateway ${usGateway} µs + catalogue ${usCatalogue} µs; ` +
              `${cores} cores with nothing else running (not even the load generator) could serve at most ` +
              `${fmt(Math.round((cores * 1e6) / (usGateway + usCatalogue)))} req/s through the gateway, ` +
              `${fmt(Math.round((cores * 1e6) / usDirect))} req/s direct ` +
              `(the catalogue is one process: one core, at most ${fmt(Math.round(1e6 / usDirect))} req/s).`,
          ]
        : []),
      ...(profiles ? ['', ...profiles.map((p) => summarizeProfile(p))] : []),
    ].join('\n'),
  );
}

export const runSearchBench = () => session.run(searchBench);

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  runMain(session, searchBench);
