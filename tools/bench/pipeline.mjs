#!/usr/bin/env node
// Pipeline bench: on one stack, raw kafkajs produce→consume, raw driver insertOne on the store, and the full
// pipeline (HTTP command → outbox → Kafka → consumer → read model), plus idle RSS and start-up times.
// Prints every figure next to its target and writes the same as JSON under tools/bench/results/. Never asserts.
// This file runs the steps in order; each lives in pipeline/.
//
//   node tools/bench/pipeline.mjs            (or: npm run bench)
//
// Settings (environment): MONGODB_URI + KAFKA_BROKERS (both set: use that stack, start none; nothing else may use
// it, see README), BENCH_RATE (200), BENCH_OPEN_SECONDS (15), BENCH_CLOSED_SECONDS (15), BENCH_CONCURRENCY (32),
// BENCH_DRIVER_N (3000), BENCH_KAFKA_N (20000), BENCH_THEMES (8), BENCH_DRAIN_SECONDS (45),
// BENCH_DURABLE (1: fsync on, as the dev stack; 0: the test-stack settings), BENCH_SKIP_BUILD (0),
// BENCH_DIST (apps compiled elsewhere, to compare a variant; implies no build), BENCH_GROW (100000: documents each
// collection the commands touch holds before anything is measured; 0: an empty store). Bounded: about 3.5 min at
// worst after the growth (2–5 min at 100,000).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import kafkajs from 'kafkajs';
import { MongoClient } from 'mongodb';
import { fmt, now, rssMb, sleep, summarize } from './lib.mjs';
import { measured } from './pipeline/metrics.mjs';
import { collectProfiles, PROFILE_HOOK, summarizeProfile } from './profile.mjs';
import { sqlSummary, withSqlLog } from './pipeline/sql-log.mjs';
import { growPipelineStore } from './pipeline/growth.mjs';
import { closedLoop, newPhase, openLoop, phaseFigures, progress } from './pipeline/phases.mjs';
import { rawDriver } from './pipeline/raw-driver.mjs';
import { rawKafka } from './pipeline/raw-kafka.mjs';
import { summaryText } from './pipeline/report.mjs';
import { CONFIG, INSIGHT_GROUP, RUN, THEMES } from './pipeline/settings.mjs';
import { assessTargets } from './pipeline/targets.mjs';
import { Tracker } from './pipeline/tracker.mjs';
import {
  bringUpStack,
  buildServer,
  REPO_ROOT,
  RESULTS_DIR,
  runMain,
  Session,
  startServices,
  withTimeout,
} from './system.mjs';

/** @import { Admin } from 'kafkajs' */
/** @import { Collection } from 'mongodb' */
/** @import { App } from './system.mjs' */
/** @import { MetricsDelta } from './pipeline/metrics.mjs' */
/** @import { Phase, PhaseFigures } from './pipeline/phases.mjs' */
/** @import { RawDriverFigures } from './pipeline/raw-driver.mjs' */
/** @import { RawKafkaFigures } from './pipeline/raw-kafka.mjs' */
/** @import { Targets } from './pipeline/targets.mjs' */
/** @import { SqlFigures } from './pipeline/sql-log.mjs' */
/** @import { AppProfile } from './profile.mjs' */
/** @import { Stall } from './pipeline/tracker.mjs' */
/**
 * @typedef {{ figures: PhaseFigures, metrics: MetricsDelta, cpuPercent: Record<string, number> }} MeasuredPhase
 * @typedef {MeasuredPhase | { figures: null, skipped: string }} PhaseResult
 * @typedef {Record<string, number | null>} RssMb megabytes per app
 * @typedef {{
 *   run: string, startedAt: string, config: typeof CONFIG, targets: Targets,
 *   machine: { cpus: number, node: string, memGb: number },
 *   stack: { external: boolean, durable: boolean | null },
 *   startup: { stackMs: number | null, buildMs: number | null, appsHealthyMs: number, totalMs: number },
 *   growth: { documents: number, seconds: number },
 *   rawKafka: RawKafkaFigures & { cpuPercent: Record<string, number> },
 *   rawDriver: RawDriverFigures,
 *   rawDriverCpuPercent: Record<string, number>,
 *   rss: { idleAfterStart: RssMb, idleAfterLoad: RssMb },
 *   pipeline: {
 *     warmup: PhaseResult & { firstCommandEndToEndMs: number | null }, open: PhaseResult, closed: PhaseResult,
 *     stalled: Stall | null,
 *     measurement: {
 *       commitPollEveryMs: number, commitPollMs: ReturnType<typeof summarize>,
 *       readModelLookupMs: ReturnType<typeof summarize>, kafkaDuplicatesSeen: number,
 *     },
 *     storeAnswersAfterLoad: boolean,
 *     openLoopSql?: SqlFigures,
 *     themeSummaryCheck?: { accepted: number, draftedSum: number },
 *   },
 *   finishedAt: string,
 * }} PipelineResult
 */

