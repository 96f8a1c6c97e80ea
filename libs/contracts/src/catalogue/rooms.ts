import { z } from 'zod';
import { calendarDay } from '../common/day';
import { ROOM_BOOKING_MODES, type RoomBookingMode } from './item';

/**
 * A resident holds at most this many bookings (personal and group alike, cancelled ones not counted) in any
 * Monday–Sunday week of the slots' dates, and books at most BOOKING_DAYS_AHEAD days ahead, today included.
 */
export const MAX_BOOKINGS_PER_WEEK = 3;
export const BOOKING_DAYS_AHEAD = 14;

const day = calendarDay();
const clock = z.string({ error: '请选择时段' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时段格式应为 HH:mm');

export const roomDayQuery = z.object({ date: day.optional() });
export type RoomDayQuery = z.infer<typeof roomDayQuery>;

export const SLOT_STATES = ['free', 'full', 'past'] as const;
export const roomSlot = z.object({
  start: z.string(),
  end: z.string(),
  /** places booked and places in all: 1 for a whole-room booking, the capacity for seats */
  taken: z.number().int(),
  places: z.number().int(),
  state: z.enum(SLOT_STATES),
});
export type RoomSlot = z.infer<typeof roomSlot>;

const mode = z.enum(Object.keys(ROOM_BOOKING_MODES) as [RoomBookingMode, ...RoomBookingMode[]]);

/** One room on one day with its slots; no slots when it is closed that day. */
export const roomDay = z.object({
  centreId: z.string(),
  roomId: z.string(),
  roomRef: z.string(),
  name: z.string(),
  capacity: z.number().int(),
  description: z.string(),
  booking: mode,
  rules: z.array(z.string()),
  itemCode: z.string().nullable(),
  date: z.string(),
  slots: z.array(roomSlot),
});
export type RoomDay = z.infer<typeof roomDay>;

export const centreRoomsResponse = z.object({
  centreId: z.string(),
  date: z.string(),
  rooms: z.array(roomDay),
  maxPerWeek: z.number().int(),
  daysAhead: z.number().int(),
});
export type CentreRoomsResponse = z.infer<typeof centreRoomsResponse>;

export const BOOKING_PARTIES = { personal: '个人', group: '团队' } as const;
export type BookingParty = keyof typeof BOOKING_PARTIES;

export const bookRoomRequest = z
  .object({
    date: day,
    start: clock,
    party: z.enum(['personal', 'group'], { error: '请选择个人或团队预约' }).default('personal'),
    groupName: z.string().trim().min(2, '团队名称至少 2 个字').max(40, '团队名称最多 40 个字').optional(),
    attendees: z
      .number({ error: '请填写人数' })
      .int('人数应为整数')
      .min(1, '人数至少 1 人')
      .max(1000, '人数最多 1000 人')
      .default(1),
  })
  .superRefine((body, ctx) => {
    if (body.party === 'group' && !body.groupName)
      ctx.addIssue({ code: 'custom', path: ['groupName'], message: '团队预约请填写团队名称' });
  });
export type BookRoomRequest = z.input<typeof bookRoomRequest>;

export const BOOKING_STATUSES = {
  booked: '已预约',
  cancelled: '已取消',
  attended: '已到场',
  no_show: '未到场',
} as const;
export type BookingStatus = keyof typeof BOOKING_STATUSES;

export const roomBookingView = z.object({
  id: z.string(),
  roomRef: z.string(),
  centreId: z.string(),
  centreName: z.string(),
  roomId: z.string(),
  roomName: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  party: z.enum(['personal', 'group']),
  groupName: z.string().nullable(),
  attendees: z.number().int(),
  status: z.enum(Object.keys(BOOKING_STATUSES) as [BookingStatus, ...BookingStatus[]]),
  bookedAt: z.iso.datetime(),
  /** when it was cancelled or its attendance recorded */
  closedAt: z.iso.datetime().nullable(),
});
export type RoomBookingView = z.infer<typeof roomBookingView>;

export const roomParams = z.object({ id: z.string().min(1).max(200), roomId: z.string().min(1).max(40) });
export type RoomParams = z.infer<typeof roomParams>;

export const attendanceRequest = z.object({
  outcome: z.enum(['attended', 'no_show'], { error: '请选择已到场或未到场' }),
});
export type AttendanceRequest = z.infer<typeof attendanceRequest>;

/** The counter's 今日场地: every room of the centre with its slots and who booked them (group names only). */
export const centreBookingsResponse = z.object({
  centreId: z.string(),
  date: z.string(),
  rooms: z.array(roomDay.extend({ bookings: z.array(roomBookingView) })),
});
export type CentreBookingsResponse = z.infer<typeof centreBookingsResponse>;
