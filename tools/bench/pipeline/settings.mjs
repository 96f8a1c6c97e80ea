// What the pipeline bench runs with: settings from the environment, the run's id, the names it measures.

import { num, skipServerBuild } from '../system.mjs';

export const CONFIG = Object.freeze({
  rate: num('BENCH_RATE', 200),
  openSeconds: num('BENCH_OPEN_SECONDS', 15),
  closedSeconds: num('BENCH_CLOSED_SECONDS', 15),
  concurrency: num('BENCH_CONCURRENCY', 32),
  driverN: num('BENCH_DRIVER_N', 3000),
  driverConcurrency: 16,
  kafkaN: num('BENCH_KAFKA_N', 20_000),
  kafkaBatch: 200,
  themes: num('BENCH_THEMES', 8),
  drainMs: num('BENCH_DRAIN_SECONDS', 45) * 1000,
  idleMs: 10_000,
  pollMs: 20,
  lookupConcurrency: 16,
  stallMs: 15_000,
  warmup: 100,
  grow: num('BENCH_GROW', 100_000),
  durable: process.env.BENCH_DURABLE !== '0',
  skipBuild: skipServerBuild(),
  profile: process.env.BENCH_PROFILE === '1',
  sqlLog: process.env.BENCH_SQL === '1',
});

export const INSIGHT_GROUP = 'insight.dashboards';
export const ITEM_TOPIC = 'catalogue.item.v1';
// six base-36 characters: unique per run, and item codes stay within /^[A-Z0-9-]{3,32}$/
export const RUN = Date.now().toString(36).toUpperCase().slice(-6);

// theme codes of @psc/contracts (this script runs without TypeScript); the bench's store is its own, so the
// per-theme counters start from zero
export const THEMES = [
  'social-security',
  'civil-assistance',
  'elderly-care',
  'disability',
  'health-family',
  'employment',
  'veterans',
  'household',
  'legal',
  'party',
  'venue',
].slice(0, CONFIG.themes);
