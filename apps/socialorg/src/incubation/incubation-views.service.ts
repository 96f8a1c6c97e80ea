import { Injectable } from '@nestjs/common';
import type { IncubationView } from '@psc/contracts/socialorg';
import type { Incubation } from './incubation.model';
import { incubationView } from './incubation-view';
import { RoomCalendarRepository } from './room-calendar.repository';

/** An incubation as answered, with its bookings from the base's room calendars. */
@Injectable()
export class IncubationViewsService {
  constructor(private readonly calendars: RoomCalendarRepository) {}

  async view(inc: Incubation): Promise<IncubationView> {
    return incubationView(inc, await this.calendars.ofCentre(inc.baseId));
  }
}
