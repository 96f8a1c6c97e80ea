// Every centre is in China: staff and residents read times on Shanghai's clock, whatever zone the terminal or the
// workstation was set to. Building an Intl.DateTimeFormat is the expensive part, so each one is made once.
export const SHANGHAI = 'Asia/Shanghai';

type Instant = Date | string;

const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format)
    formats.set(key, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone: SHANGHAI })));
  return format;
}

function toDate(at: Instant): Date {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) throw new RangeError(`时间无效：${String(at)}`);
  return date;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The wall clock in Shanghai at an instant; hourCycle h23 so that midnight reads 00, never 24. */
function wallClock(at: Instant) {
  const parts = dateFormat('en-US', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(toDate(at));
  return Object.fromEntries(parts.map((p) => [p.type, p.value])) as Record<
    'year' | 'month' | 'day' | 'weekday' | 'hour' | 'minute',
    string
  >;
}

/** The Shanghai calendar day of an instant, `2026-05-06`: the form the services give due dates in. */
export function shanghaiDay(at: Instant): string {
  const { year, month, day } = wallClock(at);
  return `${year}-${month}-${day}`;
}

/** ISO weekday (Monday 1 … Sunday 7) and `HH:mm` in Shanghai, to compare with a centre's opening hours. */
export function shanghaiClock(at: Instant): { weekday: number; time: string } {
  const { weekday, hour, minute } = wallClock(at);
  return { weekday: WEEKDAYS[weekday], time: `${hour}:${minute}` };
}

/** `2026-05-06 09:30`, for tables and timelines on a desk. */
export function formatShanghaiDateTime(at: Instant): string {
  const { year, month, day, hour, minute } = wallClock(at);
  return `${year}-${month}-${day} ${hour}:${minute}`;
}

/** `09:30`, for today's queue. */
export const formatShanghaiTime = (at: Instant): string => shanghaiClock(at).time;

/** An instant in words of the screen's language: `2026年5月6日 09:30`, `May 6, 2026 at 09:30`. */
export function formatShanghai(
  at: Instant,
  locale: string,
  style: Pick<Intl.DateTimeFormatOptions, 'dateStyle' | 'timeStyle'> = {
    dateStyle: 'long',
    timeStyle: 'short',
  },
): string {
  return dateFormat(locale, { ...style, ...(style.timeStyle && { hourCycle: 'h23' }) }).format(toDate(at));
}

/** A calendar day as the services send it (`2026-05-06`) in words: `2026年5月6日`, `May 6, 2026`. */
export function formatDay(
  day: string,
  locale: string,
  dateStyle: Intl.DateTimeFormatOptions['dateStyle'] = 'long',
): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`日期无效：${day}`);
  // noon in Shanghai: the same calendar day whichever way the formatter reads it
  return dateFormat(locale, { dateStyle }).format(new Date(`${day}T12:00:00+08:00`));
}
