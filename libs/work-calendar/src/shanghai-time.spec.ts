import { describe, expect, it } from 'vitest';
import { addDays, parseDay, weekdayOf } from './calendar-day';
import { endOfShanghaiDay, shanghaiDay, startOfShanghaiDay } from './shanghai-time';
import { WorkCalendarError } from './work-calendar.errors';

describe('calendar days', () => {
  it('accepts real YYYY-MM-DD days only', () => {
    expect(parseDay('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2026-02-29', '2026-2-14', '2026-02-14T00:00:00Z', '20260214', '']) {
      expect(() => parseDay(bad)).toThrow(WorkCalendarError);
    }
  });

  it('steps across month and year ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('knows the weekday (0 = Sunday)', () => {
    expect(weekdayOf('2026-02-13')).toBe(5); // Friday
    expect(weekdayOf('2026-02-14')).toBe(6); // Saturday
    expect(weekdayOf('2025-09-28')).toBe(0); // Sunday
  });
});

describe('Asia/Shanghai instants', () => {
  it('puts an instant on its Shanghai calendar day, not its UTC day', () => {
    // 17:30 UTC on the 13th is 01:30 on the 14th in Shanghai (UTC+8)
    expect(shanghaiDay(new Date('2026-02-13T17:30:00Z'))).toBe('2026-02-14');
    expect(shanghaiDay(new Date('2026-02-13T15:59:59.999Z'))).toBe('2026-02-13');
    expect(shanghaiDay(new Date('2026-02-13T16:00:00Z'))).toBe('2026-02-14');
    expect(shanghaiDay(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
  });

  it('gives the start and end of a Shanghai day as instants', () => {
    expect(startOfShanghaiDay('2026-02-25').toISOString()).toBe('2026-02-24T16:00:00.000Z');
    expect(endOfShanghaiDay('2026-02-25').toISOString()).toBe('2026-02-25T15:59:59.999Z');
    expect(endOfShanghaiDay('2026-12-31').toISOString()).toBe('2026-12-31T15:59:59.999Z');
  });

  it('refuses an invalid Date', () => {
    expect(() => shanghaiDay(new Date('not a date'))).toThrow(WorkCalendarError);
  });
});
