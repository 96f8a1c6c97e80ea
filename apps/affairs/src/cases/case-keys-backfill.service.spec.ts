import type { Model } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { applicant, caseWorld, counter } from '../../test/case-world';
import type { Case } from './case.model';
import { CaseKeysBackfillService } from './case-keys-backfill.service';

/** The world's cases as a store from before the keys holds them, and the backfill over it. */
async function storeFromBefore() {
  const world = caseWorld();
  const running = await world.open();
  const done = await world.delivered();
  await world.rating.rate(done.caseNo, { score: 5 }, applicant);
  for (const doc of world.store.docs.values()) {
    delete doc.live;
    delete doc.centreWeek;
  }
  const recorded = new Map<string, { _id: string; at: Date }>();
  const migrations = {
    findOne: async ({ _id }: { _id: string }) => recorded.get(_id) ?? null,
    updateOne: async ({ _id }: { _id: string }, { $set }: { $set: { at: Date } }) =>
      void recorded.set(_id, { _id, ...$set }),
  };
  const cases = Object.assign(world.store, { db: { collection: () => migrations } });
  const sut = new CaseKeysBackfillService(cases as unknown as Model<Case>);
  return { world, sut, running, done };
}

describe('CaseKeysBackfillService', () => {
  it('gives cases stored without them their keys, so they are listed and swept again', async () => {
    const { world, sut, running, done } = await storeFromBefore();
    await sut.onApplicationBootstrap();
    expect(world.store.docs.get(running.caseNo)).toMatchObject({
      live: true,
      centreWeek: 'sz/futian/xiangmihu/c-001|2025-03-03',
    });
    expect(world.store.docs.get(done.caseNo)).toMatchObject({ live: false });
    const listed = await world.queries.list({ centreId: running.centreId }, counter);
    expect(listed.map((c) => c.caseNo).sort()).toEqual([running.caseNo, done.caseNo].sort());
  });

  it('reads the cases once per store: a later start only sees that it was done', async () => {
    const { world, sut } = await storeFromBefore();
    await sut.onApplicationBootstrap();
    let reads = 0;
    const find = world.store.find.bind(world.store);
    world.store.find = (filter = {}, projection?: unknown) => {
      reads += 1;
      return find(filter, projection);
    };
    await sut.onApplicationBootstrap();
    expect(reads).toBe(0);
  });
});
