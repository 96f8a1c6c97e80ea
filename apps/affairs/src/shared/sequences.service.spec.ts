import type { Model } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { Counter } from './counter.model';
import { SequencesService } from './sequences.service';

/** The store's side: an atomic $inc per key, counting how often it is asked. */
function fakeCounters() {
  const seqs = new Map<string, number>();
  let writes = 0;
  const model = {
    collection: {
      findOneAndUpdate: (filter: { _id: string }, update: { $inc: { seq: number } }) => {
        writes++;
        const seq = (seqs.get(filter._id) ?? 0) + update.$inc.seq;
        seqs.set(filter._id, seq);
        return Promise.resolve({ _id: filter._id, seq });
      },
    },
  } as unknown as Model<Counter>;
  return { model, writes: () => writes };
}

describe('sequences', () => {
  it('hands out consecutive numbers, one write per block', async () => {
    const store = fakeCounters();
    const sut = new SequencesService(store.model);
    const got: number[] = [];
    for (let i = 0; i < 45; i++) got.push(await sut.next('case:261124', 20));
    expect(got).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    expect(store.writes()).toBe(3);
  });

  it('never repeats a number across processes sharing the store, and a block of 1 writes every time', async () => {
    const store = fakeCounters();
    const [a, b] = [new SequencesService(store.model), new SequencesService(store.model)];
    const got = [await a.next('k', 5), await b.next('k', 5), await a.next('k', 5), await b.next('k', 5)];
    expect(new Set(got).size).toBe(4);
    expect(got).toEqual([1, 6, 2, 7]);
    const single = new SequencesService(store.model);
    expect([await single.next('t'), await single.next('t')]).toEqual([1, 2]);
  });
});
