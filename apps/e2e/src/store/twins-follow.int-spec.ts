import { MongoClient, MongoServerError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { storePostgres } from './postgres';

/** what each GIN index of the collection covers, e.g. `(_jsonb -> 'ref'::text)`; a non-twin shows in full */
const covered = (definitions: string[]) =>
  definitions.map((d) => /_psc_gin ON \S+ USING gin \(\((.*)\) jsonb_path_ops\)/.exec(d)?.[1] ?? d).sort();

// The stack gives every index FerretDB creates a GIN twin the moment it is created (event triggers in PostgreSQL,
// tools/stack/pg-twins.sql), so a collection a service makes at run time is served by an index from its first read.
describe('the twins of a collection created at run time', () => {
  const client = new MongoClient(inject('stack').mongoUri);
  const db = client.db(`twins_follow_${process.pid}`);
  beforeAll(() => client.connect());
  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  it('follows its indexes as they are created and dropped, while FerretDB’s own indexes keep enforcing uniqueness', async (ctx) => {
    const pg = await storePostgres(inject('stack'));
    if (!pg) return ctx.skip(); // external servers (MONGODB_URI): their PostgreSQL is not known here
    const tickets = db.collection<{
      _id: string;
      ref: string;
      centreId?: string;
      state?: string;
      window?: { no: number };
    }>('tickets_made_now');
    const twins = async () => covered(await pg.ginIndexes(db.databaseName, 'tickets_made_now'));
    await tickets.insertOne({ _id: 't1', ref: 'r1', centreId: 'c1', state: 'waiting', window: { no: 3 } });
    expect(await twins()).toEqual([`(_jsonb -> '_id'::text)`]);

    await tickets.createIndex({ ref: 1 }, { unique: true });
    await tickets.createIndex({ centreId: 1, state: 1 }); // twinned on its leading field only
    await tickets.createIndex({ 'window.no': 1 }); // reached by `#>` in FerretDB's updates and deletes
    expect(await twins()).toEqual([
      `(_jsonb #> '{window,no}'::text[])`,
      `(_jsonb -> '_id'::text)`,
      `(_jsonb -> 'centreId'::text)`,
      `(_jsonb -> 'ref'::text)`,
    ]);

    const duplicate = await tickets.insertOne({ _id: 't2', ref: 'r1' }).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(MongoServerError);
    expect((duplicate as MongoServerError).code).toBe(11000);

    await tickets.dropIndex('ref_1');
    expect(await twins()).toEqual([
      `(_jsonb #> '{window,no}'::text[])`,
      `(_jsonb -> '_id'::text)`,
      `(_jsonb -> 'centreId'::text)`,
    ]);
  });
});
