import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { InjectModel } from '@nestjs/mongoose';
import type { DomainEvent, EventData } from '@psc/contracts';
import { Effects } from '@psc/messaging';
import type { Model } from 'mongoose';
import { type Balance, BALANCE_MODEL, POSTING_MODEL, type Posting } from './balance.model';
import { balanceUpdates } from './ledger';
import { ProxyCreditService } from './proxy-credit.service';
import { StarsService } from './stars.service';

/**
 * The `volunteer.hours` group: keeps the balances as counters of the ledger's own events (each applied exactly once
 * in effect by the group's guard, whatever is redelivered or replayed), and credits 代办员 from affairs.
 */
@Controller()
export class HoursConsumer {
  constructor(
    @InjectModel(BALANCE_MODEL) private readonly balances: Model<Balance>,
    @InjectModel(POSTING_MODEL) private readonly postings: Model<Posting>,
    private readonly stars: StarsService,
    private readonly proxies: ProxyCreditService,
  ) {}

  @EventPattern('volunteer.hours.credited')
  credited(@Payload() event: DomainEvent<'volunteer.hours.credited'>, @Ctx() effects: Effects): void {
    this.post(event.data, effects);
  }

  @EventPattern('volunteer.hours.reversed')
  reversed(@Payload() event: DomainEvent<'volunteer.hours.reversed'>, @Ctx() effects: Effects): void {
    this.post(event.data, effects);
  }

  /** A case a volunteer proxied was completed: its entry is keyed by the case, so a replay credits nothing. */
  @EventPattern('affairs.case.proxy-completed')
  async proxyCompleted(@Payload() event: DomainEvent<'affairs.case.proxy-completed'>): Promise<void> {
    await this.proxies.credit(event.data);
  }

  private post(entry: EventData<'volunteer.hours.credited'>, effects: Effects): void {
    for (const { id, update } of balanceUpdates(entry)) effects.upsert(this.balances as never, id, update);
    effects.upsert(this.postings as never, entry.entryId, { $set: { postedAt: new Date(entry.at) } });
    if (entry.kind === 'credit' && entry.minutes > 0) this.stars.nudge(entry.volunteerId, entry.entryId);
  }
}
