import type { EventData } from '@psc/contracts';
import type { QueueBoard as QueueBoardView, TicketView } from '@psc/contracts/affairs';
import { shanghaiDay } from '@psc/work-calendar';

type Issued = EventData<'affairs.queue.ticket-issued'>;
type Called = EventData<'affairs.queue.ticket-called'>;
type Closed = EventData<'affairs.queue.ticket-closed'>;

interface Entry {
  ticketId: string;
  centreId: string;
  number: string;
  theme: string;
  issuedAt: Date;
  calledAt: Date | null;
  window: string | null;
  closedAt: Date | null;
  state: Exclude<TicketView['state'], 'expired'>;
}

/** Until a centre has served a few people today, a visit is assumed to take this long. */
const DEFAULT_SERVICE_MINUTES = 6;
const RECENT_SERVED = 20;
/** a window that called someone within this time counts as open */
const WINDOW_ACTIVE_MS = 30 * 60_000;
const CALLS_SHOWN = 8;

/**
 * Today's queues of every centre, kept in memory: the kiosk's 取号 and the hall display read it on every request.
 * Fed by this process's own writes and by the other replicas' events, in any order and any number of times: an
 * update never moves a ticket back (waiting → called → served / no_show), and a repeated one changes nothing.
 */
export class QueueBoard {
  private readonly tickets = new Map<string, Entry>();
  /** the day the board is on; an event about an earlier day's ticket is too late to matter */
  private day = '';

  issued(data: Issued): void {
    if (this.tickets.has(data.ticketId) || shanghaiDay(new Date(data.issuedAt)) < this.day) return;
    this.tickets.set(data.ticketId, {
      ticketId: data.ticketId,
      centreId: data.centreId,
      number: data.number,
      theme: data.queue,
      issuedAt: new Date(data.issuedAt),
      calledAt: null,
      window: null,
      closedAt: null,
      state: 'waiting',
    });
  }

  called(data: Called): void {
    const entry = this.tickets.get(data.ticketId);
    if (!entry) return;
    const at = new Date(data.calledAt);
    if (entry.calledAt && entry.calledAt >= at) return;
    // a call heard after the close (replicas' events cross) still says when and where; it does not reopen
    Object.assign(entry, {
      calledAt: at,
      window: data.window,
      state: entry.closedAt ? entry.state : 'called',
    });
  }

  closed(data: Closed): void {
    const entry = this.tickets.get(data.ticketId);
    if (!entry || entry.closedAt) return;
    Object.assign(entry, { state: data.outcome, closedAt: new Date(data.at) });
  }

  /**
   * Moves the board on to the Shanghai day of `now`: tickets from before it are of no use to anyone in the hall, and
   * nobody is called from yesterday's queue in the morning.
   */
  roll(now: Date): void {
    const day = shanghaiDay(now);
    if (day <= this.day) return;
    this.day = day;
    for (const [id, entry] of this.tickets) if (shanghaiDay(entry.issuedAt) < day) this.tickets.delete(id);
  }

  /** Who waits longest in the given themes (all when empty): the next to call. */
  waiting(centreId: string, themes: readonly string[] = []): Entry[] {
    return [...this.tickets.values()]
      .filter(
        (t) =>
          t.centreId === centreId &&
          t.state === 'waiting' &&
          (themes.length === 0 || themes.includes(t.theme)),
      )
      .sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime() || a.number.localeCompare(b.number));
  }

  calledAt(centreId: string, window: string): Entry | undefined {
    return [...this.tickets.values()].find(
      (t) => t.centreId === centreId && t.window === window && t.state === 'called',
    );
  }

  view(ticketId: string, now: Date): TicketView | undefined {
    const entry = this.tickets.get(ticketId);
    if (!entry) return undefined;
    const ahead =
      entry.state === 'waiting'
        ? this.waiting(entry.centreId, [entry.theme]).findIndex((t) => t.ticketId === entry.ticketId)
        : 0;
    return {
      ticketId: entry.ticketId,
      centreId: entry.centreId,
      number: entry.number,
      theme: entry.theme,
      state: entry.state,
      issuedAt: entry.issuedAt.toISOString(),
      calledAt: entry.calledAt?.toISOString() ?? null,
      window: entry.window,
      waitingAhead: ahead,
      estimateMinutes: this.estimate(entry.centreId, ahead, now),
    };
  }

  board(centreId: string, now: Date): QueueBoardView {
    const counts = new Map<string, number>();
    for (const t of this.waiting(centreId)) counts.set(t.theme, (counts.get(t.theme) ?? 0) + 1);
    const calling = [...this.tickets.values()]
      .flatMap((t) =>
        t.centreId === centreId && t.calledAt && t.window
          ? [{ number: t.number, window: t.window, calledAt: t.calledAt }]
          : [],
      )
      .sort((a, b) => b.calledAt.getTime() - a.calledAt.getTime())
      .slice(0, CALLS_SHOWN)
      .map((t) => ({ ...t, calledAt: t.calledAt.toISOString() }));
    return {
      centreId,
      day: shanghaiDay(now),
      waiting: [...counts].map(([theme, count]) => ({
        theme,
        count,
        estimateMinutes: this.estimate(centreId, count, now),
      })),
      calling,
    };
  }

  /** Minutes until `ahead` people are seen: the centre's recent time per visit, shared by its open windows. */
  private estimate(centreId: string, ahead: number, now: Date): number {
    const mine = [...this.tickets.values()].filter((t) => t.centreId === centreId);
    const served = mine
      .flatMap((t) =>
        t.state === 'served' && t.calledAt && t.closedAt ? [{ from: t.calledAt, to: t.closedAt }] : [],
      )
      .sort((a, b) => b.to.getTime() - a.to.getTime())
      .slice(0, RECENT_SERVED);
    const perVisit =
      served.length > 0
        ? served.reduce((sum, v) => sum + (v.to.getTime() - v.from.getTime()), 0) / served.length / 60_000
        : DEFAULT_SERVICE_MINUTES;
    const windows = new Set(
      mine
        .filter((t) => t.calledAt && now.getTime() - t.calledAt.getTime() < WINDOW_ACTIVE_MS)
        .map((t) => t.window),
    ).size;
    return Math.ceil((ahead * Math.max(1, perVisit)) / Math.max(1, windows));
  }
}
