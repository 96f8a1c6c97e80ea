import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { assertScope, type Principal } from '@psc/auth';
import type { EventData } from '@psc/contracts';
import {
  BOOKING_DAYS_AHEAD,
  type BookRoomRequest,
  type Centre,
  type CentreBookingsResponse,
  type CentreRoomsResponse,
  MAX_BOOKINGS_PER_WEEK,
  type Room,
  type RoomBookingView,
  type RoomDay,
  roomRef,
} from '@psc/contracts/catalogue';
import { Outbox } from '@psc/messaging';
import { isDuplicateKey } from '@psc/persistence';
import { AppError } from '@psc/server-kit';
import { shanghaiDay } from '@psc/util';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { CatalogueCacheService } from '../view/catalogue-cache.service';
import { RELEASED, ROOM_BOOKING_MODEL, type RoomBooking } from './room-booking.model';
import { addDays, hasBegun, placesOf, slotsOf, weekOf, withinBookingWindow } from './room-slots';

export const ROOMS_CLOCK = Symbol('ROOMS_CLOCK');
const STAFF = ['counter_staff', 'centre_admin'] as const;

type RoomEvent = EventData<'catalogue.room.booked'>;

/** A booking holds its place until it is cancelled; attended and missed ones stay counted (the slot has passed). */
const holds = (b: RoomBooking) => b.status !== 'cancelled';

/**
 * Room booking (场地预约) at a centre, owned by the catalogue because the rooms, their capacity, hours and rules are
 * the catalogue's centre data: a booking is checked against them where they live, with no copy to keep in step.
 */
@Injectable()
export class RoomBookingsService {
  constructor(
    @InjectModel(ROOM_BOOKING_MODEL) private readonly bookings: Model<RoomBooking>,
    private readonly outbox: Outbox,
    private readonly cache: CatalogueCacheService,
    @Optional() @Inject(ROOMS_CLOCK) private readonly now: () => Date = () => new Date(),
  ) {}

  private centre(id: string): Centre {
    const centre = this.cache.view.centre(id);
    if (!centre) throw new AppError('CATALOGUE.CENTRE_NOT_FOUND', `没有找到服务中心“${id}”`);
    return centre;
  }

  private room(centre: Centre, roomId: string): Room {
    const room = centre.rooms.find((r) => r.id === roomId);
    if (!room) throw new AppError('CATALOGUE.ROOM_NOT_FOUND', `${centre.name}没有编号为 ${roomId} 的场地`);
    return room;
  }

  /** A day to show: today by default, from a month back (the counter's records) to the end of the booking window. */
  private dayToShow(date: string | undefined): string {
    const today = shanghaiDay(this.now());
    const day = date ?? today;
    if (day < addDays(today, -31) || day > addDays(today, BOOKING_DAYS_AHEAD - 1))
      throw new AppError(
        'CATALOGUE.SLOT_INVALID',
        `只能查看近 31 天和今后 ${BOOKING_DAYS_AHEAD} 天的场地安排`,
      );
    return day;
  }

  /** Every room of a centre on a day (today by default), slot by slot, with how many places are taken. */
  async day(centreId: string, date?: string): Promise<CentreRoomsResponse> {
    const centre = this.centre(centreId);
    const day = this.dayToShow(date);
    const booked = await this.bookings.find({ centreDay: `${centreId}|${day}` }).lean<RoomBooking[]>();
    const rooms = centre.rooms.map((room) => this.roomDay(centre, room, day, booked));
    return { centreId, date: day, rooms, maxPerWeek: MAX_BOOKINGS_PER_WEEK, daysAhead: BOOKING_DAYS_AHEAD };
  }

  /** The counter's 今日场地: the day's rooms with every booking, for staff of the centre. */
  async counterDay(
    centreId: string,
    date: string | undefined,
    principal: Principal,
  ): Promise<CentreBookingsResponse> {
    assertScope(principal, centreId, STAFF);
    const centre = this.centre(centreId);
    const day = this.dayToShow(date);
    const booked = await this.bookings.find({ centreDay: `${centreId}|${day}` }).lean<RoomBooking[]>();
    return {
      centreId,
      date: day,
      rooms: centre.rooms.map((room) => ({
        ...this.roomDay(centre, room, day, booked),
        bookings: booked
          .filter((b) => b.roomId === room.id)
          .sort((a, b) => a.start.localeCompare(b.start) || a.bookedAt.getTime() - b.bookedAt.getTime())
          .map((b) => this.view(b)),
      })),
    };
  }

