#!/usr/bin/env node
// Shows the FerretDB 1.24 (PostgreSQL backend) limit the pipeline bench runs into: one `update` command with N
// statements (a bulkWrite of N updateOne) holds one pooled PostgreSQL connection per statement until the command ends
// (handler/msg_update.go defers each statement's iterator Close inside the loop), and the pool has 50 connections
// (pool_max_conns default). From N = 50 on, the command waits for a connection that only it could free, and every
// other client of that FerretDB waits behind it for good.
//
//   node tools/bench/ferretdb-bulk-update.mjs     (a throwaway PostgreSQL + FerretDB; MONGODB_URI to use another)
// Bounded: each size gets 5 s; after the first hang the store is stopped.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { startStack, stopStack } from '../stack/stack.mjs';

/** @template T @param {Promise<T>} promise @param {number} ms @param {T} [late] */
const race = (promise, ms, late) =>
  Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms, late))]);

let dir;
let uri = process.env.MONGODB_URI;
if (!uri) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psc-ferret-bulk-'));
  fs.chmodSync(dir, 0o755);
  uri = /** @type {string} */ (
    (await startStack({ dir, kafka: false, durable: false, log: () => {} })).mongoUri
  );
}
const client = new MongoClient(uri, { retryWrites: false });
/** @type {import('mongodb').Collection<{ _id: string, outbox: string[] }>} */
const coll = client.db(`bench_bulk_${Date.now().toString(36)}`).collection('docs');
try {
  for (const n of [16, 32, 48, 49, 50, 64]) {
    const ids = Array.from({ length: n }, (_, i) => `${n}-${i}`);
    await coll.insertMany(ids.map((_id) => ({ _id, outbox: ['a', 'b'] })));
    const t0 = performance.now();
    const ops = ids.map((_id) => ({
      updateOne: { filter: { _id }, update: { $pullAll: { outbox: ['a'] } } },
    }));
    const outcome = await race(
      coll.bulkWrite(ops, { ordered: false }).then((r) => `ok, modified ${r.modifiedCount}`),
      5000,
      'no answer within 5 s',
    );
    console.log(`bulkWrite of ${n} updateOne: ${outcome} (${Math.round(performance.now() - t0)} ms)`);
    if (outcome.startsWith('no answer')) {
      const other = new MongoClient(uri, { retryWrites: false });
      /** @type {typeof coll} */
      const same = other.db(coll.dbName).collection(coll.collectionName);
      const probe = await race(
        same.findOne({ _id: ids[0] }).then(() => 'answers'),
        3000,
        'gets no answer either',
      );
      console.log(`a findOne from another client: ${probe}`);
      other.close().catch(() => {});
      break;
    }
  }
  if (!dir) await race(coll.drop(), 3000);
} finally {
  client.close().catch(() => {});
  if (dir) {
    await stopStack(dir, { log: () => {} });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
process.exit(0);
