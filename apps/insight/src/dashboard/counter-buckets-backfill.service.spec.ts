import { fakeModel } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import { bucketOfId, CounterBucketsBackfillService } from './counter-buckets-backfill.service';
import { counterWrites } from './counters';
import type { CounterDoc } from './dashboard.model';

/** The four counters models over fakes sharing one `migrations` collection, as one database would. */
function newService(docs: Partial<CounterDoc>[][] = []) {
  const done = new Map<string, unknown>();
  const migrations = {
    findOne: async ({ _id }: { _id: string }) => done.get(_id) ?? null,
    updateOne: async ({ _id }: { _id: string }, update: { $set: unknown }) => void done.set(_id, update.$set),
  };
  const models = [0, 1, 2, 3].map((i) => {
    const m = fakeModel<CounterDoc>((docs[i] ?? []) as CounterDoc[]);
    const find = m.find.bind(m);
    return Object.assign(m, {
      db: { collection: () => migrations },
      init: async () => undefined,
      // the backfill asks for ids only; the fake returns whole documents, which the service must not need
      find: (filter: Record<string, unknown>, projection?: unknown) => {
        expect(projection).toEqual({ _id: 1 });
        return find(filter);
      },
    });
  });
  const [a, v, s, r] = models as never[];
  return { sut: new CounterBucketsBackfillService(a, v, s, r), models, done };
}

describe('counter buckets', () => {
  it('are set with every count, so a new document is found by its bucket from its first event', () => {
    const writes = counterWrites({
      centreId: 'sz/futian/xiangmihu/c-001',
      at: new Date('2026-12-31T17:00:00.000Z'), // 1 Jan 2027 01:00 in Shanghai, in 2026-W53
      inc: { opened: 1 },
    });
    const sets = writes.filter((w) => w.id.startsWith('sz/futian|')).map((w) => w.update.$set);
    expect(sets).toEqual([
      { place: 'sz/futian', grain: 'day', period: '2027-01-01', bucket: 'sz/futian|day|2027-01' },
      { place: 'sz/futian', grain: 'week', period: '2026-W53', bucket: 'sz/futian|week|2026' },
      { place: 'sz/futian', grain: 'month', period: '2027-01', bucket: 'sz/futian|month|2027' },
    ]);
  });

  it('are worked out from a period document id; a place levels document has none', () => {
    expect(bucketOfId('sz/futian|week|2026-W53')).toBe('sz/futian|week|2026');
    expect(bucketOfId('sz|day|2026-11-30')).toBe('sz|day|2026-11');
    expect(bucketOfId('sz/futian|now')).toBeNull();
  });

  it('are given once per store to the documents kept before buckets existed', async () => {
    const { sut, models, done } = newService([
      [
        { _id: 'sz|day|2026-11-30', place: 'sz', grain: 'day', period: '2026-11-30', total: { opened: 2 } },
        { _id: 'sz|week|2026-W49', bucket: 'sz|week|2026' },
      ],
      [],
      [{ _id: 'sz|now', place: 'sz', total: { organisations: 1 } }],
    ]);
    await sut.onApplicationBootstrap();
    expect(models[0].docs.get('sz|day|2026-11-30')).toEqual({
      _id: 'sz|day|2026-11-30',
      place: 'sz',
      grain: 'day',
      period: '2026-11-30',
      bucket: 'sz|day|2026-11',
      total: { opened: 2 },
    });
    expect(models[2].docs.get('sz|now')).not.toHaveProperty('bucket');
    expect(done.has('counter-buckets')).toBe(true);

    // a later start only looks at the record
    models[0].docs.set('sz|day|2026-12-01', { _id: 'sz|day|2026-12-01' });
    await sut.onApplicationBootstrap();
    expect(models[0].docs.get('sz|day|2026-12-01')).not.toHaveProperty('bucket');
  });
});
