import type { Centre } from '@psc/contracts/catalogue';
import { describe, expect, it } from 'vitest';
import { centreToday, dayKind, distanceMetres, periodsOn, walkMinutes } from './centre-day';

const hours: Centre['hours'] = [
  { weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '18:00' },
  { weekdays: [1, 2, 3, 4, 5], open: '19:00', close: '21:00' },
  { weekdays: [6, 7], open: '09:00', close: '17:00' },
];

describe('a centre day', () => {
  it('tells workdays, weekends, public holidays and 调休 make-up days apart (2026 arrangement)', () => {
    expect(dayKind('2026-12-02')).toBe('workday'); // a Wednesday
    expect(dayKind('2026-12-05')).toBe('weekend');
    expect(dayKind('2026-10-01')).toBe('holiday'); // 国庆节, a Thursday
    expect(dayKind('2026-09-20')).toBe('makeup'); // a Sunday worked for the National Day week
  });

  it('opens on holidays by the centre’s policy, and on make-up days with Monday’s hours', () => {
    expect(periodsOn(hours, '2026-10-01', 'closed')).toEqual([]);
    expect(periodsOn(hours, '2026-10-01', 'weekend')).toEqual([{ open: '09:00', close: '17:00' }]);
    expect(periodsOn(hours, '2026-09-20', 'closed')).toHaveLength(2);
    expect(periodsOn(hours, '2026-12-05', 'closed')).toEqual([{ open: '09:00', close: '17:00' }]);
  });

  it('is open now on Shanghai’s clock, whatever the server’s zone', () => {
    const centre = { hours, holidays: 'closed' as const };
    // 18:30 in Shanghai on a Wednesday: between the two periods
    expect(centreToday(centre, new Date('2026-12-02T10:30:00Z'))).toMatchObject({
      date: '2026-12-02',
      kind: 'workday',
      openNow: false,
    });
    expect(centreToday(centre, new Date('2026-12-02T11:00:00Z')).openNow).toBe(true); // 19:00
    expect(centreToday(centre, new Date('2026-12-02T13:00:00Z')).openNow).toBe(false); // 21:00 closes
  });
});

describe('distance and walking time', () => {
  it('measures a known distance: one degree of latitude is 111.2 km', () => {
    expect(distanceMetres({ lat: 22, lng: 114 }, { lat: 23, lng: 114 })).toBeCloseTo(111_195, -1);
    expect(distanceMetres({ lat: 22.551, lng: 114.023 }, { lat: 22.551, lng: 114.023 })).toBe(0);
  });

  it('walks 4 km/h along streets 1.3 times the straight line', () => {
    expect(walkMinutes(1000)).toBe(20); // 1300 m at 66.7 m/min
    expect(walkMinutes(770)).toBe(15);
    expect(walkMinutes(10)).toBe(1);
  });
});