  private roomDay(centre: Centre, room: Room, day: string, booked: readonly RoomBooking[]): RoomDay {
    const now = this.now();
    const places = placesOf(room);
    return {
      centreId: centre.id,
      roomId: room.id,
      roomRef: roomRef(centre.id, room.id),
      name: room.name,
      capacity: room.capacity,
      description: room.description,
      booking: room.booking,
      rules: room.rules,
      itemCode: room.itemCode ?? null,
      date: day,
      slots:
        room.booking === 'none'
          ? []
          : slotsOf(room, centre, day).map((slot) => {
              const taken = booked.filter(
                (b) => b.roomId === room.id && b.start === slot.start && holds(b),
              ).length;
              const state = hasBegun(day, slot.start, now) ? 'past' : taken >= places ? 'full' : 'free';
              return { ...slot, taken, places, state };
            }),
    };
  }

  /**
   * Books a slot for the resident signed in at the kiosk. Both limits are unique keys taken by the one insert (see
   * RoomBooking): when two people tap the last place at once, the store lets one insert through and the other is
   * told the slot is full; the same for one resident booking twice at once past the weekly limit.
   */
  async book(
    centreId: string,
    roomId: string,
    body: BookRoomRequest,
    principal: Principal,
  ): Promise<RoomBookingView> {
    const centre = this.centre(centreId);
    const room = this.room(centre, roomId);
    const request = { party: 'personal' as const, attendees: 1, ...body };
    if (room.booking === 'none')
      throw new AppError('CATALOGUE.ROOM_NOT_BOOKABLE', `${room.name}不对外预约，请到服务台咨询`);
    if (room.booking === 'seats' && request.party === 'group')
      throw new AppError('CATALOGUE.GROUP_NOT_ALLOWED');
    const attendees = room.booking === 'seats' ? 1 : request.attendees;
    if (attendees > room.capacity)
      throw new AppError('CATALOGUE.TOO_MANY_ATTENDEES', `${room.name}最多容纳 ${room.capacity} 人`);
    const now = this.now();
    if (!withinBookingWindow(request.date, now))
      throw new AppError('CATALOGUE.SLOT_INVALID', `可预约今天起 ${BOOKING_DAYS_AHEAD} 天内的时段`);
    const slot = slotsOf(room, centre, request.date).find((s) => s.start === request.start);
    if (!slot)
      throw new AppError('CATALOGUE.SLOT_INVALID', `${room.name}在 ${request.date} ${request.start} 不开放`);
    if (hasBegun(request.date, slot.start, now))
      throw new AppError('CATALOGUE.SLOT_INVALID', '该时段已经开始，请选择之后的时段');

    const ref = roomRef(centre.id, room.id);
    const slotRef = `${ref}|${request.date}|${slot.start}`;
    const week = weekOf(request.date);
    const places = placesOf(room);
    const residentId = principal.sub;
    for (let attempt = 0; attempt <= places + MAX_BOOKINGS_PER_WEEK; attempt++) {
      const [inSlot, mine] = await Promise.all([
        this.bookings.find({ slotRef }).lean<RoomBooking[]>(),
        this.bookings.find({ residentId }).lean<RoomBooking[]>(),
      ]);
      const held = inSlot.filter(holds);
      if (held.some((b) => b.residentId === residentId && b.status === 'booked'))
        throw new AppError('CATALOGUE.ALREADY_BOOKED');
      const place = firstFree(places, new Set(held.map((b) => b.place)));
      if (place === undefined) throw new AppError('CATALOGUE.SLOT_TAKEN');
      const thisWeek = mine.filter((b) => holds(b) && weekOf(b.date) === week);
      const quota = firstFree(MAX_BOOKINGS_PER_WEEK, new Set(thisWeek.map((b) => quotaNumber(b.quota))));
      if (quota === undefined)
        throw new AppError(
          'CATALOGUE.BOOKING_LIMIT',
          `每人每周最多预约 ${MAX_BOOKINGS_PER_WEEK} 次，${week} 起的这一周已约满`,
        );
      const booking: RoomBooking = {
        _id: randomUUID(),
        roomRef: ref,
        centreId: centre.id,
        roomId: room.id,
        date: request.date,
        start: slot.start,
        end: slot.end,
        slotRef,
        centreDay: `${centre.id}|${request.date}`,
        place,
        hold: `${slotRef}|${place}`,
        quota: `${residentId}|${week}|${quota}`,
        residentId,
        party: request.party,
        groupName: request.party === 'group' ? (request.groupName ?? null) : null,
        attendees,
        status: 'booked',
        bookedAt: now,
        closedAt: null,
      };
      try {
        await this.outbox.create(this.bookings, booking, [
          { type: 'catalogue.room.booked', data: this.event(booking, now) },
        ]);
        return this.view(booking);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // someone took that place (or this resident that quota number) first: read again and take the next
      }
    }
    throw new AppError('CATALOGUE.SLOT_TAKEN');
  }

