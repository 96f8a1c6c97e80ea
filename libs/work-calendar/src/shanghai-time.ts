import { formatDay, parseDay } from './calendar-day';
import { WorkCalendarError } from './work-calendar.errors';

export const CALENDAR_TIME_ZONE = 'Asia/Shanghai';

// One formatter, reused: building an Intl.DateTimeFormat is the expensive part. hourCycle h23 so that midnight is
// 00 and never 24 (some engines print 24 with hour12: false).
const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: CALENDAR_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function wallClock(instant: Date) {
  const fields: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return fields as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
}

function assertInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new WorkCalendarError('WORK_CALENDAR.INVALID_ARGUMENT', { instant: String(instant) }, '时间无效');
  }
}

/** The calendar day an instant falls on in Asia/Shanghai, whatever the process's own time zone. */
export function shanghaiDay(instant: Date): string {
  assertInstant(instant);
  const { year, month, day } = wallClock(instant);
  return formatDay({ year, month, day });
}

// Shanghai's offset at an instant, in ms (UTC+8 since 1991, but asked of the tz database rather than assumed)
function offsetAt(epochMs: number): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const { year, month, day, hour, minute, second } = wallClock(new Date(whole));
  return Date.UTC(year, month - 1, day, hour, minute, second) - whole;
}

/** The instant a Shanghai calendar day starts (00:00 local). */
export function startOfShanghaiDay(day: string): Date {
  const { year, month, day: date } = parseDay(day);
  const localMidnightAsUtc = Date.UTC(year, month - 1, date);
  let epoch = localMidnightAsUtc - offsetAt(localMidnightAsUtc);
  // a second pass settles the offset if the first guess straddled an offset change
  epoch = localMidnightAsUtc - offsetAt(epoch);
  return new Date(epoch);
}

/** The last millisecond of a Shanghai calendar day: a time limit ending on `day` is met up to and including it. */
export function endOfShanghaiDay(day: string): Date {
  const { year, month, day: date } = parseDay(day);
  const next = new Date(Date.UTC(year, month - 1, date + 1));
  const nextDay = formatDay({
    year: next.getUTCFullYear(),
    month: next.getUTCMonth() + 1,
    day: next.getUTCDate(),
  });
  return new Date(startOfShanghaiDay(nextDay).getTime() - 1);
}
