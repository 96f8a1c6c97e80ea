import { z } from 'zod';
import type { EventDefinition } from '../slices';
import { CALL_KIND_CODES, CALL_STATE_CODES } from './calls';
import { fenSchema } from './funding-basics';

export const CALLS_TOPICS = {
  socialorgCall: 'socialorg.call.v1',
  socialorgApplication: 'socialorg.application.v1',
} as const;

const at = z.iso.datetime();
const id = z.string().min(1);
/** What every call event carries, so a dashboard can sum a street's or a district's money without another source. */
const callFacts = { callId: id, kind: z.enum(CALL_KIND_CODES), ownerScope: id };

export const socialorgCallDraftedV1 = z.object({
  ...callFacts,
  title: z.string().min(1),
  budgetFen: fenSchema,
  by: id,
  at,
});

export const socialorgCallTransitionedV1 = z.object({
  ...callFacts,
  action: id,
  from: z.enum(CALL_STATE_CODES),
  to: z.enum(CALL_STATE_CODES),
  by: id,
  at,
  reason: z.string().nullable(),
  budgetFen: fenSchema,
  awardedFen: fenSchema,
  remainingFen: fenSchema,
});

/** The 公示 began: the proposed awards, through `lastDay` (working days, Shanghai). */
export const socialorgCallPublicisedV1 = z.object({
  ...callFacts,
  startedAt: at,
  lastDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  endsAt: at,
  proposed: z.array(z.object({ applicationId: id, orgId: id, amountFen: fenSchema })),
});

export const socialorgCallObjectionRaisedV1 = z.object({
  ...callFacts,
  objectionId: id,
  applicationId: z.string().nullable(),
  by: id,
  at,
});

export const socialorgCallObjectionAnsweredV1 = z.object({
  ...callFacts,
  objectionId: id,
  applicationId: z.string().nullable(),
  upheld: z.boolean(),
  by: id,
  at,
});

/** 立项: each award with the organisation's street, committed from the budget in the same write. */
export const socialorgCallAwardedV1 = z.object({
  ...callFacts,
  awards: z.array(z.object({ applicationId: id, orgId: id, streetId: id, amountFen: fenSchema })),
  budgetFen: fenSchema,
  awardedFen: fenSchema,
  remainingFen: fenSchema,
  by: id,
  at,
});

const applicationFacts = { applicationId: id, callId: id, orgId: id };

export const socialorgApplicationDraftedV1 = z.object({ ...applicationFacts, requestFen: fenSchema, at });

export const socialorgApplicationSubmittedV1 = z.object({
  ...applicationFacts,
  streetId: id,
  requestFen: fenSchema,
  at,
});

export const socialorgApplicationWithdrawnV1 = z.object({ ...applicationFacts, by: id, at });

export const socialorgApplicationEligibilityCheckedV1 = z.object({
  ...applicationFacts,
  passed: z.boolean(),
  /** the kinds of the rules it failed */
  failed: z.array(id),
  by: id,
  at,
});

export const CALLS_EVENTS = {
  'socialorg.call.drafted': { topic: CALLS_TOPICS.socialorgCall, version: 1, schema: socialorgCallDraftedV1 },
  'socialorg.call.transitioned': {
    topic: CALLS_TOPICS.socialorgCall,
    version: 1,
    schema: socialorgCallTransitionedV1,
  },
  'socialorg.call.publicised': {
    topic: CALLS_TOPICS.socialorgCall,
    version: 1,
    schema: socialorgCallPublicisedV1,
  },
  'socialorg.call.objection-raised': {
    topic: CALLS_TOPICS.socialorgCall,
    version: 1,
    schema: socialorgCallObjectionRaisedV1,
  },
  'socialorg.call.objection-answered': {
    topic: CALLS_TOPICS.socialorgCall,
    version: 1,
    schema: socialorgCallObjectionAnsweredV1,
  },
  'socialorg.call.awarded': { topic: CALLS_TOPICS.socialorgCall, version: 1, schema: socialorgCallAwardedV1 },
  'socialorg.application.drafted': {
    topic: CALLS_TOPICS.socialorgApplication,
    version: 1,
    schema: socialorgApplicationDraftedV1,
  },
  'socialorg.application.submitted': {
    topic: CALLS_TOPICS.socialorgApplication,
    version: 1,
    schema: socialorgApplicationSubmittedV1,
  },
  'socialorg.application.withdrawn': {
    topic: CALLS_TOPICS.socialorgApplication,
    version: 1,
    schema: socialorgApplicationWithdrawnV1,
  },
  'socialorg.application.eligibility-checked': {
    topic: CALLS_TOPICS.socialorgApplication,
    version: 1,
    schema: socialorgApplicationEligibilityCheckedV1,
  },
} as const satisfies Record<string, EventDefinition>;
