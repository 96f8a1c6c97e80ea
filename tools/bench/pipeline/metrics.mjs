// Around each measured step: the apps' Prometheus metrics and the CPU of every process tree, before and after.

import { cpuDelta, cpuSnapshot, histogramDelta, parseProm, promSum, request } from '../lib.mjs';

/** @import { App } from '../system.mjs' */
/** @import { PromRow } from '../lib.mjs' */
/** @typedef {Record<string, PromRow[]>} Scrape rows per app name; [] when an app did not answer */
/** @typedef {ReturnType<typeof metricsDelta>} MetricsDelta */

/** @param {App[]} apps @returns {Promise<Scrape>} */
async function scrape(apps) {
  /** @type {Scrape} */
  const out = {};
  await Promise.all(
    apps.map(async (a) => {
      const res = await request(`${a.url}/metrics`, { timeoutMs: 5000 });
      out[a.name] = res.status === 200 ? parseProm(res.body) : [];
    }),
  );
  return out;
}

/** What the relay, the consumer and the HTTP handlers did between two scrapes. @param {Scrape} before @param {Scrape} after */
export function metricsDelta(before, after) {
  const c0 = before.catalogue;
  const c1 = after.catalogue;
  const i0 = before.insight;
  const i1 = after.insight;
  const g0 = before.gateway;
  const g1 = after.gateway;
  /** @param {PromRow[]} rows0 @param {PromRow[]} rows1 @param {string} name @param {Record<string, string>} [match] */
  const d = (rows0, rows1, name, match) =>
    rows1.length ? promSum(rows1, name, match) - promSum(rows0, name, match) : null;
  return {
    relay: {
      published: d(c0, c1, 'outbox_events_published_total'),
      failures: d(c0, c1, 'outbox_publish_failures_total'),
      batchSize: histogramDelta(c0, c1, 'outbox_batch_size'),
    },
    consumer: {
      processed: d(i0, i1, 'consumer_events_total', { outcome: 'processed' }),
      duplicate: d(i0, i1, 'consumer_events_total', { outcome: 'duplicate' }),
      deadLettered: d(i0, i1, 'consumer_events_total', { outcome: 'dead-lettered' }),
    },
    catalogueHttpPostMs: histogramDelta(c0, c1, 'http_request_duration_seconds', { method: 'POST' }, 1000),
    gatewayHttpPostMs: histogramDelta(g0, g1, 'http_request_duration_seconds', { method: 'POST' }, 1000),
    eventLoopLagP99Ms: Object.fromEntries(
      Object.entries(after).map(([name, rows]) => [
        name,
        Math.round(promSum(rows, 'nodejs_eventloop_lag_p99_seconds') * 1000 * 10) / 10,
      ]),
    ),
  };
}

/**
 * Runs fn between two scrapes and two CPU snapshots.
 * @template T
 * @param {App[]} apps
 * @param {Record<string, number | null | undefined>} cpuRoots process tree roots by name
 * @param {() => Promise<T>} fn
 */
export async function measured(apps, cpuRoots, fn) {
  const m0 = await scrape(apps);
  const s0 = cpuSnapshot(cpuRoots);
  const result = await fn();
  const s1 = cpuSnapshot(cpuRoots);
  const m1 = await scrape(apps);
  return { result, metrics: metricsDelta(m0, m1), cpuPercent: cpuDelta(s0, s1) };
}
