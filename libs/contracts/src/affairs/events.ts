import { z } from 'zod';
import { CASE_STATE_CODES } from './case';
import type { EventDefinition } from '../slices';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const state = z.enum(CASE_STATE_CODES);

/** Fields every case event carries, so a read model (one-trip rate, SLA boards) needs no other source. */
const caseFacts = {
  caseNo: z.string().min(1),
  centreId: z.string().min(1),
  itemCode: z.string().min(1),
  itemVersion: z.number().int().positive(),
  /** in-person visits so far; the one-trip rate counts completed cases with at most one */
  trips: z.number().int().min(0),
};

export const affairsCaseOpenedV1 = z.object({
  ...caseFacts,
  itemName: z.string().min(1),
  state: z.enum(['correcting', 'accepted']),
  openedAt: z.iso.datetime(),
  openedBy: z.string().min(1),
  /** materials missing at intake: the 一次性告知书 lists them */
  missing: z.array(z.string().min(1)),
  /** materials accepted on promise (容缺), due by `promiseDue` */
  deferred: z.array(z.string().min(1)),
  promiseDue: day.nullable(),
  /** the working day by which the case must be completed, once it is accepted */
  due: day.nullable(),
});

export const affairsCaseTransitionedV1 = z.object({
  ...caseFacts,
  action: z.string().min(1),
  from: state,
  to: state,
  by: z.string().min(1),
  role: z.string().min(1),
  at: z.iso.datetime(),
  reason: z.string().nullable(),
  due: day.nullable(),
  rating: z.number().int().min(1).max(5).nullable(),
});

/**
 * A case was delivered: the resident is invited to rate it by SMS. Identity holds the phone number and sends the
 * text; `token` is the link's proof (a keyed hash of the case number), so the rating page needs no sign-in.
 */
export const affairsCaseRatingInvitedV1 = z.object({
  caseNo: z.string().min(1),
  centreId: z.string().min(1),
  itemName: z.string().min(1),
  residentId: z.string().min(1),
  token: z.string().min(16),
});

/**
 * A running case came within a working day of its due day (`due_soon`) or passed it (`overdue`); raised once per
 * level, for the department it sits with and the centre's administrator.
 */
export const affairsCaseSlaAlertedV1 = z.object({
  caseNo: z.string().min(1),
  centreId: z.string().min(1),
  itemCode: z.string().min(1),
  level: z.enum(['due_soon', 'overdue']),
  due: day,
  assignee: z.string().nullable(),
});

/** A 差评's rectification passed its deadline unanswered. */
export const affairsRectificationOverdueV1 = z.object({
  caseNo: z.string().min(1),
  centreId: z.string().min(1),
  itemCode: z.string().min(1),
  due: day,
});

/** 容缺 materials were not brought by the promised day: the centre follows the promise up with the resident. */
export const affairsPromiseOverdueV1 = z.object({
  caseNo: z.string().min(1),
  centreId: z.string().min(1),
  itemCode: z.string().min(1),
  due: day,
  materials: z.array(z.string().min(1)).min(1),
  assignee: z.string().nullable(),
});

/** The centre's answer to a 差评; `onTime` says whether it came within the deadline. */
export const affairsCaseRectifiedV1 = z.object({
  caseNo: z.string().min(1),
  centreId: z.string().min(1),
  itemCode: z.string().min(1),
  by: z.string().min(1),
  at: z.iso.datetime(),
  due: day,
  onTime: z.boolean(),
});

/**
 * A case was completed by a proxy (代办员) who is a registered volunteer: the volunteer service credits the minutes
 * they spent. An event of its own rather than fields on every transition, so the other consumers of the case topic
 * never receive volunteers' ids.
 */
export const affairsCaseProxyCompletedV1 = z.object({
  caseNo: z.string().min(1),
  centreId: z.string().min(1),
  itemCode: z.string().min(1),
  itemName: z.string().min(1),
  /** the volunteer's resident id (identity's `sub`) */
  volunteerId: z.string().min(1),
  proxyName: z.string().min(1),
  minutes: z.number().int().positive(),
  completedBy: z.string().min(1),
  completedAt: z.iso.datetime(),
});

export const affairsTicketIssuedV1 = z.object({
  ticketId: z.string().min(1),
  centreId: z.string().min(1),
  number: z.string().min(1),
  queue: z.string().min(1),
  issuedAt: z.iso.datetime(),
});

export const affairsTicketCalledV1 = z.object({
  ticketId: z.string().min(1),
  centreId: z.string().min(1),
  number: z.string().min(1),
  window: z.string().min(1),
  calledAt: z.iso.datetime(),
  recall: z.boolean(),
});

export const affairsTicketClosedV1 = z.object({
  ticketId: z.string().min(1),
  centreId: z.string().min(1),
  number: z.string().min(1),
  outcome: z.enum(['served', 'no_show']),
  at: z.iso.datetime(),
});

export const AFFAIRS_TOPICS = { affairsCase: 'affairs.case.v1', affairsQueue: 'affairs.queue.v1' } as const;

export const AFFAIRS_EVENTS = {
  'affairs.case.opened': { topic: AFFAIRS_TOPICS.affairsCase, version: 1, schema: affairsCaseOpenedV1 },
  'affairs.case.transitioned': {
    topic: AFFAIRS_TOPICS.affairsCase,
    version: 1,
    schema: affairsCaseTransitionedV1,
  },
  'affairs.case.rating-invited': {
    topic: AFFAIRS_TOPICS.affairsCase,
    version: 1,
    schema: affairsCaseRatingInvitedV1,
  },
  'affairs.case.rectified': { topic: AFFAIRS_TOPICS.affairsCase, version: 1, schema: affairsCaseRectifiedV1 },
  'affairs.case.sla-alerted': {
    topic: AFFAIRS_TOPICS.affairsCase,
    version: 1,
    schema: affairsCaseSlaAlertedV1,
  },
  'affairs.case.rectification-overdue': {
    topic: AFFAIRS_TOPICS.affairsCase,
    version: 1,
    schema: affairsRectificationOverdueV1,
  },
  'affairs.case.promise-overdue': {
    topic: AFFAIRS_TOPICS.affairsCase,
    version: 1,
    schema: affairsPromiseOverdueV1,
  },
  'affairs.case.proxy-completed': {
    topic: AFFAIRS_TOPICS.affairsCase,
    version: 1,
    schema: affairsCaseProxyCompletedV1,
  },
  'affairs.queue.ticket-issued': {
    topic: AFFAIRS_TOPICS.affairsQueue,
    version: 1,
    schema: affairsTicketIssuedV1,
  },
  'affairs.queue.ticket-called': {
    topic: AFFAIRS_TOPICS.affairsQueue,
    version: 1,
    schema: affairsTicketCalledV1,
  },
  'affairs.queue.ticket-closed': {
    topic: AFFAIRS_TOPICS.affairsQueue,
    version: 1,
    schema: affairsTicketClosedV1,
  },
} as const satisfies Record<string, EventDefinition>;
