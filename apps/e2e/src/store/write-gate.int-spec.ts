import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

// FerretDB alone loses concurrent writes to one document (it reads, changes in Go and writes the whole document
// back); tools/stack/ferretdb/gate.go runs write commands one at a time per document (by _id) or per collection
// (any other filter). These cases fail without the gate.
describe('the document store under concurrent writers', () => {
  const client = new MongoClient(inject('stack').mongoUri, { maxPoolSize: 40 });
  const db = client.db(`gate_${process.pid}`);
  beforeAll(() => client.connect());
  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  it('applies every one of many simultaneous increments to one document', async () => {
    const counters = db.collection<{ _id: string; n: number }>('counters');
    await counters.insertOne({ _id: 'c', n: 0 });
    await Promise.all(Array.from({ length: 80 }, () => counters.updateOne({ _id: 'c' }, { $inc: { n: 1 } })));
    expect((await counters.findOne({ _id: 'c' }))?.n).toBe(80);
  });

  it('lets exactly one of several writers holding the same revision win a conditional update', async () => {
    const drafts = db.collection<{ _id: string; revision: number; by?: number }>('drafts');
    await drafts.insertOne({ _id: 'd', revision: 1 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, by) =>
        drafts.updateOne({ _id: 'd', revision: 1 }, { $set: { by }, $inc: { revision: 1 } }),
      ),
    );
    expect(results.filter((r) => r.modifiedCount === 1)).toHaveLength(1);
    expect((await drafts.findOne({ _id: 'd' }))?.revision).toBe(2);
  });

  it('keeps a change made while another writer updates a different field of the same document', async () => {
    const items = db.collection<{ _id: string; tags: string[]; name?: string }>('items');
    await items.insertOne({ _id: 'i', tags: [] });
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 2
          ? items.updateOne({ _id: 'i' }, { $push: { tags: `t${i}` } })
          : items.updateOne({ _id: 'i' }, { $set: { name: `n${i}` } }),
      ),
    );
    expect((await items.findOne({ _id: 'i' }))?.tags).toHaveLength(15);
  });

  it('keeps a conditional update that selects by another field than _id a compare-and-set', async () => {
    const tickets = db.collection<{ _id: string; queue: string; state: string; window?: number }>('tickets');
    await tickets.insertOne({ _id: 't1', queue: 'A', state: 'waiting' });
    const claims = await Promise.all(
      Array.from({ length: 12 }, (_, window) =>
        tickets.updateOne({ queue: 'A', state: 'waiting' }, { $set: { state: 'called', window } }),
      ),
    );
    expect(claims.filter((r) => r.modifiedCount === 1)).toHaveLength(1);
  });
});
