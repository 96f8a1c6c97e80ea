import { CASE_STATE_CODES, FINAL_STATES } from '@psc/contracts/affairs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case } from './case.model';
import { isLive, LIST_WEEKS, newest, onlyLive, weekOf, weekWaves } from './case-keys';

const rectification = (answer: string | null) => ({
  due: '2025-03-10',
  answer,
  answeredAt: null,
  answeredBy: null,
});

describe('isLive', () => {
  it('holds while staff have a step to take or a 差评 waits for its answer, and for nothing finished', () => {
    for (const state of CASE_STATE_CODES)
      expect(isLive({ state, rectification: null })).toBe(
        !FINAL_STATES.includes(state) && state !== 'delivered',
      );
    expect(isLive({ state: 'rated', rectification: rectification(null) })).toBe(true);
    expect(isLive({ state: 'rated', rectification: rectification('已整改') })).toBe(false);
  });
});

describe('weekOf', () => {
  it('is the Monday of the week in Shanghai, whose days start eight hours before UTC’s', () => {
    expect(weekOf(new Date('2025-03-03T02:00:00Z'))).toBe('2025-03-03'); // Monday 10:00
    expect(weekOf(new Date('2025-03-09T15:59:00Z'))).toBe('2025-03-03'); // Sunday 23:59
    expect(weekOf(new Date('2025-03-09T16:00:00Z'))).toBe('2025-03-10'); // Monday 00:00
    expect(weekOf(new Date('2025-01-01T04:00:00Z'))).toBe('2024-12-30'); // across the year
  });

  it('is a Monday at most six days before, for any instant', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
        (at) => {
          const monday = new Date(`${weekOf(at)}T00:00:00+08:00`);
          expect(monday.getUTCDay()).toBe(0); // Monday 00:00 in Shanghai is Sunday 16:00 UTC
          expect(at.getTime() - monday.getTime()).toBeGreaterThanOrEqual(0);
          expect(at.getTime() - monday.getTime()).toBeLessThan(7 * 86_400_000);
        },
      ),
    );
  });
});

describe('weekWaves', () => {
  it('names this week and the ones before it, newest first, a few more in each read', () => {
    const waves = weekWaves('c-1', new Date('2025-03-05T02:00:00Z'));
    expect(waves.map((w) => w.length)).toEqual([1, 2, 4, 6]);
    const keys = waves.flat();
    expect(keys).toHaveLength(LIST_WEEKS);
    expect(keys.slice(0, 3)).toEqual(['c-1|2025-03-03', 'c-1|2025-02-24', 'c-1|2025-02-17']);
    expect(keys.at(-1)).toBe('c-1|2024-12-09');
  });
});

describe('onlyLive', () => {
  it('is true of the lists no finished case can be on', () => {
    expect(onlyLive({})).toBe(false);
    expect(onlyLive({ sla: 'overdue' })).toBe(true);
    expect(onlyLive({ state: 'assigned' })).toBe(true);
    expect(onlyLive({ state: 'correcting' })).toBe(true);
    expect(onlyLive({ state: 'rated' })).toBe(false);
    expect(onlyLive({ state: 'delivered' })).toBe(false);
  });
});

describe('newest', () => {
  it('keeps each case once, the newest first, up to the limit', () => {
    const at = (id: string, day: number) => ({ _id: id, openedAt: new Date(Date.UTC(2025, 2, day)) }) as Case;
    const list = newest([at('a', 1), at('b', 3), at('c', 2), at('b', 3)], 2);
    expect(list.map((c) => c._id)).toEqual(['b', 'c']);
  });
});
