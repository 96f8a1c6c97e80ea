#!/usr/bin/env node
// Store growth bench: point operations on one collection as it grows, on a throwaway PostgreSQL + FerretDB.
// A year's cases are a few hundred thousand documents, and a point read or write must cost about the same then
// as on the first day. Prints p50/p99 per size and the ratio of the largest size to the smallest; never asserts.
//
//   node tools/bench/store-growth.mjs              the stack as shipped (GIN twins, custom plans)
//   node tools/bench/store-growth.mjs --no-twins   the same stack with the twins and the plan-cache setting removed
//   node tools/bench/store-growth.mjs --compare    both, one after the other, each on a stack of its own
//
// Settings (environment): BENCH_GROWTH_SIZES (1000,10000,100000,300000), BENCH_GROWTH_OPS (50 per operation and
// size), BENCH_DURABLE (1: fsync on, as in the dev stack; 0: the test-stack settings).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BSON, MongoClient, ObjectId } from 'mongodb';
import { isAlive, pgQuery, REMOVE_TWINS_SQL, startStack, stopStack } from '../stack/stack.mjs';
import { fmt, sleep, summarize, table } from './lib.mjs';
import {
  machineBusyPercent,
  machineCpu,
  machineLine,
  num,
  REPO_ROOT,
  RESULTS_DIR,
  Session,
} from './system.mjs';

/** @import { Collection } from 'mongodb' */
/** @typedef {Awaited<ReturnType<typeof startStack>>} Stack */

const CONFIG = Object.freeze({
  sizes: (process.env.BENCH_GROWTH_SIZES || '1000,10000,100000,300000').split(',').map(Number),
  ops: num('BENCH_GROWTH_OPS', 50),
  durable: num('BENCH_DURABLE', 1) === 1,
});
const TARGET_RATIO = 3;
const GROW_BATCH = 1000;
/** @typedef {keyof typeof VARIANTS} Variant */
const VARIANTS = {
  twins: 'GIN twins + plan_cache_mode = force_custom_plan (as shipped)',
  'no-twins': 'FerretDB indexes only, default plan cache (before issue 16)',
};

const session = new Session('store-growth');
/** @param {string} line */
const step = (line) => session.step(line);

const PAD = 'x'.repeat(462);
/**
 * About 600 bytes of BSON, shaped like a case: a unique reference on an index, a few short fields, some text.
 * @param {number} n
 */
const makeDoc = (n) => ({
  _id: new ObjectId(),
  ref: `ref-${String(n).padStart(7, '0')}`,
  centreId: `sz/futian/c-${String(n % 40).padStart(3, '0')}`,
  state: ['open', 'waiting', 'done'][n % 3],
  version: 1,
  openedAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000),
  note: `${n} ${PAD}`,
});
const DOC_BYTES = BSON.calculateObjectSize(makeDoc(123456));
/** @typedef {ReturnType<typeof makeDoc>} GrowthDoc */

/**
 * The stack's addresses: it runs FerretDB on PostgreSQL, so both are there.
 * @param {Stack} stack
 */
const addresses = (stack) => ({
  mongoUri: /** @type {string} */ (stack.mongoUri),
  postgresUrl: /** @type {string} */ (stack.postgresUrl),
});

// One client, one operation at a time, interleaved so a busy moment of the shared machine hits every operation alike.
/** @type {[string, (c: Collection<GrowthDoc>, d: Pick<GrowthDoc, '_id' | 'ref'>, n: number) => Promise<unknown>][]} */
const OPERATIONS = [
  ['findOne by _id', (c, d) => c.findOne({ _id: d._id })],
  ['findOne by ref (indexed)', (c, d) => c.findOne({ ref: d.ref })],
  ['updateOne by _id', (c, d) => c.updateOne({ _id: d._id }, { $inc: { version: 1 } })],
  ['updateOne by ref (indexed)', (c, d) => c.updateOne({ ref: d.ref }, { $set: { state: 'touched' } })],
  ['insertOne', (c, _d, n) => c.insertOne(makeDoc(n))],
];

/**
 * Takes the twins and the plan-cache setting out, then restarts FerretDB so its pooled sessions lose the setting.
 * @param {string} dir
 * @param {Stack} stack
 */
async function withoutTwins(dir, stack) {
  await pgQuery(addresses(stack).postgresUrl, REMOVE_TWINS_SQL);
  const pid = /** @type {number} */ (stack.state.pids.ferret); // started a moment ago
  process.kill(pid, 'SIGTERM');
  while (isAlive(pid, stack.state.match.ferret)) await sleep(100);
  return startStack({ dir, kafka: false, durable: CONFIG.durable, log: () => {} });
}

/**
 * The growth packs months of inserts into a minute; the autovacuum and checkpoint it sets off would be long over in
 * a store in use, so they are run to the end before measuring instead of landing in the middle of it.
 * @param {string} url
 */
async function settle(url) {
  const table = await pgQuery(
    url,
    `SELECT _jsonb->>'table' FROM growth._ferretdb_database_metadata WHERE _jsonb->>'_id' = 'cases'`,
  );
  await pgQuery(url, [`VACUUM (ANALYZE) growth."${table}"`, 'CHECKPOINT']);
}

