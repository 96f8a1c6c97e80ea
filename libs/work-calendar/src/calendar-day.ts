import { WorkCalendarError } from './work-calendar.errors';

// A calendar day is a 'YYYY-MM-DD' string with no time and no zone. All arithmetic below runs on UTC fields of a
// Date used as a plain counter, so the server's own TZ never shifts a day.

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DayParts {
  year: number;
  month: number;
  day: number;
}

export function parseDay(day: string): DayParts {
  const match = typeof day === 'string' ? DAY_RE.exec(day) : null;
  if (match) {
    const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const utc = new Date(Date.UTC(year, month - 1, date));
    // Date.UTC rolls 2026-02-30 over into March; a real day survives the round trip
    if (utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === date) {
      return { year, month, day: date };
    }
  }
  throw new WorkCalendarError('WORK_CALENDAR.INVALID_DAY', { day });
}

export const formatDay = ({ year, month, day }: DayParts): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export function addDays(day: string, count: number): string {
  const { year, month, day: date } = parseDay(day);
  const shifted = new Date(Date.UTC(year, month - 1, date) + count * DAY_MS);
  return formatDay({
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  const { year, month, day: date } = parseDay(day);
  return new Date(Date.UTC(year, month - 1, date)).getUTCDay();
}
