import { describe, expect, it } from 'vitest';
import { isoWeek, periodsBetween, periodsOfInstant, placesOf } from './periods';

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
});
