import { BOOKING_SLOT_MINUTES, MAX_BOOKING_DAYS } from '@psc/contracts/socialorg';
import { AppError } from '@psc/server-kit';
import { formatShanghaiDateTime, formatShanghaiTime, shanghaiDay } from '@psc/util';
import { endOfShanghaiDay, startOfShanghaiDay } from '@psc/work-calendar';
import type { StoredBooking } from './room-calendar.model';

const SLOT_MS = BOOKING_SLOT_MINUTES * 60_000;
const DAY_MS = 86_400_000;

export const calendarId = (centreId: string, room: string) => `${centreId}|${room}`;

const invalid = (message: string, field: string) =>
  new AppError('SOCIALORG.BOOKING_INVALID', message, [{ field, message }]);

/**
 * A booking starts and ends on half-hour boundaries, lies ahead, lasts at most a month (office space is booked a
 * month at a time) and within the incubation period the base granted.
 */
export function checkBookingTimes(
  from: Date,
  to: Date,
  now: Date,
  period: { from: string; until: string },
): void {
  if (from.getTime() % SLOT_MS !== 0 || to.getTime() % SLOT_MS !== 0)
    throw invalid(`预订须从整点或半点开始和结束（以 ${BOOKING_SLOT_MINUTES} 分钟为单位）`, 'from');
  if (to <= from) throw invalid('结束时间须晚于开始时间', 'to');
  if (from < now) throw invalid('不能预订已经过去的时间', 'from');
  if (to.getTime() - from.getTime() > MAX_BOOKING_DAYS * DAY_MS)
    throw invalid(`一次最多预订 ${MAX_BOOKING_DAYS} 天，更长的请分次预订`, 'to');
  if (from < startOfShanghaiDay(period.from) || to > endOfShanghaiDay(period.until))
    throw invalid(`只能预订孵化期内（${period.from} 至 ${period.until}）的时间`, 'from');
}

/** The standing bookings that share any instant with [from, to): intervals touching end to start do not clash. */
export const clashes = (bookings: readonly StoredBooking[], from: Date, to: Date): StoredBooking[] =>
  bookings.filter((b) => !b.released && b.from < to && from < b.to);

/** `2025-03-10 09:00–12:00` in Shanghai time, or both ends in full when they fall on different days. */
export function describeSpan(from: Date, to: Date): string {
  return shanghaiDay(from) === shanghaiDay(new Date(to.getTime() - 1))
    ? `${formatShanghaiDateTime(from)}–${formatShanghaiTime(to)}`
    : `${formatShanghaiDateTime(from)} 至 ${formatShanghaiDateTime(to)}`;
}

/** The refusal of a booking that clashes, naming who holds the room and when. */
export function roomTaken(room: string, clash: StoredBooking, showHolder: boolean): AppError {
  return new AppError(
    'SOCIALORG.ROOM_TAKEN',
    `${room}在${describeSpan(clash.from, clash.to)}已被${showHolder ? `“${clash.orgName}”` : '其他组织'}预订，请换一个时段`,
    { bookingId: showHolder ? clash._id : null, from: clash.from.toISOString(), to: clash.to.toISOString() },
  );
}
