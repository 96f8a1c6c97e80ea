import type { BookingParty, BookingStatus } from '@psc/contracts/catalogue';
import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

/**
 * One booking of a room slot. The store has no transactions, so the two rules are unique keys on the document
 * itself, taken in its one insert: `hold` (room, day, slot and place: a place is held once) and `quota` (resident,
 * week and a number up to MAX_BOOKINGS_PER_WEEK). Cancelling releases both by rewriting them to the booking's id.
 */
export interface RoomBooking {
  _id: string;
  roomRef: string;
  centreId: string;
  roomId: string;
  date: string;
  start: string;
  end: string;
  /** `${roomRef}|${date}|${start}`: every booking of one slot */
  slotRef: string;
  /** `${centreId}|${date}`: a centre's day, for the counter and the availability read */
  centreDay: string;
  place: number;
  hold: string;
  quota: string;
  residentId: string;
  party: BookingParty;
  groupName: string | null;
  attendees: number;
  status: BookingStatus;
  bookedAt: Date;
  closedAt: Date | null;
}

export const ROOM_BOOKING_MODEL = 'RoomBooking';

export const roomBookingSchema = new Schema<RoomBooking>(
  {
    _id: { type: String, required: true },
    roomRef: { type: String, required: true },
    centreId: { type: String, required: true },
    roomId: { type: String, required: true },
    date: { type: String, required: true },
    start: { type: String, required: true },
    end: { type: String, required: true },
    slotRef: { type: String, required: true },
    centreDay: { type: String, required: true },
    place: { type: Number, required: true },
    hold: { type: String, required: true },
    quota: { type: String, required: true },
    residentId: { type: String, required: true },
    party: { type: String, required: true },
    groupName: { type: String, default: null },
    attendees: { type: Number, required: true },
    status: { type: String, required: true },
    bookedAt: { type: Date, required: true },
    closedAt: { type: Date, default: null },
  },
  { collection: 'room_bookings', versionKey: false, minimize: false },
);
roomBookingSchema.plugin(outboxPlugin);
// the last place of a slot tapped on two kiosks at once: the second insert fails, and its booker is told
roomBookingSchema.index({ hold: 1 }, { unique: true });
roomBookingSchema.index({ quota: 1 }, { unique: true });
roomBookingSchema.index({ slotRef: 1 });
roomBookingSchema.index({ centreDay: 1 });
roomBookingSchema.index({ residentId: 1 });

export const RELEASED = (bookingId: string) => `released:${bookingId}`;