  /** The resident's bookings from today on, soonest first. */
  async mine(principal: Principal): Promise<RoomBookingView[]> {
    const today = shanghaiDay(this.now());
    const mine = await this.bookings.find({ residentId: principal.sub }).lean<RoomBooking[]>();
    return mine
      .filter((b) => b.date >= today)
      .sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start))
      .map((b) => this.view(b));
  }

  /** Cancelled by its resident before the slot begins, or by the centre's staff; frees the place and the quota. */
  async cancel(bookingId: string, principal: Principal): Promise<RoomBookingView> {
    const booking = await this.find(bookingId);
    if (principal.kind === 'resident') {
      if (booking.residentId !== principal.sub) throw new AppError('AUTH.NOT_OWN_RECORD');
      if (hasBegun(booking.date, booking.start, this.now()))
        throw new AppError('CATALOGUE.BOOKING_CLOSED', '时段已经开始，不能再取消');
    } else assertScope(principal, booking.centreId, STAFF);
    return this.close(booking, 'cancelled', { hold: RELEASED(booking._id), quota: RELEASED(booking._id) });
  }

  /** Staff record whether the booker came, once the slot has begun: 未到场 is how no-shows are counted. */
  async attendance(
    bookingId: string,
    outcome: 'attended' | 'no_show',
    principal: Principal,
  ): Promise<RoomBookingView> {
    const booking = await this.find(bookingId);
    assertScope(principal, booking.centreId, STAFF);
    if (!hasBegun(booking.date, booking.start, this.now())) throw new AppError('CATALOGUE.TOO_EARLY');
    return this.close(booking, outcome, {});
  }

  private async find(bookingId: string): Promise<RoomBooking> {
    const booking = await this.bookings.findById(bookingId).lean<RoomBooking>();
    if (!booking) throw new AppError('CATALOGUE.BOOKING_NOT_FOUND');
    return booking;
  }

  private async close(
    booking: RoomBooking,
    status: 'cancelled' | 'attended' | 'no_show',
    released: Partial<RoomBooking>,
  ): Promise<RoomBookingView> {
    if (booking.status !== 'booked') throw new AppError('CATALOGUE.BOOKING_CLOSED');
    const now = this.now();
    const type =
      status === 'cancelled'
        ? 'catalogue.room.cancelled'
        : status === 'attended'
          ? 'catalogue.room.attended'
          : 'catalogue.room.missed';
    const closed = await this.outbox.update(
      this.bookings,
      { _id: booking._id, status: 'booked' },
      { $set: { status, closedAt: now, ...released } },
      [{ type, data: this.event(booking, now) }],
    );
    if (!closed) throw new AppError('CATALOGUE.BOOKING_CLOSED');
    return this.view({ ...booking, status, closedAt: now, ...released });
  }

  private event(b: RoomBooking, at: Date): RoomEvent {
    return {
      bookingId: b._id,
      roomRef: b.roomRef,
      centreId: b.centreId,
      roomId: b.roomId,
      date: b.date,
      start: b.start,
      end: b.end,
      party: b.party,
      groupName: b.groupName,
      attendees: b.attendees,
      at: at.toISOString(),
    };
  }

  private view(b: RoomBooking): RoomBookingView {
    const centre = this.cache.view.centre(b.centreId);
    return {
      id: b._id,
      roomRef: b.roomRef,
      centreId: b.centreId,
      centreName: centre?.name ?? b.centreId,
      roomId: b.roomId,
      roomName: centre?.rooms.find((r) => r.id === b.roomId)?.name ?? b.roomId,
      date: b.date,
      start: b.start,
      end: b.end,
      party: b.party,
      groupName: b.groupName,
      attendees: b.attendees,
      status: b.status,
      bookedAt: new Date(b.bookedAt).toISOString(),
      closedAt: b.closedAt ? new Date(b.closedAt).toISOString() : null,
    };
  }
}

/** The lowest of 1..count not in `used`. */
function firstFree(count: number, used: ReadonlySet<number>): number | undefined {
  for (let n = 1; n <= count; n++) if (!used.has(n)) return n;
  return undefined;
}

const quotaNumber = (quota: string) => Number(quota.split('|').at(-1));
