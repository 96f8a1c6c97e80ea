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

const C1 = 'sz/futian/xiangmihu/c-001';
const C2 = 'sz/futian/lianhua/c-001';

type Entry = EventData<'volunteer.hours.credited'>;
const entry = (
  over: Partial<Entry> & Pick<Entry, 'entryId' | 'volunteerId' | 'minutes' | 'servedOn'>,
): Entry => ({
  kind: 'credit',
  source: 'attendance',
  sourceRef: over.activityId ?? 'ref',
  activityId: null,
  centreId: C1,
  teamId: null,
  projectId: null,
  approvedBy: 'u-centre',
  reason: null,
  reverses: null,
  at: `${over.servedOn}T10:00:00.000Z`,
  ...over,
});
const activity = (
  activityId: string,
  category: 'service' | 'party_life' | 'talk' | 'survey',
  startsAt: string,
) =>
  buildEvent(
    'volunteer.activity.published',
    activityId,
    {
      activityId,
      title: `活动 ${activityId}`,
      centreId: C1,
      orgId: null,
      teamId: null,
      projectId: null,
      category,
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString(),
      capacity: 10,
    },
    'volunteer',
  );
const credited = (e: Entry) => buildEvent('volunteer.hours.credited', e.volunteerId, e, 'volunteer');
const wish = (wishId: string, state: EventData<'volunteer.wish.changed'>['state'], at: string) =>
  buildEvent(
    'volunteer.wish.changed',
    wishId,
    { wishId, centreId: C1, state, claimerId: state === 'pending' ? null : 'v-2', by: 'u', at },
    'volunteer',
  );

/**
 * A known week (2026-W48) of volunteer events at 香蜜湖 c-001, and one at 莲花 c-001. v-1 is a 在职党员 who reports
 * to c-001 and meets the year's "五个一" on Thu 26th (the survey is the last item missing); v-2 serves twice at
 * c-001 and once at 莲花; an honour entry and a reversal of 30 minutes.
 */
export function knownVolunteerWeek(): DomainEvent[] {
  return [
    buildEvent(
      'volunteer.volunteer.registered',
      'v-1',
      { volunteerId: 'v-1', centreId: C1, partyMember: true, at: '2026-11-23T01:00:00.000Z' },
      'volunteer',
    ),
    buildEvent(
      'volunteer.volunteer.registered',
      'v-2',
      { volunteerId: 'v-2', centreId: C1, partyMember: false, at: '2026-11-23T01:00:00.000Z' },
      'volunteer',
    ),
    buildEvent(
      'volunteer.volunteer.party-reported',
      'v-1',
      { volunteerId: 'v-1', unitId: 'org-unit-1', communityId: C1, reportedOn: '2026-11-23' },
      'volunteer',
    ),
    activity('a-svc', 'service', '2026-11-23T02:00:00.000Z'),
    activity('a-life', 'party_life', '2026-11-24T02:00:00.000Z'),
    activity('a-talk', 'talk', '2026-11-25T02:00:00.000Z'),
    activity('a-survey', 'survey', '2026-11-26T02:00:00.000Z'),
    buildEvent(
      'volunteer.activity.attendance-recorded',
      'a-svc',
      {
        activityId: 'a-svc',
        volunteerId: 'v-2',
        step: 'checked_in',
        via: 'kiosk',
        by: 'v-2',
        at: '2026-11-23T02:00:00.000Z',
        minutes: null,
        reason: null,
      },
      'volunteer',
    ),
    credited(
      entry({
        entryId: 'e-1',
        volunteerId: 'v-1',
        minutes: 120,
        servedOn: '2026-11-23',
        activityId: 'a-svc',
      }),
    ),
    credited(
      entry({
        entryId: 'e-2',
        volunteerId: 'v-1',
        minutes: 60,
        servedOn: '2026-11-24',
        activityId: 'a-life',
      }),
    ),
    credited(
      entry({
        entryId: 'e-3',
        volunteerId: 'v-1',
        minutes: 60,
        servedOn: '2026-11-25',
        activityId: 'a-talk',
      }),
    ),
    credited(
      entry({ entryId: 'e-4', volunteerId: 'v-1', minutes: 30, servedOn: '2026-11-25', source: 'wish' }),
    ),
    credited(
      entry({
        entryId: 'e-5',
        volunteerId: 'v-1',
        minutes: 90,
        servedOn: '2026-11-26',
        activityId: 'a-survey',
      }),
    ),
    credited(
      entry({
        entryId: 'e-6',
        volunteerId: 'v-2',
        minutes: 120,
        servedOn: '2026-11-23',
        activityId: 'a-svc',
      }),
    ),
    credited(
      entry({ entryId: 'e-7', volunteerId: 'v-2', minutes: 60, servedOn: '2026-11-27', activityId: 'a-svc' }),
    ),
    credited(
      entry({ entryId: 'e-8', volunteerId: 'v-2', minutes: 45, servedOn: '2026-11-27', centreId: C2 }),
    ),
    credited(
      entry({
        entryId: 'e-9',
        volunteerId: 'v-2',
        minutes: 240,
        servedOn: '2026-11-28',
        kind: 'honour',
        source: 'honour',
      }),
    ),
    buildEvent(
      'volunteer.hours.reversed',
      'v-2',
      entry({
        entryId: 'e-10',
        volunteerId: 'v-2',
        minutes: -30,
        servedOn: '2026-11-27',
        reverses: 'e-7',
        source: 'correction',
      }),
      'volunteer',
    ),
    wish('w-1', 'pending', '2026-11-23T03:00:00.000Z'),
    wish('w-1', 'open', '2026-11-23T05:00:00.000Z'),
    wish('w-1', 'claimed', '2026-11-24T03:00:00.000Z'),
    wish('w-1', 'fulfilled', '2026-11-26T04:00:00.000Z'),
    wish('w-2', 'pending', '2026-11-27T03:00:00.000Z'),
  ];
}

