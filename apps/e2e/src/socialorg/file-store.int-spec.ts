import { createHash, randomBytes } from 'node:crypto';
import { GridFSBucket, type Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';

// what the measurement stores: files of evidence-photo size, in two rounds to see whether reads slow as it grows
const FILE_BYTES = 512 * 1024;
const ROUNDS = [10, 30];
const CHUNK = 255 * 1024;

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const ms = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface Store {
  name: string;
  put(id: string, bytes: Buffer): Promise<void>;
  get(id: string): Promise<Buffer>;
}

/** GridFS as the driver does it: `fs.files` + `fs.chunks`, a read is `find({files_id}).sort({n: 1})`. */
function gridFs(db: Db): Store {
  const bucket = new GridFSBucket(db, { bucketName: 'bench', chunkSizeBytes: CHUNK });
  return {
    name: 'GridFS',
    put: (id, bytes) =>
      new Promise((resolve, reject) => {
        const stream = bucket.openUploadStreamWithId(id as never, `${id}.jpg`);
        stream.on('error', reject).on('finish', () => resolve());
        stream.end(bytes);
      }),
    get: async (id) => {
      const parts: Buffer[] = [];
      for await (const part of bucket.openDownloadStream(id as never)) parts.push(part as Buffer);
      return Buffer.concat(parts);
    },
  };
}

/** socialorg's layout: chunks `_id` `<file>:<n>` written first, then the description; reads by `_id` only. */
function chunkedDocuments(db: Db): Store {
  const files = db.collection<{ _id: string; chunks: number; size: number; sha256: string }>('bench_files');
  const chunks = db.collection<{ _id: string; fileId: string; n: number; data: Buffer }>('bench_chunks');
  return {
    name: 'chunked documents',
    put: async (id, bytes) => {
      const count = Math.ceil(bytes.length / CHUNK);
      await Promise.all(
        Array.from({ length: count }, (_, n) =>
          chunks.insertOne({
            _id: `${id}:${n}`,
            fileId: id,
            n,
            data: bytes.subarray(n * CHUNK, (n + 1) * CHUNK),
          }),
        ),
      );
      await files.insertOne({ _id: id, chunks: count, size: bytes.length, sha256: sha(bytes) });
    },
    get: async (id) => {
      const file = await files.findOne({ _id: id });
      const parts: Buffer[] = [];
      for (let n = 0; n < (file?.chunks ?? 0); n++) {
        const chunk = await chunks.findOne({ _id: `${id}:${n}` });
        parts.push(Buffer.from(chunk!.data.buffer));
      }
      return Buffer.concat(parts);
    },
  };
}

/**
 * GridFS against chunked documents on this store (FerretDB on PostgreSQL), measured and printed, not asserted:
 * what the file store was chosen by. Only the round trips are asserted.
 */
describe('file store: GridFS or chunked documents on FerretDB', () => {
  const world = new SystemWorld(inject('stack'));
  let db: Db;
  beforeAll(() => {
    db = world.mongo.db(`${world.namespace}_filebench`);
  });
  afterAll(async () => {
    await db.dropDatabase().catch(() => undefined);
    await world.dispose();
  });

  it('stores and reads back the same bytes either way, and prints what each costs', async () => {
    const figures: string[] = [];
    for (const store of [chunkedDocuments(db), gridFs(db)]) {
      let stored = 0;
      for (const total of ROUNDS) {
        const writes: number[] = [];
        const ids: { id: string; hash: string }[] = [];
        for (; stored < total; stored++) {
          const bytes = randomBytes(FILE_BYTES);
          const id = `f${stored}`;
          const t = process.hrtime.bigint();
          await store.put(id, bytes);
          writes.push(ms(t));
          ids.push({ id, hash: sha(bytes) });
        }
        const reads: number[] = [];
        for (const { id, hash } of ids.slice(-5)) {
          const t = process.hrtime.bigint();
          const back = await store.get(id);
          reads.push(ms(t));
          expect(sha(back), `${store.name} ${id}`).toBe(hash);
        }
        figures.push(
          `${store.name.padEnd(18)} ${String(total).padStart(3)} files of 512 KB: write p50 ${median(writes).toFixed(1)} ms, read p50 ${median(reads).toFixed(1)} ms`,
        );
      }
    }
    process.stdout.write(`[file store]\n${figures.map((f) => `  ${f}`).join('\n')}\n`);
  });
});
