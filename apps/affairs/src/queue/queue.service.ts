import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { assertScope, type Principal } from '@psc/auth';
import type { DomainEvent, EventData } from '@psc/contracts';
import type {
  CallNextRequest,
  QueueBoard as QueueBoardView,
  TakeTicketRequest,
  TicketView,
} from '@psc/contracts/affairs';
import { THEME_CODES } from '@psc/contracts/catalogue';
import { EventFeed, KafkaClient, Outbox } from '@psc/messaging';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { shanghaiDay } from '@psc/work-calendar';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { SequencesService } from '../shared/sequences.service';
import { QueueBoard } from './queue-board';
import { type Ticket, TICKET_MODEL } from './ticket.model';

const STAFF = ['counter_staff', 'centre_admin'] as const;
/** A letter per theme, so the hall can tell queues apart by ear: 社会保障 A001, 民政救助 B001 … */
const letterOf = (theme: string) => String.fromCharCode(65 + THEME_CODES.indexOf(theme as never));

@Injectable()
export class QueueService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly board = new QueueBoard();
  private readonly feed: EventFeed;

  constructor(
    @InjectModel(TICKET_MODEL) private readonly tickets: Model<Ticket>,
    private readonly sequences: SequencesService,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
    client: KafkaClient,
  ) {
    // other replicas' tickets and calls; this process's own are applied as they are written
    this.feed = new EventFeed(
      client,
      'affairs.queue-board',
      (event) => this.apply(event),
      (type) => type.startsWith('affairs.queue.'),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    void this.feed.start();
    const today = shanghaiDay(this.today());
    for (const t of await this.tickets.find({ day: today }).lean<Ticket[]>()) {
      this.board.issued({
        ticketId: t._id,
        centreId: t.centreId,
        number: t.number,
        queue: t.theme,
        issuedAt: t.issuedAt.toISOString(),
      });
      if (t.calledAt && t.window)
        this.board.called({
          ticketId: t._id,
          centreId: t.centreId,
          number: t.number,
          window: t.window,
          calledAt: t.calledAt.toISOString(),
          recall: false,
        });
      if (t.closedAt && (t.state === 'served' || t.state === 'no_show'))
        this.board.closed({
          ticketId: t._id,
          centreId: t.centreId,
          number: t.number,
          outcome: t.state,
          at: t.closedAt.toISOString(),
        });
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.feed.stop();
  }

  /** 取号 at a kiosk. */
  async take(request: TakeTicketRequest): Promise<TicketView> {
    const now = this.today();
    const day = shanghaiDay(now);
    const seq = await this.sequences.next(`ticket:${request.centreId}:${day}:${request.theme}`);
    const ticket: Ticket = {
      _id: randomUUID(),
      centreId: request.centreId,
      day,
      theme: request.theme,
      number: `${letterOf(request.theme)}${String(seq).padStart(3, '0')}`,
      state: 'waiting',
      issuedAt: now,
      calledAt: null,
      calledBy: null,
      window: null,
      closedAt: null,
    };
    const data: EventData<'affairs.queue.ticket-issued'> = {
      ticketId: ticket._id,
      centreId: ticket.centreId,
      number: ticket.number,
      queue: ticket.theme,
      issuedAt: now.toISOString(),
    };
    await this.outbox.create(this.tickets, ticket, [{ type: 'affairs.queue.ticket-issued', data }]);
    this.board.issued(data);
    return this.viewOf(ticket._id);
  }

  /**
   * 叫号: the window's current ticket counts as served and the longest-waiting ticket of its themes is called.
   * Two windows calling at once never get the same person: the claim is a conditional write on `waiting`.
   */
  async callNext(request: CallNextRequest, principal: Principal): Promise<TicketView> {
    assertScope(principal, request.centreId, STAFF);
    this.today();
    const current = this.board.calledAt(request.centreId, request.window);
    if (current) await this.close(current.ticketId, 'served', principal);
    for (const candidate of this.board.waiting(request.centreId, request.themes)) {
      const now = this.clock();
      const data: EventData<'affairs.queue.ticket-called'> = {
        ticketId: candidate.ticketId,
        centreId: candidate.centreId,
        number: candidate.number,
        window: request.window,
        calledAt: now.toISOString(),
        recall: false,
      };
      const claimed = await this.outbox.update(
        this.tickets,
        { _id: candidate.ticketId, state: 'waiting' },
        { $set: { state: 'called', calledAt: now, calledBy: principal.sub, window: request.window } },
        [{ type: 'affairs.queue.ticket-called', data }],
      );
      if (claimed) {
        this.board.called(data);
        return this.viewOf(candidate.ticketId);
      }
      // another window (perhaps on another replica) called this one first: the board learns it from the feed
    }
    throw new AppError('AFFAIRS.QUEUE_EMPTY');
  }

  /** Calls the same ticket again, for someone who did not hear it. */
  async recall(ticketId: string, principal: Principal): Promise<TicketView> {
    const ticket = await this.load(ticketId);
    assertScope(principal, ticket.centreId, STAFF);
    if (ticket.state !== 'called' || !ticket.window)
      throw new AppError('AFFAIRS.ILLEGAL_TRANSITION', `${ticket.number} 号当前不在叫号中，不能重呼`);
    const now = this.clock();
    const data: EventData<'affairs.queue.ticket-called'> = {
      ticketId,
      centreId: ticket.centreId,
      number: ticket.number,
      window: ticket.window,
      calledAt: now.toISOString(),
      recall: true,
    };
    await this.outbox.update(this.tickets, { _id: ticketId, state: 'called' }, { $set: { calledAt: now } }, [
      { type: 'affairs.queue.ticket-called', data },
    ]);
    this.board.called(data);
    return this.viewOf(ticketId);
  }

  /** Served, or 过号 when the person called did not come. */
  async close(ticketId: string, outcome: 'served' | 'no_show', principal: Principal): Promise<TicketView> {
    const ticket = await this.load(ticketId);
    assertScope(principal, ticket.centreId, STAFF);
    if (ticket.state !== 'called')
      throw new AppError('AFFAIRS.ILLEGAL_TRANSITION', `${ticket.number} 号尚未叫号或已处理，不能标记`);
    const now = this.clock();
    const data: EventData<'affairs.queue.ticket-closed'> = {
      ticketId,
      centreId: ticket.centreId,
      number: ticket.number,
      outcome,
      at: now.toISOString(),
    };
    const closed = await this.outbox.update(
      this.tickets,
      { _id: ticketId, state: 'called' },
      { $set: { state: outcome, closedAt: now } },
      [{ type: 'affairs.queue.ticket-closed', data }],
    );
    if (!closed) throw new AppError('AFFAIRS.ILLEGAL_TRANSITION', `${ticket.number} 号已被处理`);
    this.board.closed(data);
    return this.viewOf(ticketId);
  }

  /** A ticket as its holder sees it; one left from an earlier day reads as expired. */
  ticket(ticketId: string): Promise<TicketView> {
    return this.viewOf(ticketId);
  }

  /** The hall display: who waits for what, and the latest calls. */
  boardOf(centreId: string): QueueBoardView {
    return this.board.board(centreId, this.today());
  }

  /** Now, with the board moved on to today: the first request after midnight starts the new day's queues. */
  private today(): Date {
    const now = this.clock();
    this.board.roll(now);
    return now;
  }

  private apply(event: DomainEvent): void {
    if (event.type === 'affairs.queue.ticket-issued')
      this.board.issued((event as DomainEvent<'affairs.queue.ticket-issued'>).data);
    else if (event.type === 'affairs.queue.ticket-called')
      this.board.called((event as DomainEvent<'affairs.queue.ticket-called'>).data);
    else if (event.type === 'affairs.queue.ticket-closed')
      this.board.closed((event as DomainEvent<'affairs.queue.ticket-closed'>).data);
  }

  private async viewOf(ticketId: string): Promise<TicketView> {
    const now = this.today();
    const live = this.board.view(ticketId, now);
    if (live) return live;
    // not on today's board: an earlier day's, or issued by another replica a moment ago
    const stored = await this.load(ticketId);
    const unfinished = stored.state === 'waiting' || stored.state === 'called';
    return {
      ticketId: stored._id,
      centreId: stored.centreId,
      number: stored.number,
      theme: stored.theme,
      state: unfinished && stored.day < shanghaiDay(now) ? 'expired' : stored.state,
      issuedAt: stored.issuedAt.toISOString(),
      calledAt: stored.calledAt?.toISOString() ?? null,
      window: stored.window,
      waitingAhead: 0,
      estimateMinutes: 0,
    };
  }

  private async load(ticketId: string): Promise<Ticket> {
    const ticket = await this.tickets.findById(ticketId).lean<Ticket>();
    if (!ticket) throw new AppError('AFFAIRS.TICKET_NOT_FOUND');
    return ticket;
  }
}
