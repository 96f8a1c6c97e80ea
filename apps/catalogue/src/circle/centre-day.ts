import {
  type Centre,
  type CentreToday,
  type Location,
  ROUTE_FACTOR,
  WALK_METRES_PER_MINUTE,
} from '@psc/contracts/catalogue';
import { shanghaiClock, shanghaiDay } from '@psc/util';
import { isWorkingDay } from '@psc/work-calendar';

type Hours = Centre['hours'];
type Period = { open: string; close: string };

const MONDAY = 1;
const SUNDAY = 7;

/** ISO weekday (Monday 1 … Sunday 7) of a `YYYY-MM-DD` day. */
export function isoWeekday(day: string): number {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday === 0 ? SUNDAY : weekday;
}

/**
 * What kind of day it is for a centre, by the State Council's arrangement (@psc/work-calendar): a weekday off is a
 * public holiday, a weekend day on is a 调休 make-up workday. A holiday that falls on a weekend reads as weekend.
 */
export function dayKind(day: string): CentreToday['kind'] {
  const weekend = isoWeekday(day) >= 6;
  const working = isWorkingDay(day);
  if (weekend) return working ? 'makeup' : 'weekend';
  return working ? 'workday' : 'holiday';
}

/** The opening periods of `hours` on a day: holidays closed or on Sunday's hours, make-up days on Monday's. */
export function periodsOn(hours: Hours, day: string, holidays: Centre['holidays']): Period[] {
  const kind = dayKind(day);
  if (kind === 'holiday' && holidays === 'closed') return [];
  const weekday = kind === 'holiday' ? SUNDAY : kind === 'makeup' ? MONDAY : isoWeekday(day);
  return hours
    .filter((h) => h.weekdays.includes(weekday))
    .map(({ open, close }) => ({ open, close }))
    .sort((a, b) => a.open.localeCompare(b.open));
}

/** A centre's day in Shanghai at `now`, and whether it is open at that moment. */
export function centreToday(centre: Pick<Centre, 'hours' | 'holidays'>, now: Date): CentreToday {
  const date = shanghaiDay(now);
  const { time } = shanghaiClock(now);
  const periods = periodsOn(centre.hours, date, centre.holidays);
  return {
    date,
    kind: dayKind(date),
    periods,
    openNow: periods.some((p) => p.open <= time && time < p.close),
  };
}

const EARTH_METRES = 6_371_008.8; // mean radius (IUGG)
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine): city distances, where it is within a metre of the ellipsoid's. */
export function distanceMetres(a: Location, b: Location): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Minutes on foot for a straight-line distance (see WALK_METRES_PER_MINUTE and ROUTE_FACTOR), at least 1. */
export const walkMinutes = (metres: number) =>
  Math.max(1, Math.round((metres * ROUTE_FACTOR) / WALK_METRES_PER_MINUTE));
