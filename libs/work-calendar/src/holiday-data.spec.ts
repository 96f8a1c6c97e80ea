import { describe, expect, it } from 'vitest';
import { checkHolidayData, coveredYearsOf, HOLIDAY_DATA } from './holiday-data';
import { coveredYears, isWorkingDay } from './work-calendar';
import { WorkCalendarError } from './work-calendar.errors';

// Expected values are copied by hand from the State Council notices (国务院办公厅关于 2024/2025/2026 年部分节假日
// 安排的通知), not from the package, so these tests catch a wrong or missing year in the data.
const MAKE_UP_WORKING_WEEKEND_DAYS: Record<number, string[]> = {
  2024: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
  2025: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  2026: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
};
// Monday–Friday days off (weekend days inside a holiday block are off anyway)
const WEEKDAYS_OFF: Record<number, string[]> = {
  2024: [
    ...['01-01', '02-12', '02-13', '02-14', '02-15', '02-16', '04-04', '04-05', '05-01', '05-02', '05-03'],
    ...['06-10', '09-16', '09-17', '10-01', '10-02', '10-03', '10-04', '10-07'],
  ],
  2025: [
    ...['01-01', '01-28', '01-29', '01-30', '01-31', '02-03', '02-04', '04-04', '05-01', '05-02', '05-05'],
    ...['06-02', '10-01', '10-02', '10-03', '10-06', '10-07', '10-08'],
  ],
  2026: [
    ...['01-01', '01-02', '02-16', '02-17', '02-18', '02-19', '02-20', '02-23', '04-06', '05-01', '05-04'],
    ...['05-05', '06-19', '09-25', '10-01', '10-02', '10-05', '10-06', '10-07'],
  ],
};

// the test's own weekday, independent of the library's helpers
const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

function daysOf(year: number): string[] {
  const days: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

function reasonOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    if (error instanceof WorkCalendarError && error.code === 'WORK_CALENDAR.DATA_INVALID')
      return error.details.reason;
    throw error;
  }
  return undefined;
}

describe('holiday data (chinese-days)', () => {
  it('covers at least 2024 to 2026', () => {
    const { from, to } = coveredYears();
    expect(from).toBeLessThanOrEqual(2024);
    expect(to).toBeGreaterThanOrEqual(2026);
  });

  for (const year of [2024, 2025, 2026]) {
    it(`matches the State Council notice for ${year} on every day of the year`, () => {
      const days = daysOf(year);
      const workingWeekendDays = days.filter((d) => isWeekend(d) && isWorkingDay(d)).map((d) => d.slice(5));
      const weekdaysOff = days.filter((d) => !isWeekend(d) && !isWorkingDay(d)).map((d) => d.slice(5));
      expect(workingWeekendDays).toEqual(MAKE_UP_WORKING_WEEKEND_DAYS[year]);
      expect(weekdaysOff).toEqual(WEEKDAYS_OFF[year]);
    });
  }

  it('has the 2026 Spring Festival as 15–23 February with Saturdays 14 and 28 February worked', () => {
    expect(isWorkingDay('2026-02-13')).toBe(true);
    expect(isWorkingDay('2026-02-14')).toBe(true);
    for (let d = 15; d <= 23; d++) expect(isWorkingDay(`2026-02-${d}`)).toBe(false);
    expect(isWorkingDay('2026-02-24')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(isWorkingDay('2026-03-01')).toBe(false);
  });

  it('refuses data whose shape changed instead of treating every day as a plain weekday', () => {
    expect(() => checkHolidayData(null)).toThrow(WorkCalendarError);
    expect(() => checkHolidayData({ holidays: [], workdays: {} })).toThrow(WorkCalendarError);
    expect(() => checkHolidayData({ holidays: { '2026/02/15': 'x' }, workdays: {} })).toThrow(
      WorkCalendarError,
    );
    expect(() => checkHolidayData({ holidays: { '2026-02-15': 'x' } })).toThrow(WorkCalendarError);
    expect(
      reasonOf(() => checkHolidayData({ holidays: { '2026-02-14': 'x' }, workdays: { '2026-02-14': 'y' } })),
    ).toBe('days both off and working: 2026-02-14');
    expect(
      reasonOf(() => coveredYearsOf({ holidays: { '2030-10-01': 'x', '2032-10-01': 'x' }, workdays: {} })),
    ).toBe('years missing between 2030 and 2032');
    expect(Object.keys(HOLIDAY_DATA.holidays).length).toBeGreaterThan(100);
  });
});
