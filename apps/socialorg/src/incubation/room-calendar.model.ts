import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

export interface StoredBooking {
  _id: string;
  incubationId: string;
  orgId: string;
  orgName: string;
  from: Date;
  to: Date;
  purpose: string;
  by: string;
  at: Date;
  /** set when the booking was cancelled; the entry stays for the record */
  released: { by: string; at: Date; reason: string } | null;
}

/**
 * One room of one centre with its bookings. Every booking is written on the revision it was checked against, so
 * two overlapping bookings of the room can never both be stored, whichever replicas take them.
 */
export interface RoomCalendar {
  /** `<centre id>|<room name>` */
  _id: string;
  centreId: string;
  room: string;
  revision: number;
  bookings: StoredBooking[];
}

export const ROOM_CALENDAR_MODEL = 'RoomCalendar';

export const roomCalendarSchema = new Schema<RoomCalendar>(
  {
    _id: { type: String, required: true },
    centreId: { type: String, required: true, index: true },
    room: { type: String, required: true },
    revision: { type: Number, required: true },
    bookings: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'room_calendars', versionKey: false, minimize: false },
);
roomCalendarSchema.plugin(outboxPlugin);
