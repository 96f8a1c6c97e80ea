import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { InjectModel } from '@nestjs/mongoose';
import type { DomainEvent, EventData } from '@psc/contracts';
import { Effects, HandlesEvent } from '@psc/messaging';
import type { Model } from 'mongoose';
import { PROJECT_HOURS_MODEL, type ProjectHours } from './project-hours.model';

/**
 * The `socialorg.kpis` group: volunteer hours served in a project's activities count towards its KPIs. A reversal
 * carries negative minutes and the project of the entry it reverses, so a corrected entry nets out; the group's
 * guard applies each event once, however often it is redelivered.
 */
@Controller()
export class ProjectHoursConsumer {
  constructor(@InjectModel(PROJECT_HOURS_MODEL) private readonly hours: Model<ProjectHours>) {}

  @HandlesEvent('volunteer.hours.credited')
  credited(@Payload() event: DomainEvent<'volunteer.hours.credited'>, @Ctx() effects: Effects): void {
    this.count(event.data, 1, effects);
  }

  @HandlesEvent('volunteer.hours.reversed')
  reversed(@Payload() event: DomainEvent<'volunteer.hours.reversed'>, @Ctx() effects: Effects): void {
    this.count(event.data, -1, effects);
  }

  private count(entry: EventData<'volunteer.hours.credited'>, entries: 1 | -1, effects: Effects): void {
    if (!entry.projectId) return;
    effects.upsert(this.hours as never, entry.projectId, {
      $inc: { minutes: entry.minutes, entries },
      $set: { updatedAt: new Date(entry.at) },
    });
  }
}
