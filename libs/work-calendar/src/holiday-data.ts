// The State Council's arrangements as published by the `chinese-days` package (vsme/chinese-days, MIT). We read
// its JSON, which its README documents as a published artefact, and not its isWorkday()/getDayDetail(): those build
// dates with the process's local time zone, so on a server west of UTC they answer for the previous day.
import published from 'chinese-days/dist/chinese-days.json';
import { WorkCalendarError } from './work-calendar.errors';

/** day → "English name,中文名,days by law"; both maps are keyed by 'YYYY-MM-DD' in China's calendar. */
export interface HolidayData {
  /** days off: statutory holidays and the weekdays swapped into a holiday block (调休放假) */
  holidays: Readonly<Record<string, string>>;
  /** weekend days that are working days (调休上班 / 补班) */
  workdays: Readonly<Record<string, string>>;
}

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

// Checked once at import, so that a change of shape in a future release fails loudly instead of making every day a
// plain weekday.
export function checkHolidayData(data: unknown): HolidayData {
  const fail = (reason: string): never => {
    throw new WorkCalendarError('WORK_CALENDAR.DATA_INVALID', { reason });
  };
  if (typeof data !== 'object' || data === null) return fail('not an object');
  const { holidays, workdays } = data as Record<string, unknown>;
  const isDayMap = (map: unknown): map is Record<string, string> =>
    typeof map === 'object' &&
    map !== null &&
    !Array.isArray(map) &&
    Object.entries(map).every(([key, value]) => DAY_KEY.test(key) && typeof value === 'string');
  if (!isDayMap(holidays)) return fail('holidays is not a map of YYYY-MM-DD keys');
  if (!isDayMap(workdays)) return fail('workdays is not a map of YYYY-MM-DD keys');
  const both = Object.keys(workdays).filter((day) => day in holidays);
  if (both.length > 0) return fail(`days both off and working: ${both.join(', ')}`);
  return { holidays, workdays };
}

/**
 * The years whose arrangements the data holds. 国庆节 (1 October) is a day off every year by law and each year's
 * notice lists it, so a year counts as covered when its 1 October is listed; a gap in between is a data error.
 */
export function coveredYearsOf(data: HolidayData): { from: number; to: number } {
  const years = Object.keys(data.holidays)
    .filter((day) => day.endsWith('-10-01'))
    .map((day) => Number(day.slice(0, 4)))
    .sort((a, b) => a - b);
  if (years.length === 0) {
    throw new WorkCalendarError('WORK_CALENDAR.DATA_INVALID', { reason: 'no year has 1 October listed' });
  }
  const from = years[0];
  const to = years[years.length - 1];
  if (years.length !== to - from + 1) {
    throw new WorkCalendarError('WORK_CALENDAR.DATA_INVALID', {
      reason: `years missing between ${from} and ${to}`,
    });
  }
  return { from, to };
}

export const HOLIDAY_DATA: HolidayData = checkHolidayData(published);
