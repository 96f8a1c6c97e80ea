import { Inject, Injectable } from '@nestjs/common';
import { orgsOf, type Principal } from '@psc/auth';
import type { BookingView, BookRoomRequest, ReleaseRoomRequest } from '@psc/contracts/socialorg';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { newId } from '../shared/place';
import { IncubationRepository } from './incubation.repository';
import { assertIncubationAccess, isBaseAdmin } from './incubation-access';
import { assertInService } from './incubation-steps';
import { bookingView } from './incubation-view';
import type { StoredBooking } from './room-calendar.model';
import { RoomCalendarRepository } from './room-calendar.repository';
import { calendarId, checkBookingTimes, clashes, roomTaken } from './room-calendar';

// a booking that lost its write to another one re-reads the room and checks again; past this, the room is too busy
const ATTEMPTS = 8;

/** Office space and meeting rooms of the base's centre, booked for an organisation in its incubation period. */
@Injectable()
export class RoomBookingsService {
  constructor(
    private readonly incubations: IncubationRepository,
    private readonly calendars: RoomCalendarRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async book(incubationId: string, request: BookRoomRequest, principal: Principal): Promise<BookingView> {
    const inc = await this.incubations.load(incubationId);
    assertIncubationAccess(principal, inc);
    const period = assertInService(inc, '预订场地');
    const now = this.clock();
    const [from, to] = [new Date(request.from), new Date(request.to)];
    checkBookingTimes(from, to, now, period);
    const booking: StoredBooking = {
      _id: newId('bk'),
      incubationId,
      orgId: inc.orgId,
      orgName: inc.orgName,
      from,
      to,
      purpose: request.purpose,
      by: principal.sub,
      at: now,
      released: null,
    };
    const id = calendarId(inc.baseId, request.room);
    const event = {
      type: 'socialorg.room.booked' as const,
      data: {
        bookingId: booking._id,
        centreId: inc.baseId,
        room: request.room,
        incubationId,
        orgId: inc.orgId,
        from: request.from,
        to: request.to,
        purpose: request.purpose,
        by: principal.sub,
        at: now.toISOString(),
      },
    };
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const calendar = await this.calendars.find(id);
      if (!calendar) {
        const doc = { _id: id, centreId: inc.baseId, room: request.room, revision: 1, bookings: [booking] };
        if (await this.calendars.create(doc, [event])) return bookingView(doc, booking, true);
        continue;
      }
      const [clash] = clashes(calendar.bookings, from, to);
      if (clash) throw roomTaken(request.room, clash, this.seesHolders(principal, inc.baseId, clash.orgId));
      if (await this.calendars.replaceBookings(calendar, [...calendar.bookings, booking], [event]))
        return bookingView(calendar, booking, true);
    }
    throw new AppError('COMMON.CONFLICT', '该场地正被多人同时预订，请稍后再试');
  }

  async release(
    incubationId: string,
    bookingId: string,
    request: ReleaseRoomRequest,
    principal: Principal,
  ): Promise<BookingView> {
    const inc = await this.incubations.load(incubationId);
    assertIncubationAccess(principal, inc);
    const now = this.clock();
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const calendar = await this.calendars.find(calendarId(inc.baseId, request.room));
      const booking = calendar?.bookings.find((b) => b._id === bookingId && b.incubationId === incubationId);
      if (!calendar || !booking) throw new AppError('SOCIALORG.BOOKING_NOT_FOUND');
      if (booking.released)
        throw new AppError('SOCIALORG.INCUBATION_ILLEGAL_STEP', '该预订已经取消过', { bookingId });
      const released = { ...booking, released: { by: principal.sub, at: now, reason: request.reason } };
      const saved = await this.calendars.replaceBookings(
        calendar,
        calendar.bookings.map((b) => (b._id === bookingId ? released : b)),
        [
          {
            type: 'socialorg.room.released',
            data: {
              bookingId,
              centreId: inc.baseId,
              room: request.room,
              incubationId,
              orgId: inc.orgId,
              from: booking.from.toISOString(),
              to: booking.to.toISOString(),
              reason: request.reason,
              by: principal.sub,
              at: now.toISOString(),
            },
          },
        ],
      );
      if (saved) return bookingView(calendar, released, true);
    }
    throw new AppError('COMMON.CONFLICT', '该场地正被多人同时预订，请稍后再试');
  }

  /**
   * What is booked at a centre from now on, soonest first: its administrators see who holds each booking; an
   * organisation sees its own and only that the room is taken otherwise.
   */
  async schedule(centreId: string, principal: Principal): Promise<BookingView[]> {
    if (!isBaseAdmin(principal, centreId) && orgsOf(principal).length === 0)
      throw new AppError('AUTH.OUT_OF_SCOPE');
    const now = this.clock();
    return (await this.calendars.ofCentre(centreId))
      .flatMap((c) =>
        c.bookings
          .filter((b) => !b.released && b.to > now)
          .map((b) => bookingView(c, b, this.seesHolders(principal, centreId, b.orgId))),
      )
      .sort((a, b) => a.from.localeCompare(b.from));
  }

  private seesHolders(principal: Principal, centreId: string, holder: string): boolean {
    return orgsOf(principal).includes(holder) || isBaseAdmin(principal, centreId);
  }
}
