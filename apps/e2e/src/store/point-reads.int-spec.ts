import { MongoClient, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { planNodes, type PlanNode, storePostgres } from './postgres';

const DOCUMENTS = 20_000;

// FerretDB 1.24 reads with `_jsonb->$1 @> $2`, which its btree indexes cannot serve: without the stack's GIN twins
// (tools/stack/pg-twins.sql) and custom plans, every point read scans the whole table, slower with every document.
describe('a point read on a grown collection', () => {
  const client = new MongoClient(inject('stack').mongoUri);
  const dbName = `point_reads_${process.pid}`;
  beforeAll(() => client.connect());
  afterAll(async () => {
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  it('finds a document by _id through an index, not by reading every document', async (ctx) => {
    const pg = await storePostgres(inject('stack'));
    if (!pg) return ctx.skip(); // external servers (MONGODB_URI): their PostgreSQL is not known here
    const cases = client.db(dbName).collection<{ _id: ObjectId; ref: string; note: string }>('cases');
    const ids: ObjectId[] = [];
    for (let n = 0; n < DOCUMENTS; n += 1000) {
      const batch = Array.from({ length: 1000 }, (_, i) => ({
        _id: new ObjectId(),
        ref: `ref-${n + i}`,
        note: 'x'.repeat(400),
      }));
      await cases.insertMany(batch);
      ids.push(...batch.map((d) => d._id));
    }
    const id = ids[12_345];
    expect(await cases.findOne({ _id: id })).toMatchObject({ ref: 'ref-12345' });

    // The statement FerretDB sends for findOne({_id}), prepared in a session like FerretDB's and run often enough
    // that a default plan cache would have settled on the generic plan, in which the key is unknown.
    const table = await pg.tableOf(dbName, 'cases');
    const key = pg.literal(JSON.stringify({ $o: id.toHexString() }));
    const explain = async (first: string[] = []) => {
      const out = await pg.query([
        ...first,
        `PREPARE point(text, jsonb) AS SELECT _jsonb FROM ${table} WHERE _jsonb->$1 @> $2`,
        ...Array.from({ length: 6 }, () => `EXECUTE point('_id', ${key})`),
        `EXPLAIN (FORMAT JSON) EXECUTE point('_id', ${key})`,
      ]);
      return planNodes((JSON.parse(out) as { Plan: PlanNode }[])[0].Plan);
    };

    expect(await pg.query('SHOW plan_cache_mode')).toBe('force_custom_plan');
    const nodes = await explain();
    expect(nodes.map((n) => n['Node Type'])).not.toContain('Seq Scan');
    expect(nodes).toContainEqual(
      expect.objectContaining({
        'Node Type': 'Bitmap Index Scan',
        'Index Name': expect.stringMatching(/_psc_gin$/) as unknown,
      }),
    );

    // and what the same session plans with only FerretDB's own indexes: the scan the twins remove (the session
    // ends without COMMIT, so the twin is back at once)
    const [twin] = nodes.flatMap((n) => n['Index Name'] ?? []);
    const without = await explain(['BEGIN', `DROP INDEX ${table.split('.')[0]}."${twin}"`]);
    expect(without.map((n) => n['Node Type'])).toContain('Seq Scan');
  });
});
