import { describe, expect, it } from 'vitest';
import { bucketOf, bucketsOf, isoWeek, periodsBetween, periodsOfInstant, placesOf } from './periods';

describe('dashboard periods', () => {
  it('numbers weeks as ISO 8601 does, across the turn of the year', () => {
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
    expect(isoWeek('2026-11-29')).toBe('2026-W48');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
  });

  it('files an instant under its Shanghai day and hour, not its UTC one', () => {
    expect(periodsOfInstant(new Date('2026-11-30T16:30:00.000Z'))).toEqual({
      periods: { day: '2026-12-01', week: '2026-W49', month: '2026-12' },
      hour: '00',
    });
  });

  it('lists the periods touching a range', () => {
    expect(periodsBetween('week', '2026-12-27', '2027-01-05')).toEqual(['2026-W52', '2026-W53', '2027-W01']);
    expect(periodsBetween('month', '2026-11-30', '2027-01-01')).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('places a centre under its street, district and city', () => {
    expect(placesOf('sz/futian/xiangmihu/c-001')).toEqual([
      'sz/futian/xiangmihu/c-001',
      'sz/futian/xiangmihu',
      'sz/futian',
      'sz',
    ]);
  });

  it('files a day under its month, a week under its ISO year and a month under its year', () => {
    expect(bucketOf('day', '2026-11-30')).toBe('2026-11');
    // 1 Jan 2027 is a Friday: its week, and so its bucket, is 2026's
    expect(bucketOf('week', isoWeek('2027-01-01'))).toBe('2026');
    expect(bucketOf('month', '2027-01')).toBe('2027');
  });

  it('reads the longest range each grain allows in a handful of buckets', () => {
    const buckets = (grain: 'day' | 'week' | 'month', from: string, to: string) =>
      bucketsOf('sz/futian', grain, periodsBetween(grain, from, to));
    expect(buckets('day', '2026-01-31', '2026-05-02')).toEqual([
      'sz/futian|day|2026-01',
      'sz/futian|day|2026-02',
      'sz/futian|day|2026-03',
      'sz/futian|day|2026-04',
      'sz/futian|day|2026-05',
    ]);
    expect(buckets('week', '2025-12-29', '2027-08-01')).toEqual([
      'sz/futian|week|2026',
      'sz/futian|week|2027',
    ]);
    expect(buckets('month', '2026-01-01', '2026-12-31')).toEqual(['sz/futian|month|2026']);
  });
});
