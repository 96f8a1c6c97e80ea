import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fiveOnesMet,
  fiveOnesOf,
  hoursOf,
  minutesToNextStar,
  servedMinutes,
  starLevelOf,
  wishTextProblem,
} from './rules';

const at = (hhmm: string) => new Date(`2026-03-03T${hhmm}:00+08:00`);
const activity = { startsAt: at('09:00'), endsAt: at('12:00') };

describe('hoursOf', () => {
  it('shows hours in whole quarters, reversals too', () => {
    expect(hoursOf(75)).toBe('1.25');
    expect(hoursOf(89)).toBe('1.25');
    expect(hoursOf(120)).toBe('2');
    expect(hoursOf(-75)).toBe('-1.25');
  });
});

describe('servedMinutes', () => {
  it('counts from check-in to check-out, clipped to the activity, down to the quarter hour', () => {
    expect(servedMinutes(activity, at('08:30'), at('12:40'))).toBe(180);
    expect(servedMinutes(activity, at('09:05'), at('10:19'))).toBe(60);
    expect(servedMinutes(activity, at('12:10'), at('12:30'))).toBe(0);
  });

  it('is a multiple of 15 minutes and never more than the activity or the presence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 600 }), (inAt, stay) => {
        const checkIn = new Date(at('07:00').getTime() + inAt * 60_000);
        const minutes = servedMinutes(activity, checkIn, new Date(checkIn.getTime() + stay * 60_000));
        expect(minutes % 15).toBe(0);
        expect(minutes).toBeLessThanOrEqual(Math.min(180, stay));
        expect(minutes).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('star levels', () => {
  it('stand at 100 / 300 / 600 / 1000 / 1500 hours', () => {
    expect([99, 100, 299, 300, 600, 1000, 1499, 1500, 5000].map((h) => starLevelOf(h * 60))).toEqual([
      0, 1, 1, 2, 3, 4, 4, 5, 5,
    ]);
    expect(minutesToNextStar(99 * 60)).toBe(60);
    expect(minutesToNextStar(1500 * 60)).toBeNull();
  });
});

describe('五个一', () => {
  it('counts service days as distinct days and is met when every item happened at least once', () => {
    const counts = fiveOnesOf(
      [
        { category: 'service', day: '2026-03-01' },
        { category: 'service', day: '2026-03-01' },
        { category: 'party_life', day: '2026-04-01' },
        { category: 'talk', day: '2026-05-01' },
        { category: 'survey', day: '2026-06-01' },
      ],
      1,
    );
    expect(counts).toEqual({ partyLife: 1, talk: 1, survey: 1, wish: 1, serviceDay: 1 });
    expect(fiveOnesMet(counts)).toBe(true);
    expect(fiveOnesMet({ ...counts, wish: 0 })).toBe(false);
  });
});

describe('wishTextProblem', () => {
  it('lets a plain wish through and refuses phone and ID numbers', () => {
    expect(wishTextProblem('希望有人陪老人下棋聊天')).toBeNull();
    expect(wishTextProblem('联系 0755-83211234 帮忙搬家具')).toMatch(/电话号码/);
    expect(wishTextProblem('我的号码13912345678')).toMatch(/电话号码/);
    expect(wishTextProblem('11010519491231002X 取药')).toMatch(/身份证/);
  });
});
