import type { EventData } from '@psc/contracts';
import type { AffairsTallyField } from '@psc/contracts/insight';
import { shanghaiDay, workingDaysBetween } from '@psc/work-calendar';
import type { CounterFact } from './counters';

type Fact = CounterFact<AffairsTallyField>;
type Inc = Fact['inc'];

/** null outside the years the holiday data covers, where the calendar refuses to count */
function workingDays(from: Date | string, to: Date | string): number | null {
  try {
    return Math.max(0, workingDaysBetween(from, to));
  } catch {
    return null;
  }
}

const RATING_FIELDS = ['rating1', 'rating2', 'rating3', 'rating4', 'rating5'] as const;

export function caseOpened(data: EventData<'affairs.case.opened'>): Fact[] {
  const { centreId, itemCode, state, openedAt } = data;
  return [{ centreId, itemCode, at: new Date(openedAt), inc: { opened: 1, [state]: 1 } }];
}

/**
 * A step of a case. `acceptedAt` is when the case was last accepted, known when the step completes it: the
 * handling time is counted in working days from then, as the promised limit is.
 */
export function caseTransitioned(
  data: EventData<'affairs.case.transitioned'>,
  acceptedAt: Date | null,
): Fact[] {
  const { centreId, itemCode, to, at, trips, due, rating } = data;
  const when = new Date(at);
  const inc: Inc = { [to]: 1 };
  if (to === 'delivered') inc.oneTrip = trips <= 1 ? 1 : 0;
  if (to === 'rated' && rating !== null) inc[RATING_FIELDS[rating - 1]] = 1;
  if (to === 'completed' && due !== null) {
    inc.completedOnTime = shanghaiDay(when) <= due ? 1 : 0;
    const spent = acceptedAt && workingDays(acceptedAt, when);
    const promised = acceptedAt && workingDays(acceptedAt, due);
    if (typeof spent === 'number' && typeof promised === 'number') {
      inc.timed = 1;
      inc.handlingDays = spent;
      inc.promisedDays = promised;
    }
  }
  return [{ centreId, itemCode, at: when, inc }];
}

export function slaAlerted(data: EventData<'affairs.case.sla-alerted'>, at: Date): Fact[] {
  const { centreId, itemCode, level } = data;
  return [{ centreId, itemCode, at, inc: level === 'overdue' ? { overdue: 1 } : { dueSoon: 1 } }];
}

export function rectified(data: EventData<'affairs.case.rectified'>): Fact[] {
  const { centreId, itemCode, at, onTime } = data;
  return [{ centreId, itemCode, at: new Date(at), inc: { rectified: 1, rectifiedOnTime: onTime ? 1 : 0 } }];
}

export function rectificationOverdue(
  data: EventData<'affairs.case.rectification-overdue'>,
  at: Date,
): Fact[] {
  const { centreId, itemCode } = data;
  return [{ centreId, itemCode, at, inc: { rectificationOverdue: 1 } }];
}

export function ticketIssued(data: EventData<'affairs.queue.ticket-issued'>): Fact[] {
  return [{ centreId: data.centreId, at: new Date(data.issuedAt), hourly: true, inc: { ticketsIssued: 1 } }];
}

/** A first call ends the wait; it is counted in the hour the ticket was issued, a recall not at all. */
export function ticketCalled(data: EventData<'affairs.queue.ticket-called'>, issuedAt: Date | null): Fact[] {
  if (data.recall || issuedAt === null) return [];
  const waited = Math.max(0, Math.round((Date.parse(data.calledAt) - issuedAt.getTime()) / 1000));
  return [
    { centreId: data.centreId, at: issuedAt, hourly: true, inc: { ticketsCalled: 1, waitSeconds: waited } },
  ];
}

export function ticketClosed(data: EventData<'affairs.queue.ticket-closed'>, issuedAt: Date | null): Fact[] {
  if (data.outcome !== 'no_show') return [];
  return [{ centreId: data.centreId, at: issuedAt ?? new Date(data.at), hourly: true, inc: { noShow: 1 } }];
}