const STREET = 'sz/futian/xiangmihu';
const pb = (kind: 'branch' | 'joint_branch' | 'group' | 'none') => ({
  kind,
  formedAt: kind === 'none' ? null : '2020-01-01',
  partyMembers: kind === 'none' ? 0 : 3,
});
const org = (orgId: string, kind: 'branch' | 'none', at: string) =>
  buildEvent(
    'socialorg.organisation.registered',
    orgId,
    {
      orgId,
      centreId: C1,
      streetId: STREET,
      name: `组织 ${orgId}`,
      registration: 'registered',
      creditCode: null,
      type: 'social_service',
      partyBuilding: pb(kind),
      by: 'u-street',
      at,
    },
    'socialorg',
  );

/**
 * Two organisations at 香蜜湖 c-001 (one with a 党支部, one without that later forms a 联合党支部), one incubated
 * to graduation, a call opened and awarded ¥12,345.67 and ¥5,000.00, a tranche of ¥3,000.01 paid and a subsidy.
 */
export function knownSocialorgWeek(): DomainEvent[] {
  const facts = { incubationId: 'inc-1', orgId: 'o-2', baseId: 'base-1' };
  const step = (from: 'applied' | 'incubating', to: 'incubating' | 'graduated', at: string) =>
    buildEvent(
      'socialorg.incubation.transitioned',
      'inc-1',
      {
        ...facts,
        action: to === 'graduated' ? 'graduate' : 'admit',
        from,
        to,
        role: 'street_admin',
        reason: null,
        by: 'u',
        at,
      },
      'socialorg',
    );
  const call = { callId: 'call-1', kind: 'government_purchase' as const, ownerScope: STREET };
  return [
    org('o-1', 'branch', '2026-11-23T01:00:00.000Z'),
    org('o-2', 'none', '2026-11-23T02:00:00.000Z'),
    buildEvent(
      'socialorg.organisation.party-building-changed',
      'o-2',
      {
        orgId: 'o-2',
        centreId: C1,
        streetId: STREET,
        from: pb('none'),
        to: pb('joint_branch'),
        reason: '成立',
        by: 'u',
        at: '2026-11-25T01:00:00.000Z',
      },
      'socialorg',
    ),
    buildEvent(
      'socialorg.incubation.applied',
      'inc-1',
      { ...facts, needs: [], by: 'u', at: '2026-11-23T03:00:00.000Z' },
      'socialorg',
    ),
    step('applied', 'incubating', '2026-11-24T03:00:00.000Z'),
    step('incubating', 'graduated', '2026-11-27T03:00:00.000Z'),
    buildEvent(
      'socialorg.call.transitioned',
      'call-1',
      {
        ...call,
        action: 'open',
        from: 'draft',
        to: 'open',
        by: 'u',
        at: '2026-11-23T04:00:00.000Z',
        reason: null,
        budgetFen: 2_000_000,
        awardedFen: 0,
        remainingFen: 2_000_000,
      },
      'socialorg',
    ),
    buildEvent(
      'socialorg.call.awarded',
      'call-1',
      {
        ...call,
        awards: [
          { applicationId: 'ap-1', orgId: 'o-1', streetId: STREET, amountFen: 1_234_567 },
          { applicationId: 'ap-2', orgId: 'o-2', streetId: STREET, amountFen: 500_000 },
        ],
        budgetFen: 2_000_000,
        awardedFen: 1_734_567,
        remainingFen: 265_433,
        by: 'u',
        at: '2026-11-26T04:00:00.000Z',
      },
      'socialorg',
    ),
    buildEvent(
      'socialorg.call.tranche-paid',
      'call-1',
      {
        agreementId: 'ag-1',
        callId: 'call-1',
        applicationId: 'ap-1',
        orgId: 'o-1',
        streetId: STREET,
        kind: 'government_purchase',
        ownerScope: STREET,
        tranche: 1,
        amountFen: 300_001,
        voucher: 'V-1',
        paidOn: '2026-11-27',
        paidFen: 300_001,
        unpaidFen: 934_566,
        by: 'u',
        at: '2026-11-27T04:00:00.000Z',
      },
      'socialorg',
    ),
  ];
}

/** Room bookings at c-001 on Wed 25th: two booked (3 and 5 attendees), one attended, one cancelled. */
export function knownRoomsWeek(): DomainEvent[] {
  const booking = (bookingId: string, attendees: number) => ({
    bookingId,
    roomRef: 'r-1',
    centreId: C1,
    roomId: 'room-1',
    date: '2026-11-25',
    start: '09:00',
    end: '10:00',
    party: 'personal' as const,
    groupName: null,
    attendees,
    at: '2026-11-24T01:00:00.000Z',
  });
  return [
    buildEvent('catalogue.room.booked', 'b-1', booking('b-1', 3), 'catalogue'),
    buildEvent('catalogue.room.booked', 'b-2', booking('b-2', 5), 'catalogue'),
    buildEvent('catalogue.room.attended', 'b-1', booking('b-1', 3), 'catalogue'),
    buildEvent('catalogue.room.cancelled', 'b-2', booking('b-2', 5), 'catalogue'),
  ];
}
