import { BOOKING_DAYS_AHEAD, type Centre, type Room } from '@psc/contracts/catalogue';
import { shanghaiClock, shanghaiDay } from '@psc/util';
import { isoWeekday, periodsOn } from '../circle/centre-day';

export interface Slot {
  start: string;
  end: string;
}

const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const clockOf = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` shifted by whole days (calendar arithmetic on UTC noon, so no zone moves it). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the week a day is in: the week a booking counts against (MAX_BOOKINGS_PER_WEEK). */
export const weekOf = (day: string) => addDays(day, 1 - isoWeekday(day));

/**
 * A room's slots on a day: each opening period (the room's own hours, or its centre's) cut into `slotMinutes`
 * from its start, the last one ending by the close. Holidays and 调休 follow the centre's (see periodsOn).
 */
export function slotsOf(room: Room, centre: Pick<Centre, 'hours' | 'holidays'>, day: string): Slot[] {
  const hours = room.hours.length > 0 ? room.hours : centre.hours;
  const slots: Slot[] = [];
  for (const period of periodsOn(hours, day, centre.holidays))
    for (let m = minutes(period.open); m + room.slotMinutes <= minutes(period.close); m += room.slotMinutes)
      slots.push({ start: clockOf(m), end: clockOf(m + room.slotMinutes) });
  return slots;
}

/** One booking holds the whole room, or one of `capacity` places. */
export const placesOf = (room: Room) => (room.booking === 'seats' ? room.capacity : 1);

/** Whether a slot has begun at `now` (Shanghai's clock). */
export function hasBegun(day: string, start: string, now: Date): boolean {
  const today = shanghaiDay(now);
  return day < today || (day === today && start <= shanghaiClock(now).time);
}

/** The days residents may book: today and the BOOKING_DAYS_AHEAD - 1 after it. */
export function withinBookingWindow(day: string, now: Date): boolean {
  const today = shanghaiDay(now);
  return day >= today && day <= addDays(today, BOOKING_DAYS_AHEAD - 1);
}