const { Kafka, logLevel } = kafkajs;

const session = new Session('bench');
const { log, step, onTeardown, checkAbort } = session;

/** @param {Admin} admin @param {string} groupId */
async function waitGroupStable(admin, groupId, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    checkAbort();
    const { groups } = await admin.describeGroups([groupId]).catch(() => ({ groups: [] }));
    const g = groups[0];
    if (g?.state === 'Stable' && g.members.length > 0) return;
    if (Date.now() > deadline)
      throw new Error(
        `consumer group ${groupId} not stable within ${timeoutMs / 1000} s (state ${g?.state})`,
      );
    await sleep(250);
  }
}

/** @param {App[]} apps */
const rssOf = (apps) =>
  Object.fromEntries(apps.map((a) => [a.name, a.pid === undefined ? null : rssMb(a.pid)]));

export function runPipelineBench() {
  return session.run(pipelineBench);
}

async function pipelineBench() {
  const startedAt = new Date();
  const workDir = session.workDir();
  const logsOut = path.join(RESULTS_DIR, `pipeline-${startedAt.toISOString().replace(/[:.]/g, '-')}-logs`);
  let keepLogs = true; // unless the run completes without a stall
  onTeardown('keep the app logs', () => {
    const logs = path.join(workDir, 'logs');
    if (!keepLogs) return;
    if (!fs.existsSync(logs) || fs.readdirSync(logs).every((f) => fs.statSync(path.join(logs, f)).size === 0))
      return;
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.cpSync(logs, logsOut, { recursive: true });
    log(`[bench] app logs kept in ${path.relative(REPO_ROOT, logsOut)}`);
  });
  const machine = {
    cpus: os.cpus().length,
    node: process.version,
    memGb: Math.round(os.totalmem() / 2 ** 30),
  };
  // 1. stack, build, apps
  const tStart = now();
  const [stack, buildMs] = await Promise.all([
    bringUpStack(session, workDir, { durable: CONFIG.durable }),
    CONFIG.skipBuild ? null : buildServer(session),
  ]);
  const brokers = stack.kafkaBrokers.split(',');
  const kafka = new Kafka({ clientId: 'psc-bench', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  onTeardown('kafka admin', () => admin.disconnect(), 5000);

  const logDir = path.join(workDir, 'logs');
  fs.mkdirSync(logDir);
  // a throwaway signing key: the apps verify tokens themselves, the load carries an administrator's token
  const hook = CONFIG.profile ? ['--require', PROFILE_HOOK] : [];
  const { apps, adminHeaders, tApps, healthyAt } = await startServices(session, {
    stack,
    logDir,
    nodeArgs: { catalogue: hook, insight: hook, gateway: hook },
  });
  const appsHealthyMs = healthyAt - tApps;
  const startup = {
    stackMs: stack.startMs === null ? null : Math.round(stack.startMs),
    buildMs: buildMs === null ? null : Math.round(buildMs),
    appsHealthyMs: Math.round(appsHealthyMs),
    // stack and build run side by side here, as they can in `npm start`
    totalMs: Math.round(healthyAt - tStart),
  };
  await waitGroupStable(admin, INSIGHT_GROUP);
  step(`consumer group ${INSIGHT_GROUP} is stable`);

  const mongo = new MongoClient(stack.mongoUri, {
    maxPoolSize: CONFIG.lookupConcurrency + 2,
    retryWrites: false,
  });
  await mongo.connect();
  onTeardown('mongo client', () => mongo.close(), 5000);
  const gateway = apps.find((a) => a.name === 'gateway');
  if (!gateway) throw new Error('startServices started no gateway');

  // 1b. a store in use, not an empty one: what the commands read and write, grown first
  const tGrow = now();
  if (CONFIG.grow > 0)
    await growPipelineStore(session, {
      mongo,
      gatewayUrl: gateway.url,
      headers: adminHeaders,
      postgresUrl: stack.postgresUrl,
      count: CONFIG.grow,
    });
  const growth = { documents: CONFIG.grow, seconds: Math.round((now() - tGrow) / 100) / 10 };

  const cpuRoots = { ...Object.fromEntries(apps.map((a) => [a.name, a.pid])), ...stack.pids };

  // 2. raw kafkajs
  step(`raw kafka: ${CONFIG.kafkaN} messages in batches of ${CONFIG.kafkaBatch}…`);
  const rk = await measured(apps, cpuRoots, () => rawKafka(session, kafka, CONFIG.kafkaN, CONFIG.kafkaBatch));
  step(
    `  produce ${fmt(rk.result.producedPerS)}/s, produce→consume ${fmt(rk.result.consumedPerS)}/s, p50 ${fmt(rk.result.latencyMs.p50)} / p99 ${fmt(rk.result.latencyMs.p99)} ms`,
  );

  // 3. raw driver
  const concurrencies = [...new Set([CONFIG.driverConcurrency, CONFIG.concurrency])];
  step(`raw driver: ${CONFIG.driverN} insertOne at concurrency ${concurrencies.join(' and ')}…`);
  const rd = await measured(apps, cpuRoots, () =>
    rawDriver(session, stack.mongoUri, concurrencies, CONFIG.driverN),
  );
  for (const d of Object.values(rd.result))
    step(`  c=${d.concurrency}: ${fmt(d.insertsPerS)}/s, p99 ${fmt(d.latencyMs.p99)} ms`);

  // 5a. idle RSS after start (the apps have had nothing to do since they became healthy)
  await sleep(healthyAt + CONFIG.idleMs - now());
  const idleAfterStart = rssOf(apps);

  // 4. full pipeline
  const tracker = new Tracker(session, {
    apps,
    gatewayUrl: gateway.url,
    headers: adminHeaders,
    kafka,
    admin,
    viewCollection: mongo.db('insight').collection('catalogue_item_view'),
  });
  onTeardown('observer and pollers', () => tracker.stop(), 10_000);
  await tracker.startObserver();
  tracker.start();

  /**
   * @param {Phase} phase
   * @param {string} label
   * @param {() => Promise<void>} load
   * @returns {Promise<PhaseResult>}
   */
  const runPhase = async (phase, label, load) => {
    step(label);
    if (tracker.stalled) {
      step(`  skipped: the pipeline stalled earlier`);
      return { figures: null, skipped: 'pipeline stalled earlier' };
    }
    const m = await measured(apps, cpuRoots, async () => {
      const stop = progress(session, phase);
      try {
        await load();
        return await tracker.drain(phase, phase.drainMs ?? CONFIG.drainMs);
      } finally {
        stop();
      }
    });
    return {
      figures: phaseFigures(phase, m.result, tracker.stalled),
      metrics: m.metrics,
      cpuPercent: m.cpuPercent,
    };
  };

  const warm = newPhase('warm-up', 'W', THEMES);
  warm.drainMs = 30_000;
  const warmup = await runPhase(warm, `pipeline warm-up: ${CONFIG.warmup} commands at 50/s…`, () =>
    openLoop(session, tracker, warm, 50, CONFIG.warmup / 50),
  );
  const first = warm.records[0];
  const firstCommandEndToEndMs = first?.rm ? Math.round(first.rm - first.tSend) : null;

  const openPhase = newPhase('open', 'O', THEMES);
  /** @type {{ profiles: AppProfile[] | null, sql: SqlFigures | null }} */
  const diagnostics = { profiles: null, sql: null };
  // diagnostics of the open loop only, so the closed loop's figures are those of an unobserved pipeline
  const openLoad = async () => {
    const load = () => openLoop(session, tracker, openPhase, CONFIG.rate, CONFIG.openSeconds);
    const logged =
      CONFIG.sqlLog && stack.postgresUrl
        ? async () => {
            const r = await withSqlLog(stack.postgresUrl ?? '', path.join(workDir, 'stack'), load);
            diagnostics.sql = r.sql;
          }
        : load;
    if (CONFIG.profile) diagnostics.profiles = await collectProfiles(apps, logDir, logged);
    else await logged();
  };
  const diagnosed = [CONFIG.profile && 'CPU profiles', CONFIG.sqlLog && 'SQL log'].filter(Boolean);
  const open = await runPhase(
    openPhase,
    `pipeline open loop: ${CONFIG.rate} commands/s for ${CONFIG.openSeconds} s${diagnosed.length ? ` (with ${diagnosed.join(' and ')})` : ''}…`,
    openLoad,
  );

  const closedPhase = newPhase('closed', 'C', THEMES);
  const closed = await runPhase(
    closedPhase,
    `pipeline closed loop: concurrency ${CONFIG.concurrency} for ${CONFIG.closedSeconds} s…`,
    () => closedLoop(session, tracker, closedPhase, CONFIG.concurrency, CONFIG.closedSeconds),
  );

  const stalled = tracker.stalled;
  const measurement = {
    commitPollEveryMs: CONFIG.pollMs,
    commitPollMs: summarize(tracker.commitPolls),
    readModelLookupMs: summarize(tracker.lookups),
    kafkaDuplicatesSeen: tracker.kafkaDuplicates,
  };
  await withTimeout(tracker.stop(), 5000);

  // does the store still answer? (after a stall this tells a store that hangs from an app that does)
  /** @type {Collection<{ _id: string, drafted?: number }>} */
  const themeSummary = mongo.db('insight').collection('catalogue_theme_summary');
  const probe = await withTimeout(themeSummary.find({ _id: { $in: THEMES } }).toArray(), 5000);
  // the dashboard figure the consumer maintains must count every accepted command exactly once
  const themeSummaryCheck = probe.ok
    ? {
        // the growth's template command counts too
        accepted: [warm, openPhase, closedPhase].reduce(
          (n, p) => n + p.records.filter((r) => r.status === 201).length,
          CONFIG.grow > 0 ? 1 : 0,
        ),
        draftedSum: probe.value.reduce((n, s) => n + (s.drafted ?? 0), 0),
      }
    : undefined;
  if (!probe.ok) step('the store does not answer a small query within 5 s after the load');

  // 5b. idle RSS after load
  step(`idle ${CONFIG.idleMs / 1000} s, then RSS…`);
  await sleep(CONFIG.idleMs);
  const idleAfterLoad = rssOf(apps);

  const figures = {
    machine,
    stack: { external: stack.external, durable: stack.external ? null : CONFIG.durable },
    startup,
    growth,
    rawKafka: { ...rk.result, cpuPercent: rk.cpuPercent },
    rawDriver: rd.result,
    rawDriverCpuPercent: rd.cpuPercent,
    rss: { idleAfterStart, idleAfterLoad },
    pipeline: {
      warmup: { ...warmup, firstCommandEndToEndMs },
      open,
      closed,
      stalled,
      measurement,
      storeAnswersAfterLoad: probe.ok,
      ...(diagnostics.sql && { openLoopSql: diagnostics.sql }),
      ...(themeSummaryCheck && { themeSummaryCheck }),
    },
  };
  /** @type {PipelineResult} */
  const result = {
    run: RUN,
    startedAt: startedAt.toISOString(),
    config: CONFIG,
    targets: assessTargets(figures),
    ...figures,
    finishedAt: new Date().toISOString(),
  };

  // 6. print and save
  console.log(summaryText(result));
  const { sql, profiles } = diagnostics;
  if (sql) console.log(`\nopen loop, ${sqlSummary(sql, openPhase.records.length)}`);
  for (const p of profiles ?? []) console.log(`\nopen loop, ${summarizeProfile(p)}`);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `pipeline-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log(`\nresults: ${path.relative(REPO_ROOT, file)}`);
  keepLogs = Boolean(stalled);
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runMain(session, pipelineBench);
}
