import { z } from 'zod';
import type { EventDefinition } from '../slices';
import { CALLS_TOPICS } from './calls.events';

const at = z.iso.datetime();
const id = z.string().min(1);
/** Review events are keyed by the review (application and reviewer), on the applications' topic. */
const reviewFacts = { applicationId: id, callId: id, reviewerId: id };

export const socialorgReviewAssignedV1 = z.object({ ...reviewFacts, by: id, at });

/** 利益冲突声明: recorded whatever it says; `conflict` takes the reviewer off the application. */
export const socialorgReviewDeclaredV1 = z.object({ ...reviewFacts, conflict: z.boolean(), at });

export const socialorgReviewSubmittedV1 = z.object({ ...reviewFacts, total: z.number().min(0).max(100), at });

export const socialorgReviewRevokedV1 = z.object({ ...reviewFacts, by: id, at });

export const SCORING_EVENTS = {
  'socialorg.application.reviewer-assigned': {
    topic: CALLS_TOPICS.socialorgApplication,
    version: 1,
    schema: socialorgReviewAssignedV1,
  },
  'socialorg.application.review-declared': {
    topic: CALLS_TOPICS.socialorgApplication,
    version: 1,
    schema: socialorgReviewDeclaredV1,
  },
  'socialorg.application.review-submitted': {
    topic: CALLS_TOPICS.socialorgApplication,
    version: 1,
    schema: socialorgReviewSubmittedV1,
  },
  'socialorg.application.review-revoked': {
    topic: CALLS_TOPICS.socialorgApplication,
    version: 1,
    schema: socialorgReviewRevokedV1,
  },
} as const satisfies Record<string, EventDefinition>;