/** @param {Variant} variant */
async function runVariant(variant) {
  const dir = path.join(session.workDir(), 'stack');
  fs.mkdirSync(dir);
  step(`${variant}: throwaway stack in ${dir} (if killed hard: node tools/stack/cli.mjs down --dir ${dir})`);
  session.onTeardown(`stop the ${variant} stack`, () => stopStack(dir, { log: () => {} }), 60_000);
  let stack = await startStack({ dir, kafka: false, durable: CONFIG.durable, log: () => {} });
  if (variant === 'no-twins') stack = await withoutTwins(dir, stack);
  const { mongoUri, postgresUrl } = addresses(stack);

  const client = new MongoClient(mongoUri, { maxPoolSize: 4 });
  session.onTeardown(`close the ${variant} client`, () => client.close());
  /** @type {Collection<GrowthDoc>} */
  const coll = client.db('growth').collection('cases');
  await coll.createIndex({ ref: 1 });
  /** @type {Pick<GrowthDoc, '_id' | 'ref'>[]} */
  const ids = []; // {_id, ref} of every document, to pick from at random
  const sizes = [];
  let count = 0;
  for (const size of CONFIG.sizes) {
    const tGrow = performance.now();
    while (count < size) {
      const batch = Array.from({ length: Math.min(GROW_BATCH, size - count) }, () => makeDoc(count++));
      await coll.insertMany(batch, { ordered: false });
      for (const d of batch) ids.push({ _id: d._id, ref: d.ref });
      session.checkAbort();
    }
    const growSeconds = (performance.now() - tGrow) / 1000;
    await settle(postgresUrl);
    step(`${variant}: ${fmt(count)} documents (grown in ${fmt(growSeconds, ' s')}); measuring…`);
    /** @type {Record<string, number[]>} */
    const latencies = Object.fromEntries(OPERATIONS.map(([name]) => [name, []]));
    const machineBefore = machineCpu();
    for (let i = -3; i < CONFIG.ops; i++) {
      for (const [name, op] of OPERATIONS) {
        const target = ids[Math.floor(Math.random() * ids.length)];
        const t0 = performance.now();
        await op(coll, target, count++);
        if (i >= 0) latencies[name].push(performance.now() - t0); // the first three rounds warm up
      }
      session.checkAbort();
    }
    sizes.push({
      size,
      growSeconds: Math.round(growSeconds),
      machineBusyPercent: machineBusyPercent(machineBefore, machineCpu()),
      ops: Object.fromEntries(Object.entries(latencies).map(([name, v]) => [name, summarize(v)])),
    });
  }
  // what a new FerretDB-like session (same user, same database) gets
  const planCache = await pgQuery(postgresUrl, 'SHOW plan_cache_mode');
  const twinCount = Number(
    await pgQuery(postgresUrl, "SELECT count(*) FROM pg_indexes WHERE indexname LIKE '%\\_psc\\_gin'"),
  );
  await client.close();
  await stopStack(dir, { log: () => {} });
  return { variant, twinCount, planCache, sizes };
}

/** @param {Awaited<ReturnType<typeof runVariant>>} result */
function report(result) {
  const { sizes } = result;
  const first = sizes[0];
  const last = sizes[sizes.length - 1];
  /** @param {string} name @param {'p50' | 'p99'} q */
  const ratio = (name, q) => Math.round((Number(last.ops[name][q]) / Number(first.ops[name][q])) * 10) / 10;
  const rows = OPERATIONS.map(([name]) => {
    const r50 = ratio(name, 'p50');
    return [
      name,
      ...sizes.map((s) => `${fmt(s.ops[name].p50)} / ${fmt(s.ops[name].p99)}`),
      `x${fmt(r50)} (p99 x${fmt(ratio(name, 'p99'))})`,
      r50 <= TARGET_RATIO ? 'ok' : 'MISSED',
    ];
  });
  return [
    '',
    `${result.variant}: ${VARIANTS[result.variant]} — ${result.twinCount} twin indexes, plan_cache_mode ${result.planCache}`,
    table([
      [
        'ms, p50 / p99',
        ...sizes.map((s) => `${fmt(s.size)} docs`),
        `${fmt(last.size)} vs ${fmt(first.size)}`,
        `p50 ratio ≤ ${TARGET_RATIO}`,
      ],
      ...rows,
    ]),
    `machine busy while measuring (% of one core, all processes): ${sizes.map((s) => `${fmt(s.size)}: ${s.machineBusyPercent}`).join(', ')}`,
  ].join('\n');
}

/** @param {Session} _session @param {Variant[]} [variants] */
async function storeGrowthBench(_session, variants = ['twins']) {
  const startedAt = new Date();
  step(
    `${machineLine()}; sizes ${CONFIG.sizes.map((s) => fmt(s)).join(' / ')}, ${CONFIG.ops} of each operation per size, ` +
      `documents of ${DOC_BYTES} bytes (BSON), durable ${CONFIG.durable}`,
  );
  const results = [];
  for (const variant of variants) results.push(await runVariant(variant));
  console.log(results.map(report).join('\n'));
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `store-growth-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify({ startedAt, config: CONFIG, docBytes: DOC_BYTES, results }, null, 2) + '\n',
  );
  console.log(`\nresults: ${path.relative(REPO_ROOT, file)}`);
  return results;
}

/** @param {Variant[]} [variants] */
export const runStoreGrowthBench = (variants) => session.run((s) => storeGrowthBench(s, variants));

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const flags = process.argv.slice(2);
  const unknown = flags.filter((f) => !['--no-twins', '--compare'].includes(f));
  if (unknown.length) {
    console.error(`unknown option ${unknown.join(' ')}; known: --no-twins, --compare`);
    process.exit(2);
  }
  /** @type {Variant[]} */
  const variants = flags.includes('--compare')
    ? ['no-twins', 'twins']
    : flags.includes('--no-twins')
      ? ['no-twins']
      : ['twins'];
  runStoreGrowthBench(variants).then(
    () => process.exit(0),
    () => process.exit(session.aborted ? 130 : 1),
  );
}
