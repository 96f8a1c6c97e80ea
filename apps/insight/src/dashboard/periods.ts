import type { DashboardGrain } from '@psc/contracts/insight';
import { shanghaiDay } from '@psc/work-calendar';

const DAY_MS = 86_400_000;
const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
// built once: constructing an Intl.DateTimeFormat is the expensive part, and every event asks it
const shanghaiHour = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** ISO 8601 week of a calendar day, e.g. 2026-W48: weeks start on Monday and belong to the year of their Thursday. */
export function isoWeek(day: string): string {
  const ms = utc(day);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  const thursday = new Date(ms + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function periodOf(grain: DashboardGrain, day: string): string {
  switch (grain) {
    case 'day':
      return day;
    case 'week':
      return isoWeek(day);
    case 'month':
      return day.slice(0, 7);
  }
}

/** The periods of a Shanghai instant at every grain, and its hour of the day (00–23). */
export function periodsOfInstant(at: Date): { periods: Record<DashboardGrain, string>; hour: string } {
  const day = shanghaiDay(at);
  const hour = shanghaiHour.format(at);
  return { periods: { day, week: isoWeek(day), month: day.slice(0, 7) }, hour };
}

/** The periods touching [from, to], oldest first. */
export function periodsBetween(grain: DashboardGrain, from: string, to: string): string[] {
  const periods: string[] = [];
  for (let ms = utc(from); ms <= utc(to); ms += DAY_MS) {
    const period = periodOf(grain, dayOf(ms));
    if (periods.at(-1) !== period) periods.push(period);
  }
  return periods;
}

/** A place and the places above it, centre first: sz/futian/xiangmihu/c-001 → …, sz/futian, sz. */
export function placesOf(centreId: string): string[] {
  const segments = centreId.split('/');
  return segments.map((_, i) => segments.slice(0, segments.length - i).join('/'));
}

/** The counter document of a place in a period. */
export const counterId = (place: string, grain: DashboardGrain, period: string) =>
  `${place}|${grain}|${period}`;

/**
 * The bucket a period's document is read in: a day's month, a week's ISO year, a month's year. FerretDB serves only
 * equality from an index, so a range of periods is read as one equality query per bucket it touches (at most 5 for
 * the 92 days a daily range may span, 3 for the longest weekly one, 9 for monthly) instead of a point read per period.
 */
export function bucketOf(grain: DashboardGrain, period: string): string {
  return grain === 'day' ? period.slice(0, 7) : period.slice(0, 4);
}

export const bucketId = (place: string, grain: DashboardGrain, period: string) =>
  `${place}|${grain}|${bucketOf(grain, period)}`;

/** The keys a period's counter document is found by, set with every count it receives. */
export const periodKeys = (place: string, grain: DashboardGrain, period: string) => ({
  place,
  grain,
  period,
  bucket: bucketId(place, grain, period),
});

/** The buckets of a place's periods, each once, oldest first. */
export const bucketsOf = (place: string, grain: DashboardGrain, periods: string[]) => [
  ...new Set(periods.map((period) => bucketId(place, grain, period))),
];

/** The one document of a place's levels (see CounterFact.standing). */
export const standingId = (place: string) => `${place}|now`;
