/** Event builders for specs of the dashboards (`@psc/contracts/insight/testing`), kept out of production imports. */
import { buildEvent, type DomainEvent, type EventData } from '../../registry';

type CaseStep = Pick<EventData<'affairs.case.transitioned'>, 'action' | 'from' | 'to'> &
  Partial<EventData<'affairs.case.transitioned'>>;

/** Affairs events of one case or ticket, with the facts a dashboard reads and the rest filled in. */
export function caseEvents(caseNo: string, centreId: string, itemCode: string) {
  const facts = { caseNo, centreId, itemCode, itemVersion: 1 };
  return {
    opened: (openedAt: string, state: 'accepted' | 'correcting', due: string | null) =>
      buildEvent(
        'affairs.case.opened',
        caseNo,
        {
          ...facts,
          trips: 1,
          itemName: '测试事项',
          state,
          openedAt,
          openedBy: 'u-counter',
          missing: [],
          deferred: [],
          promiseDue: null,
          due,
        },
        'affairs',
        new Date(openedAt),
      ),
    step: (at: string, step: CaseStep) =>
      buildEvent(
        'affairs.case.transitioned',
        caseNo,
        {
          ...facts,
          trips: 1,
          by: 'u-counter',
          role: 'counter_staff',
          at,
          reason: null,
          due: null,
          rating: null,
          ...step,
        },
        'affairs',
        new Date(at),
      ),
    alerted: (at: string, level: 'due_soon' | 'overdue', due: string) =>
      buildEvent(
        'affairs.case.sla-alerted',
        caseNo,
        { caseNo, centreId, itemCode, level, due, assignee: null },
        'affairs',
        new Date(at),
      ),
    rectified: (at: string, due: string, onTime: boolean) =>
      buildEvent(
        'affairs.case.rectified',
        caseNo,
        { caseNo, centreId, itemCode, by: 'u-admin', at, due, onTime },
        'affairs',
        new Date(at),
      ),
  };
}

export function ticketEvents(ticketId: string, centreId: string) {
  const facts = { ticketId, centreId, number: `A${ticketId.slice(-3)}` };
  return {
    issued: (issuedAt: string) =>
      buildEvent(
        'affairs.queue.ticket-issued',
        ticketId,
        { ...facts, queue: 'A', issuedAt },
        'affairs',
        new Date(issuedAt),
      ),
    called: (calledAt: string, recall = false) =>
      buildEvent(
        'affairs.queue.ticket-called',
        ticketId,
        { ...facts, window: '1', calledAt, recall },
        'affairs',
        new Date(calledAt),
      ),
    closed: (at: string, outcome: 'served' | 'no_show') =>
      buildEvent('affairs.queue.ticket-closed', ticketId, { ...facts, outcome, at }, 'affairs', new Date(at)),
  };
}

export const XIANGMIHU_C1 = 'sz/futian/xiangmihu/c-001';
export const LIANHUA_C1 = 'sz/futian/lianhua/c-001';

/**
 * A known week at two centres (2026-11-23 is a Monday; times in UTC, Shanghai is +8), whose figures the specs
 * state by hand: two cases handled at 香蜜湖 in week 48, one refused at 莲花 in week 49, three tickets.
 */
export function knownWeek(): DomainEvent[] {
  const one = caseEvents('26112300001', XIANGMIHU_C1, 'MZ-001');
  const two = caseEvents('26112300002', XIANGMIHU_C1, 'YL-002');
  const three = caseEvents('26113000001', LIANHUA_C1, 'MZ-001');
  const t1 = ticketEvents('t-001', XIANGMIHU_C1);
  const t2 = ticketEvents('t-002', XIANGMIHU_C1);
  const t3 = ticketEvents('t-003', XIANGMIHU_C1);
  return [
    t1.issued('2026-11-23T01:10:00.000Z'),
    one.opened('2026-11-23T01:20:00.000Z', 'accepted', '2026-11-27'),
    t1.called('2026-11-23T01:25:00.000Z'),
    t2.issued('2026-11-23T01:40:00.000Z'),
    two.opened('2026-11-23T01:50:00.000Z', 'correcting', null),
    t2.called('2026-11-23T02:10:00.000Z'),
    t2.called('2026-11-23T02:12:00.000Z', true),
    t3.issued('2026-11-23T06:00:00.000Z'),
    t3.closed('2026-11-23T06:30:00.000Z', 'no_show'),
    two.step('2026-11-24T01:00:00.000Z', {
      action: 'supplement',
      from: 'correcting',
      to: 'accepted',
      trips: 2,
      due: '2026-11-26',
    }),
    one.step('2026-11-25T02:00:00.000Z', {
      action: 'complete',
      from: 'accepted',
      to: 'completed',
      due: '2026-11-27',
    }),
    one.step('2026-11-25T03:00:00.000Z', {
      action: 'deliver',
      from: 'completed',
      to: 'delivered',
      due: '2026-11-27',
    }),
    one.step('2026-11-25T04:00:00.000Z', { action: 'rate', from: 'delivered', to: 'rated', rating: 5 }),
    two.step('2026-11-27T02:00:00.000Z', {
      action: 'complete',
      from: 'accepted',
      to: 'completed',
      trips: 2,
      due: '2026-11-26',
    }),
    two.step('2026-11-27T03:00:00.000Z', {
      action: 'deliver',
      from: 'completed',
      to: 'delivered',
      trips: 3,
      due: '2026-11-26',
    }),
    two.step('2026-11-27T04:00:00.000Z', {
      action: 'rate',
      from: 'delivered',
      to: 'rated',
      trips: 3,
      rating: 2,
    }),
    two.rectified('2026-11-28T02:00:00.000Z', '2026-12-04', true),
    three.opened('2026-11-30T01:00:00.000Z', 'accepted', '2026-12-02'),
    three.alerted('2026-12-03T01:00:00.000Z', 'overdue', '2026-12-02'),
    three.step('2026-12-03T02:00:00.000Z', {
      action: 'refuse',
      from: 'accepted',
      to: 'refused',
      reason: '不符合条件',
    }),
  ];
}
