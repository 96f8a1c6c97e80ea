import { describe, expect, it } from 'vitest';
import { type Effect, guard, mergeEffects, planRounds } from './effects';

const effect = (
  collection: string,
  id: string,
  eventId: string,
  update: Effect['update'] = { $inc: { n: 1 } },
): Effect => ({
  collection,
  id,
  eventIds: [eventId],
  update,
});

describe('consumer effects', () => {
  it('guards an update so the same event cannot apply twice', () => {
    const guarded = guard(effect('view', 'a', 'e1', { $inc: { n: 1 }, $push: { log: 'x' } }));
    expect(guarded.filter).toEqual({ _id: 'a', _seen: { $nin: ['e1'] } });
    expect(guarded.update).toEqual({ $inc: { n: 1 }, $push: { log: 'x', _seen: { $each: ['e1'] } } });
    expect(guarded.upsert).toBe(true);
  });

  it('merges a batch of counter updates on one document into one exact write', () => {
    const merged = mergeEffects([
      effect('themes', '民政', 'e1', { $inc: { drafted: 1 }, $set: { at: 1 } }),
      effect('themes', '养老', 'e2'),
      effect('themes', '民政', 'e3', { $inc: { drafted: 1, other: 2 }, $set: { at: 3 } }),
    ]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({
      id: '民政',
      eventIds: ['e1', 'e3'],
      update: { $inc: { drafted: 2, other: 2 }, $set: { at: 3 } },
    });
    expect(merged[0].parts).toHaveLength(2);
    expect(merged[1]).toEqual(effect('themes', '养老', 'e2'));
  });

  it('leaves effects with other operators unmerged, in order', () => {
    const effects = [
      effect('v', 'a', 'e1', { $push: { log: 1 } }),
      effect('v', 'a', 'e2', { $inc: { n: 1 } }),
    ];
    expect(mergeEffects(effects)).toEqual(effects);
  });

  it('puts one document at most once in each round and keeps its order', () => {
    const rounds = planRounds([
      effect('view', 'a', 'e1'),
      effect('view', 'b', 'e2'),
      effect('view', 'a', 'e3'),
      effect('other', 'a', 'e4'),
      effect('view', 'a', 'e5'),
    ]);
    const ids = rounds.map((round) =>
      [...round].flatMap(([collection, effects]) =>
        effects.map((e) => `${collection}/${e.id}/${e.eventIds[0]}`),
      ),
    );
    expect(ids).toEqual([['view/a/e1', 'view/b/e2', 'other/a/e4'], ['view/a/e3'], ['view/a/e5']]);
  });
});
