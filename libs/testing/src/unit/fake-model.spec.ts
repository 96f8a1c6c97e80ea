import { AppError } from '@psc/server-kit';
import type { Model } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { expectAppError } from './app-error';
import { manualClock } from './clock';
import { fakeModel } from './fake-model';
import { fakeOutbox } from './fake-outbox';

interface Row {
  _id: string;
  n: number;
  at?: Date;
  tags: string[];
  key?: string;
  inner?: { flag?: boolean; name?: string } | null;
}

const rows = (): Row[] => [
  { _id: 'a', n: 3, at: new Date('2025-01-03'), tags: ['x'], key: 'k-a', inner: { name: '甲' } },
  { _id: 'b', n: 1, at: new Date('2025-01-01'), tags: ['x', 'y'], key: 'k-b', inner: null },
  { _id: 'c', n: 2, tags: [], key: 'k-c' },
];

describe('fakeModel queries', () => {
  it('finds with equality, dotted paths, null for missing, array elements and comparison operators', async () => {
    const m = fakeModel(rows());
    const ids = async (filter: Record<string, unknown>) =>
      (await m.find(filter).lean<Row[]>()).map((r) => r._id).sort();
    expect(await ids({ 'inner.name': '甲' })).toEqual(['a']);
    expect(await ids({ inner: null })).toEqual(['b', 'c']);
    expect(await ids({ tags: 'y' })).toEqual(['b']);
    expect(await ids({ n: { $in: [1, 2] } })).toEqual(['b', 'c']);
    expect(await ids({ n: { $gte: 2, $lt: 3 } })).toEqual(['c']);
    expect(await ids({ at: { $lt: new Date('2025-01-02') } })).toEqual(['b']);
    expect(await ids({ 'inner.flag': { $ne: true } })).toEqual(['a', 'b', 'c']);
    expect(await ids({ tags: { $size: 0 } })).toEqual(['c']);
  });

  it('sorts (missing values first going up) and limits', async () => {
    const m = fakeModel(rows());
    expect((await m.find().sort({ at: -1 }).limit(2).lean<Row[]>()).map((r) => r._id)).toEqual(['a', 'b']);
    expect((await m.find().sort({ at: 1 }).lean<Row[]>()).map((r) => r._id)).toEqual(['c', 'b', 'a']);
    expect((await m.findOne({ tags: 'x' }).sort({ n: 1 }).lean<Row>())?._id).toBe('b');
    expect(await m.findById('zz').lean()).toBeNull();
  });

  it('hands out copies: changing a lean document changes nothing stored', async () => {
    const m = fakeModel(rows());
    const found = await m.findById('a').lean<Row>();
    found.tags.push('changed');
    expect((await m.findById('a').lean<Row>()).tags).toEqual(['x']);
  });

  it('refuses what it does not model rather than answering differently from the store', () => {
    const m = fakeModel(rows());
    return Promise.all([
      expect(m.find({ $or: [{ n: 1 }] }).lean()).rejects.toThrow('unsupported query operator $or'),
      expect(m.find({ n: { $regex: '1' } }).lean()).rejects.toThrow('unsupported query operator $regex'),
      expect(m.updateOne({ _id: 'a' }, { n: 5 } as never)).rejects.toThrow('unsupported update n'),
      expect(m.updateOne({ _id: 'a' }, { $rename: { n: 'm' } } as never)).rejects.toThrow(
        'unsupported update $rename',
      ),
    ]);
  });
});

describe('fakeModel writes', () => {
  it('refuses a second document with the same _id or unique key, as E11000', async () => {
    const m = fakeModel(rows(), ['key']);
    await expect(m.create({ _id: 'a', n: 0, tags: [] })).rejects.toMatchObject({ code: 11000 });
    await expect(m.create({ _id: 'd', n: 0, tags: [], key: 'k-b' })).rejects.toMatchObject({ code: 11000 });
    await expect(m.updateOne({ _id: 'c' }, { $set: { key: 'k-a' } })).rejects.toMatchObject({ code: 11000 });
    expect(m.docs.get('c')?.key).toBe('k-c');
    await m.create({ _id: 'd', n: 0, tags: [], key: 'k-d' });
    expect(m.docs.size).toBe(4);
  });

  it('applies $set on dotted paths, $inc, $unset, $push (one or $each) and $pullAll', async () => {
    const m = fakeModel(rows());
    await m.updateOne(
      { _id: 'b' },
      {
        $set: { 'inner.flag': true },
        $inc: { n: 2 },
        $unset: { key: '' },
        $push: { tags: { $each: ['z', 'w'] } },
      },
    );
    await m.updateOne({ _id: 'b' }, { $pullAll: { tags: ['x', 'w'] }, $push: { tags: 'v' } });
    expect(m.docs.get('b')).toEqual({
      _id: 'b',
      n: 3,
      at: new Date('2025-01-01'),
      tags: ['y', 'z', 'v'],
      inner: { flag: true },
    });
  });

  it('updates only what the condition matches, and upserts from the filter', async () => {
    const m = fakeModel(rows());
    expect(await m.updateOne({ _id: 'a', n: 99 }, { $set: { n: 0 } })).toMatchObject({ matchedCount: 0 });
    expect(m.docs.get('a')?.n).toBe(3);
    await m.updateOne({ _id: 'new' }, { $inc: { n: 1 }, $setOnInsert: { tags: [] } }, { upsert: true });
    expect(m.docs.get('new')).toEqual({ _id: 'new', n: 1, tags: [] });
    expect(await m.updateMany({ tags: 'x' }, { $set: { n: 7 } })).toMatchObject({ modifiedCount: 2 });
  });

  it("findOneAndUpdate answers before or after, and the driver's collection the same way", async () => {
    const m = fakeModel(rows());
    expect((await m.findOneAndUpdate({ _id: 'a' }, { $inc: { n: 1 } }).lean<Row>())?.n).toBe(3);
    expect((await m.findOneAndUpdate({ _id: 'a' }, { $inc: { n: 1 } }, { new: true }).lean<Row>())?.n).toBe(
      5,
    );
    const after = await m.collection.findOneAndUpdate(
      { _id: 'seq' },
      { $inc: { n: 20 } },
      { upsert: true, returnDocument: 'after' },
    );
    expect(after).toEqual({ _id: 'seq', n: 20 });
    expect(await m.collection.findOneAndUpdate({ _id: 'a', n: 0 }, { $set: { n: 1 } })).toBeNull();
  });
});

