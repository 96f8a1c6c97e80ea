import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { InjectModel } from '@nestjs/mongoose';
import type { DomainEvent } from '@psc/contracts';
import type { RoomsTallyField } from '@psc/contracts/insight';
import { Effects, HandlesEvent } from '@psc/messaging';
import type { Model } from 'mongoose';
import type { CounterFact } from './counters';
import { count } from './counters.repository';
import { type CounterDoc, ROOMS_COUNTERS_MODEL } from './dashboard.model';
import { onDay } from './volunteer-facts';

type Step = 'booked' | 'cancelled' | 'attended' | 'missed';
type Booking<S extends Step> = DomainEvent<`catalogue.room.${S}`>;

/** Every step of a booking counts on the day booked for, at the room's centre. */
export function roomStep(data: Booking<Step>['data'], step: RoomsTallyField): CounterFact<RoomsTallyField>[] {
  const inc = step === 'booked' ? { booked: 1, attendees: data.attendees } : { [step]: 1 };
  return [{ centreId: data.centreId, at: onDay(data.date), inc }];
}

/** The rooms section: catalogue's room bookings (no resident identity travels on these events). */
@Controller()
export class RoomsDashboardConsumer {
  constructor(@InjectModel(ROOMS_COUNTERS_MODEL) private readonly counters: Model<CounterDoc>) {}

  @HandlesEvent('catalogue.room.booked')
  booked(@Payload() event: Booking<'booked'>, @Ctx() effects: Effects): void {
    count(effects, this.counters as never, roomStep(event.data, 'booked'));
  }

  @HandlesEvent('catalogue.room.cancelled')
  cancelled(@Payload() event: Booking<'cancelled'>, @Ctx() effects: Effects): void {
    count(effects, this.counters as never, roomStep(event.data, 'cancelled'));
  }

  @HandlesEvent('catalogue.room.attended')
  attended(@Payload() event: Booking<'attended'>, @Ctx() effects: Effects): void {
    count(effects, this.counters as never, roomStep(event.data, 'attended'));
  }

  @HandlesEvent('catalogue.room.missed')
  missed(@Payload() event: Booking<'missed'>, @Ctx() effects: Effects): void {
    count(effects, this.counters as never, roomStep(event.data, 'missed'));
  }
}
