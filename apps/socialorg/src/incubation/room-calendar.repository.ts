import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Outbox, type PendingEvent } from '@psc/messaging';
import { isDuplicateKey } from '@psc/persistence';
import type { Model } from 'mongoose';
import { type RoomCalendar, ROOM_CALENDAR_MODEL } from './room-calendar.model';

/** Rooms' calendars: each write lands only on the revision it was checked against (null when it lost). */
@Injectable()
export class RoomCalendarRepository {
  constructor(
    @InjectModel(ROOM_CALENDAR_MODEL) private readonly calendars: Model<RoomCalendar>,
    private readonly outbox: Outbox,
  ) {}

  find(id: string): Promise<RoomCalendar | null> {
    return this.calendars.findById(id).lean<RoomCalendar>();
  }

  /** The rooms of one centre with bookings (an indexed equality: the base's few rooms). */
  ofCentre(centreId: string): Promise<RoomCalendar[]> {
    return this.calendars.find({ centreId }).lean<RoomCalendar[]>();
  }

  /** The room's first booking; false when another replica created the calendar in between. */
  async create(doc: RoomCalendar, events: PendingEvent[]): Promise<boolean> {
    try {
      await this.outbox.create(this.calendars, doc, events);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async replaceBookings(current: RoomCalendar, bookings: RoomCalendar['bookings'], events: PendingEvent[]) {
    return this.outbox.update(
      this.calendars,
      { _id: current._id, revision: current.revision },
      { $set: { bookings }, $inc: { revision: 1 } },
      events,
    );
  }
}