describe('fakeOutbox', () => {
  const opened = {
    type: 'affairs.queue.ticket-issued' as const,
    data: {
      ticketId: 't-1',
      centreId: 'sz/futian/xiangmihu/c-001',
      number: 'A001',
      queue: 'social-security',
      issuedAt: '2025-03-03T02:00:00.000Z',
    },
  };
  const model = (m: unknown) => m as Model<{ _id: string; n: number }>;

  it('raises the events of a write that happened, validated as the real one validates them', async () => {
    const m = fakeModel<{ _id: string; n: number }>();
    const outbox = fakeOutbox('affairs');
    const built = await outbox.create(model(m), { _id: 't-1', n: 0 }, [opened]);
    expect(built[0]).toMatchObject({ type: opened.type, key: 't-1', producer: 'affairs', data: opened.data });
    expect(await outbox.update(model(m), { _id: 't-1', n: 0 }, { $inc: { n: 1 } }, [opened])).toEqual({
      _id: 't-1',
      n: 1,
    });
    expect(outbox.types).toEqual([opened.type, opened.type]);
    expect(outbox.dataOf('affairs.queue.ticket-issued')).toEqual([opened.data, opened.data]);
  });

  it('raises nothing when the condition fails or the insert collides, and refuses invalid event data', async () => {
    const m = fakeModel<{ _id: string; n: number }>([{ _id: 't-1', n: 5 }]);
    const outbox = fakeOutbox();
    expect(await outbox.update(model(m), { _id: 't-1', n: 0 }, { $inc: { n: 1 } }, [opened])).toBeNull();
    await expect(outbox.create(model(m), { _id: 't-1', n: 0 }, [opened])).rejects.toMatchObject({
      code: 11000,
    });
    const bad = { ...opened, data: { ...opened.data, number: 1 } } as never;
    await expect(outbox.update(model(m), { _id: 't-1' }, { $inc: { n: 1 } }, [bad])).rejects.toThrow(
      'refusing to publish invalid affairs.queue.ticket-issued',
    );
    expect(outbox.raised).toEqual([]);
    expect(m.docs.get('t-1')?.n).toBe(5);
  });
});

describe('expectAppError and manualClock', () => {
  it('returns the AppError of the code and fails on another code, another error or none', async () => {
    const error = await expectAppError(
      Promise.reject(new AppError('AFFAIRS.QUEUE_EMPTY')),
      'AFFAIRS.QUEUE_EMPTY',
    );
    expect(error.status).toBe(404);
    await expectAppError(() => {
      throw new AppError('AFFAIRS.CASE_NOT_FOUND');
    }, 'AFFAIRS.CASE_NOT_FOUND');
    await expect(
      expectAppError(Promise.reject(new AppError('AFFAIRS.QUEUE_EMPTY')), 'AFFAIRS.CASE_NOT_FOUND'),
    ).rejects.toThrow('AFFAIRS.CASE_NOT_FOUND');
    await expect(expectAppError(Promise.reject(new Error('boom')), 'AFFAIRS.QUEUE_EMPTY')).rejects.toThrow(
      'got Error: boom',
    );
    await expect(expectAppError(Promise.resolve(1), 'AFFAIRS.QUEUE_EMPTY')).rejects.toThrow(
      'nothing was thrown',
    );
  });

  it('moves only when told', () => {
    const clock = manualClock('2025-03-03T02:00:00Z');
    clock.advance(60_000);
    expect(clock().toISOString()).toBe('2025-03-03T02:01:00.000Z');
    clock.set('2025-03-04T15:59:59Z');
    expect(clock().toISOString()).toBe('2025-03-04T15:59:59.000Z');
  });
});
