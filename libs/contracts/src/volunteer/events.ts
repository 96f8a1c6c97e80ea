import { z } from 'zod';
import type { EventDefinition } from '../slices';
import { ACTIVITY_CATEGORY_CODES } from './rules';

const id = z.string().min(1);
const at = z.iso.datetime();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const volunteerRegisteredV1 = z.object({
  volunteerId: id,
  centreId: id,
  partyMember: z.boolean(),
  at,
});

/** A 在职党员 reported to their residence community (双报到): the employer unit, the community, the day. */
export const volunteerPartyReportedV1 = z.object({
  volunteerId: id,
  unitId: id,
  communityId: id,
  reportedOn: day,
});

export const volunteerTeamFormedV1 = z.object({
  teamId: id,
  name: z.string().min(1),
  leaderId: id,
  centreId: id.nullable(),
  orgId: id.nullable(),
});

export const volunteerTeamJoinedV1 = z.object({ teamId: id, volunteerId: id });

/** A volunteer's full name left the service (certificate, staff reveal): field names only, never values. */
export const volunteerPiiAccessedV1 = z.object({
  auditId: id,
  subjectId: id,
  actorId: id,
  actorKind: z.string().min(1),
  actorRole: z.string().min(1),
  fields: z.array(z.string().min(1)).min(1),
  purpose: z.string().min(1),
  at,
});

export const volunteerActivityPublishedV1 = z.object({
  activityId: id,
  title: z.string().min(1),
  centreId: id,
  orgId: id.nullable(),
  teamId: id.nullable(),
  /** the purchased-service project (socialorg's agreement) the activity belongs to */
  projectId: id.nullable(),
  category: z.enum(ACTIVITY_CATEGORY_CODES),
  startsAt: at,
  endsAt: at,
  capacity: z.number().int().positive(),
});

export const volunteerSignupChangedV1 = z.object({
  activityId: id,
  volunteerId: id,
  /** confirmed: has a place; waiting: on the waiting list; cancelled: left */
  state: z.enum(['confirmed', 'waiting', 'cancelled']),
  /** on a cancellation, the waiting volunteer who got the freed place */
  promoted: id.nullable(),
  at,
});

export const volunteerAttendanceRecordedV1 = z.object({
  activityId: id,
  volunteerId: id,
  step: z.enum(['checked_in', 'checked_out', 'closed', 'approved']),
  /** kiosk: the volunteer at a kiosk; organiser: recorded or closed by the organiser */
  via: z.enum(['kiosk', 'organiser']),
  by: id,
  at,
  /** check-out, close and approval: the minutes served by the rule (clipped, down to the quarter hour) */
  minutes: z.number().int().min(0).nullable(),
  reason: z.string().nullable(),
});

/** One ledger entry, as written: never edited; a reversal is an entry of its own with negative minutes. */
export const volunteerLedgerEntryV1 = z.object({
  entryId: id,
  volunteerId: id,
  kind: z.enum(['credit', 'honour']),
  minutes: z.number().int(),
  source: z.enum(['attendance', 'wish', 'proxy', 'honour', 'correction']),
  /** what the entry is for: the activity, wish, case or correction request */
  sourceRef: id,
  activityId: id.nullable(),
  centreId: id,
  teamId: id.nullable(),
  projectId: id.nullable(),
  /** the day served: reversals keep the original's, so every period's balance stays a sum of its entries */
  servedOn: day,
  approvedBy: id,
  reason: z.string().nullable(),
  /** a reversal's original entry */
  reverses: id.nullable(),
  at,
});

export const volunteerCorrectionRequestedV1 = z.object({
  requestId: id,
  entryId: id,
  volunteerId: id,
  centreId: id,
  minutesClaimed: z.number().int().min(0),
  at,
});

export const volunteerCorrectionAnsweredV1 = z.object({
  requestId: id,
  entryId: id,
  volunteerId: id,
  accepted: z.boolean(),
  minutes: z.number().int().min(0).nullable(),
  by: id,
  at,
});

