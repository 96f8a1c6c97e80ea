// The raw mongodb driver, the store's ceiling: single-document insertOne at a given concurrency.

import { MongoClient } from 'mongodb';
import { now, rate, summarize } from '../lib.mjs';
import { CONFIG, RUN } from './settings.mjs';

/** @import { Session } from '../system.mjs' */
/** @typedef {Awaited<ReturnType<typeof rawDriver>>} RawDriverFigures */
/** @typedef {{ _id: string, code: string, name: string, theme: string, status: string, createdAt: Date }} BenchDoc */

/** @param {Session} session @param {string} mongoUri @param {number[]} concurrencies @param {number} n */
export async function rawDriver(session, mongoUri, concurrencies, n) {
  const client = new MongoClient(mongoUri, {
    maxPoolSize: Math.max(...concurrencies) + 4,
    retryWrites: false,
    serverSelectionTimeoutMS: 10_000,
  });
  await client.connect();
  const db = client.db(`bench_raw_${RUN.toLowerCase()}`);
  /** @type {Record<number, { concurrency: number, inserts: number, insertsPerS: number | null, latencyMs: ReturnType<typeof summarize> }>} */
  const out = {};
  try {
    for (const c of concurrencies) {
      /** @type {import('mongodb').Collection<BenchDoc>} */
      const coll = db.collection(`docs_c${c}`);
      /** @param {string} tag @param {number} i @returns {BenchDoc} */
      const doc = (tag, i) => ({
        _id: `${tag}-${i}-${RUN}`,
        code: `${RUN}-${tag}${i}`,
        name: `Bench item ${i}`,
        theme: `theme-${i % CONFIG.themes}`,
        status: 'draft',
        createdAt: new Date(),
      });
      /** @param {number} count @param {string} tag @param {number[] | null} latencies */
      const runAt = async (count, tag, latencies) => {
        let next = 0;
        await Promise.all(
          Array.from({ length: c }, async () => {
            while (next < count) {
              session.checkAbort();
              const i = next++;
              const t = now();
              await coll.insertOne(doc(tag, i));
              latencies?.push(now() - t);
            }
          }),
        );
      };
      await runAt(200, 'w', null); // creates the table and fills the pool
      /** @type {number[]} */
      const latencies = [];
      const t0 = now();
      await runAt(n, 'm', latencies);
      const ms = now() - t0;
      out[c] = { concurrency: c, inserts: n, insertsPerS: rate(n, ms), latencyMs: summarize(latencies) };
    }
  } finally {
    await db.dropDatabase().catch(() => {});
    await client.close().catch(() => {});
  }
  return out;
}
