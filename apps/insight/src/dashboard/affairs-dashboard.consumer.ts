import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { InjectModel } from '@nestjs/mongoose';
import type { DomainEvent } from '@psc/contracts';
import { Effects, HandlesEvent } from '@psc/messaging';
import type { Model } from 'mongoose';
import * as facts from './affairs-facts';
import { MemoRepository } from './memo.repository';
import type { CounterFact } from './counters';
import { count } from './counters.repository';
import { AFFAIRS_COUNTERS_MODEL, type CounterDoc } from './dashboard.model';

/** The affairs section of the dashboards: case and queue events into per-place, per-period counters. */
@Controller()
export class AffairsDashboardConsumer {
  constructor(
    @InjectModel(AFFAIRS_COUNTERS_MODEL) private readonly counters: Model<CounterDoc>,
    private readonly clocks: MemoRepository,
  ) {}

  @HandlesEvent('affairs.case.opened')
  opened(@Payload() event: DomainEvent<'affairs.case.opened'>, @Ctx() effects: Effects): void {
    const { data } = event;
    if (data.state === 'accepted') this.clocks.start(effects, `case:${data.caseNo}`, new Date(data.openedAt));
    this.count(effects, facts.caseOpened(data));
  }

  @HandlesEvent('affairs.case.transitioned')
  async transitioned(
    @Payload() event: DomainEvent<'affairs.case.transitioned'>,
    @Ctx() effects: Effects,
  ): Promise<void> {
    const { data } = event;
    const key = `case:${data.caseNo}`;
    if (data.to === 'accepted') this.clocks.start(effects, key, new Date(data.at));
    const acceptedAt = data.to === 'completed' ? await this.clocks.startOf(key) : null;
    this.count(effects, facts.caseTransitioned(data, acceptedAt));
  }

  @HandlesEvent('affairs.case.sla-alerted')
  slaAlerted(@Payload() event: DomainEvent<'affairs.case.sla-alerted'>, @Ctx() effects: Effects): void {
    this.count(effects, facts.slaAlerted(event.data, new Date(event.occurredAt)));
  }

  @HandlesEvent('affairs.case.rectified')
  rectified(@Payload() event: DomainEvent<'affairs.case.rectified'>, @Ctx() effects: Effects): void {
    this.count(effects, facts.rectified(event.data));
  }

  @HandlesEvent('affairs.case.rectification-overdue')
  rectificationOverdue(
    @Payload() event: DomainEvent<'affairs.case.rectification-overdue'>,
    @Ctx() effects: Effects,
  ): void {
    this.count(effects, facts.rectificationOverdue(event.data, new Date(event.occurredAt)));
  }

  @HandlesEvent('affairs.queue.ticket-issued')
  ticketIssued(@Payload() event: DomainEvent<'affairs.queue.ticket-issued'>, @Ctx() effects: Effects): void {
    const { data } = event;
    this.clocks.start(effects, `ticket:${data.ticketId}`, new Date(data.issuedAt));
    this.count(effects, facts.ticketIssued(data));
  }

  @HandlesEvent('affairs.queue.ticket-called')
  async ticketCalled(
    @Payload() event: DomainEvent<'affairs.queue.ticket-called'>,
    @Ctx() effects: Effects,
  ): Promise<void> {
    if (event.data.recall) return;
    const issuedAt = await this.clocks.startOf(`ticket:${event.data.ticketId}`);
    this.count(effects, facts.ticketCalled(event.data, issuedAt));
  }

  @HandlesEvent('affairs.queue.ticket-closed')
  async ticketClosed(
    @Payload() event: DomainEvent<'affairs.queue.ticket-closed'>,
    @Ctx() effects: Effects,
  ): Promise<void> {
    if (event.data.outcome !== 'no_show') return;
    const issuedAt = await this.clocks.startOf(`ticket:${event.data.ticketId}`);
    this.count(effects, facts.ticketClosed(event.data, issuedAt));
  }

  private count(effects: Effects, list: CounterFact<string>[]): void {
    count(effects, this.counters as never, list);
  }
}