/** Raised once per level and volunteer, the first time the 信用 balance reaches it. */
export const volunteerStarRaisedV1 = z.object({
  volunteerId: id,
  level: z.number().int().min(1).max(5),
  name: z.string().min(1),
  creditMinutes: z.number().int().min(0),
  at,
});

/** The reconciliation found counters that are not the sum of their entries (after letting in-flight ones land). */
export const volunteerReconciliationFailedV1 = z.object({
  runId: id,
  mismatches: z
    .array(z.object({ key: z.string(), field: z.string(), counter: z.number(), entries: z.number() }))
    .min(1),
  at,
});

export const volunteerCertificateChangedV1 = z.object({
  certificateId: id,
  volunteerId: id,
  centreId: id,
  state: z.enum(['applied', 'accepted', 'issued']),
  by: id,
  at,
});

export const volunteerWishChangedV1 = z.object({
  wishId: id,
  centreId: id,
  state: z.enum(['pending', 'open', 'rejected', 'claimed', 'fulfilled', 'confirmed']),
  /** the volunteer who claimed it, once claimed */
  claimerId: id.nullable(),
  by: id,
  at,
});

export const VOLUNTEER_TOPICS = {
  volunteerVolunteer: 'volunteer.volunteer.v1',
  volunteerActivity: 'volunteer.activity.v1',
  volunteerHours: 'volunteer.hours.v1',
  volunteerCertificate: 'volunteer.certificate.v1',
  volunteerWish: 'volunteer.wish.v1',
} as const;

const T = VOLUNTEER_TOPICS;

export const VOLUNTEER_EVENTS = {
  'volunteer.volunteer.registered': {
    topic: T.volunteerVolunteer,
    version: 1,
    schema: volunteerRegisteredV1,
  },
  'volunteer.volunteer.party-reported': {
    topic: T.volunteerVolunteer,
    version: 1,
    schema: volunteerPartyReportedV1,
  },
  'volunteer.volunteer.pii-accessed': {
    topic: T.volunteerVolunteer,
    version: 1,
    schema: volunteerPiiAccessedV1,
  },
  'volunteer.team.formed': { topic: T.volunteerVolunteer, version: 1, schema: volunteerTeamFormedV1 },
  'volunteer.team.joined': { topic: T.volunteerVolunteer, version: 1, schema: volunteerTeamJoinedV1 },
  'volunteer.activity.published': {
    topic: T.volunteerActivity,
    version: 1,
    schema: volunteerActivityPublishedV1,
  },
  'volunteer.activity.signup-changed': {
    topic: T.volunteerActivity,
    version: 1,
    schema: volunteerSignupChangedV1,
  },
  'volunteer.activity.attendance-recorded': {
    topic: T.volunteerActivity,
    version: 1,
    schema: volunteerAttendanceRecordedV1,
  },
  'volunteer.hours.credited': { topic: T.volunteerHours, version: 1, schema: volunteerLedgerEntryV1 },
  'volunteer.hours.reversed': { topic: T.volunteerHours, version: 1, schema: volunteerLedgerEntryV1 },
  'volunteer.hours.correction-requested': {
    topic: T.volunteerHours,
    version: 1,
    schema: volunteerCorrectionRequestedV1,
  },
  'volunteer.hours.correction-answered': {
    topic: T.volunteerHours,
    version: 1,
    schema: volunteerCorrectionAnsweredV1,
  },
  'volunteer.hours.star-raised': { topic: T.volunteerHours, version: 1, schema: volunteerStarRaisedV1 },
  'volunteer.hours.reconciliation-failed': {
    topic: T.volunteerHours,
    version: 1,
    schema: volunteerReconciliationFailedV1,
  },
  'volunteer.certificate.changed': {
    topic: T.volunteerCertificate,
    version: 1,
    schema: volunteerCertificateChangedV1,
  },
  'volunteer.wish.changed': { topic: T.volunteerWish, version: 1, schema: volunteerWishChangedV1 },
} as const satisfies Record<string, EventDefinition>;
