import { describe, expect, it } from 'vitest';
import { type Effect, guard, planRounds } from './effects';

const effect = (collection: string, id: string, eventId: string): Effect => ({
  collection,
  id,
  eventId,
  update: { $inc: { count: 1 } },
});

describe('consumer effects', () => {
  it('guards an update so the same event cannot apply twice', () => {
    const guarded = guard({ ...effect('view', 'a', 'e1'), update: { $inc: { n: 1 }, $push: { log: 'x' } } });
    expect(guarded.filter).toEqual({ _id: 'a', _seen: { $ne: 'e1' } });
    expect(guarded.update).toMatchObject({ $inc: { n: 1 }, $push: { log: 'x', _seen: { $each: ['e1'] } } });
    expect(guarded.upsert).toBe(true);
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
      [...round].flatMap(([collection, effects]) => effects.map((e) => `${collection}/${e.id}/${e.eventId}`)),
    );
    expect(ids).toEqual([['view/a/e1', 'view/b/e2', 'other/a/e4'], ['view/a/e3'], ['view/a/e5']]);
  });
});
