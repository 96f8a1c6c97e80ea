#!/usr/bin/env node
// `npm run bench`: runs the benches one after another.
//   node tools/bench/run.mjs [name …]     e.g. `node tools/bench/run.mjs pipeline`
// Figures are printed and saved under tools/bench/results/; nothing is asserted, so the exit code only says
// whether a bench could run at all.

/** @type {Record<string, () => Promise<unknown>>} */
const BENCHES = {
  pipeline: async () => (await import('./pipeline.mjs')).runPipelineBench(),
  search: async () => (await import('./search.mjs')).runSearchBench(),
  kiosk: async () => (await import('./kiosk.mjs')).runKioskBench(),
  intake: async () => (await import('./intake.mjs')).runIntakeBench(),
  'store-growth': async () => (await import('./store-growth.mjs')).runStoreGrowthBench(),
  faults: async () => (await import('./faults.mjs')).runFaultsBench(),
  'socialorg-ranking': async () => (await import('./socialorg-ranking.mjs')).runSocialorgRankingBench(),
  'volunteer-ledger': async () => (await import('./volunteer-ledger.mjs')).runVolunteerLedgerBench(),
  insight: async () => (await import('./insight.mjs')).runInsightBench(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !BENCHES[name]);
if (unknown.length) {
  console.error(`unknown bench ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}

let failed = false;
for (const name of wanted.length ? wanted : Object.keys(BENCHES)) {
  try {
    await BENCHES[name]();
  } catch {
    failed = true; // the bench has printed why and torn down what it started
  }
}
// keep-alive sockets and client timers would otherwise hold the process open
process.exit(failed ? 1 : 0);
