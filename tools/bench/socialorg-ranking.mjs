#!/usr/bin/env node
// Ranking bench: a call with 300 eligible applications scored by 5 reviewers each, ranked by the socialorg
// service's own ranking code (apps/socialorg/src/scoring/ranking.ts, as compiled into dist/server) under both
// aggregation rules, and the ranking turned into the JSON the route answers. Prints the time per ranking next to
// the target; never asserts.
//
//   node tools/bench/socialorg-ranking.mjs
//
// Settings (environment): BENCH_APPLICATIONS (300), BENCH_REVIEWERS (5), BENCH_RUNS (50 timed, after 5 not
// counted), BENCH_SKIP_BUILD, BENCH_DIST.

import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, summarize, table } from './lib.mjs';
import { buildServer, DIST, machineLine, num, runMain, Session, skipServerBuild } from './system.mjs';

const CONFIG = Object.freeze({
  applications: num('BENCH_APPLICATIONS', 300),
  reviewers: num('BENCH_REVIEWERS', 5),
  runs: num('BENCH_RUNS', 50),
});
// issue 12: the ranking of 300 applications × 5 reviewers answered in 200 ms
const TARGET_MS = 200;
const WARMUP = 5;

const CRITERIA = [
  { key: 'need', name: '需求分析', weight: 20, description: '' },
  { key: 'design', name: '项目设计', weight: 30, description: '' },
  { key: 'capacity', name: '执行能力', weight: 20, description: '' },
  { key: 'budget', name: '预算合理性', weight: 15, description: '' },
  { key: 'impact', name: '预期成效', weight: 15, description: '' },
];

/** A small seeded generator, so that every run ranks the same call. @param {number} seed */
function mulberry32(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The call's applications and their sheets: scores in tenths, many near-ties, as expert panels give them. */
function call() {
  const random = mulberry32(12);
  const applications = [];
  const sheets = new Map();
  for (let i = 0; i < CONFIG.applications; i++) {
    const id = `A-${String(i).padStart(6, '0')}`;
    applications.push({
      applicationId: id,
      orgId: `O-${i}`,
      orgName: `第${i}社会工作服务中心`,
      streetId: 'sz/futian/xiangmihu',
      title: `社区长者关爱项目${i}`,
      requestFen: 5_000_000 + Math.floor(random() * 300) * 100_000,
      submittedAt: new Date(Date.UTC(2026, 2, 2) + Math.floor(random() * 10 * 86_400_000)).toISOString(),
    });
    const quality = 0.5 + random() * 0.45;
    sheets.set(
      id,
      Array.from({ length: CONFIG.reviewers }, () =>
        Object.fromEntries(
          CRITERIA.map((c) => [
            c.key,
            Math.min(c.weight, Math.round(c.weight * (quality + (random() - 0.5) * 0.2) * 2) / 2),
          ]),
        ),
      ),
    );
  }
  return { applications, sheets };
}

const session = new Session('socialorg-ranking');

/** @param {Session} s */
async function rankingBench(s) {
  if (!skipServerBuild()) await buildServer(s);
  /** @type {{ rankApplications: (rules: object, applications: object[], sheets: Map<string, object[]>) => { funded: boolean }[] }} */
  const ranking = createRequire(import.meta.url)(path.join(DIST, 'apps/socialorg/src/scoring/ranking.js'));
  const { rankApplications } = ranking;
  const { applications, sheets } = call();
  const rows = [];
  for (const aggregation of ['mean', 'trimmed_mean']) {
    const rules = {
      criteria: CRITERIA,
      aggregation,
      tieBreak: [{ kind: 'criterion', key: 'design' }, { kind: 'earlier_submission' }],
      passMark: 60,
      budgetFen: 1_000_000_000,
    };
    const once = () => {
      const t0 = performance.now();
      const entries = rankApplications(rules, applications, sheets);
      const body = JSON.stringify({ entries });
      return { ms: performance.now() - t0, entries, bytes: body.length };
    };
    const cold = once();
    for (let i = 1; i < WARMUP; i++) once();
    const timed = Array.from({ length: CONFIG.runs }, () => once().ms);
    const summary = summarize(timed);
    rows.push({
      aggregation,
      cold: cold.ms,
      summary,
      funded: cold.entries.filter((e) => e.funded).length,
      bytes: cold.bytes,
    });
    s.step(`${aggregation}: p50 ${fmt(summary.p50, ' ms')}, max ${fmt(summary.max, ' ms')}`);
  }
  const worst = Math.max(...rows.map((r) => Math.max(r.cold, r.summary.max ?? Infinity)));
  console.log(
    [
      '',
      `socialorg ranking bench — ${machineLine()}`,
      `${CONFIG.applications} applications × ${CONFIG.reviewers} reviewers × ${CRITERIA.length} criteria, ranked and serialised; ${CONFIG.runs} timed runs after ${WARMUP}`,
      '',
      table([
        ['aggregation', 'first run ms', 'p50 ms', 'p99 ms', 'max ms', 'funded', 'JSON bytes'],
        ...rows.map((r) => [
          r.aggregation,
          fmt(Math.round(r.cold * 10) / 10),
          fmt(r.summary.p50),
          fmt(r.summary.p99),
          fmt(r.summary.max),
          r.funded,
          r.bytes,
        ]),
      ]),
      '',
      `target: ranking answered in ≤ ${TARGET_MS} ms — slowest run ${fmt(Math.round(worst * 10) / 10)} ms: ${worst <= TARGET_MS ? 'ok' : 'MISSED'}`,
    ].join('\n'),
  );
}

export const runSocialorgRankingBench = () => session.run(rankingBench);

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  runMain(session, rankingBench);
