import { z } from 'zod';
import type { EventDefinition } from '../slices';
import { AGREEMENT_STATE_CODES, EVALUATION_GRADE_CODES } from './agreements';
import { CALLS_TOPICS } from './calls.events';
import { fenSchema } from './funding-basics';

export const AGREEMENTS_TOPICS = { socialorgAgreement: 'socialorg.agreement.v1' } as const;

const at = z.iso.datetime();
const id = z.string().min(1);
const agreementFacts = { agreementId: id, callId: id, applicationId: id, orgId: id, streetId: id };

export const socialorgAgreementSignedV1 = z.object({
  ...agreementFacts,
  contractedFen: fenSchema,
  tranches: z.array(z.object({ tranche: z.number().int().min(1), releaseOn: id, amountFen: fenSchema })),
  signedOn: z.string(),
  by: id,
  at,
});

export const socialorgMilestoneReportedV1 = z.object({
  ...agreementFacts,
  milestone: id,
  evidence: z.array(id),
  by: id,
  at,
});

export const socialorgMilestoneDecidedV1 = z.object({
  ...agreementFacts,
  milestone: id,
  decision: z.enum(['accept', 'return']),
  by: id,
  at,
});

export const socialorgAgreementEvaluatedV1 = z.object({
  ...agreementFacts,
  grade: z.enum(EVALUATION_GRADE_CODES),
  score: z.number().int().min(0).max(100),
  by: id,
  at,
});

export const socialorgAgreementTransitionedV1 = z.object({
  ...agreementFacts,
  action: id,
  from: z.enum(AGREEMENT_STATE_CODES),
  to: z.enum(AGREEMENT_STATE_CODES),
  reason: z.string().nullable(),
  by: id,
  at,
});

/**
 * Money moves in the call's ledger, so these two are the call's events (keyed by the call): a tranche (or part of
 * one) paid, and money given back to the call's budget, with why.
 */
export const socialorgCallTranchePaidV1 = z.object({
  ...agreementFacts,
  kind: id,
  ownerScope: id,
  tranche: z.number().int().min(1),
  amountFen: fenSchema,
  voucher: z.string().min(1),
  paidOn: z.string(),
  /** the agreement's totals after this payment */
  paidFen: fenSchema,
  unpaidFen: fenSchema,
  by: id,
  at,
});

export const FUNDS_RELEASE_CAUSES = [
  'award_cancelled',
  'contract_below_award',
  'agreement_terminated',
  'agreement_completed',
] as const;

export const socialorgCallFundsReleasedV1 = z.object({
  callId: id,
  kind: id,
  ownerScope: id,
  applicationId: id,
  agreementId: z.string().nullable(),
  orgId: id,
  streetId: id,
  releasedFen: fenSchema,
  cause: z.enum(FUNDS_RELEASE_CAUSES),
  /** the call's totals after the release */
  awardedFen: fenSchema,
  remainingFen: fenSchema,
  by: id,
  at,
});

export const AGREEMENTS_EVENTS = {
  'socialorg.agreement.signed': {
    topic: AGREEMENTS_TOPICS.socialorgAgreement,
    version: 1,
    schema: socialorgAgreementSignedV1,
  },
  'socialorg.agreement.milestone-reported': {
    topic: AGREEMENTS_TOPICS.socialorgAgreement,
    version: 1,
    schema: socialorgMilestoneReportedV1,
  },
  'socialorg.agreement.milestone-decided': {
    topic: AGREEMENTS_TOPICS.socialorgAgreement,
    version: 1,
    schema: socialorgMilestoneDecidedV1,
  },
  'socialorg.agreement.evaluated': {
    topic: AGREEMENTS_TOPICS.socialorgAgreement,
    version: 1,
    schema: socialorgAgreementEvaluatedV1,
  },
  'socialorg.agreement.transitioned': {
    topic: AGREEMENTS_TOPICS.socialorgAgreement,
    version: 1,
    schema: socialorgAgreementTransitionedV1,
  },
  'socialorg.call.tranche-paid': {
    topic: CALLS_TOPICS.socialorgCall,
    version: 1,
    schema: socialorgCallTranchePaidV1,
  },
  'socialorg.call.funds-released': {
    topic: CALLS_TOPICS.socialorgCall,
    version: 1,
    schema: socialorgCallFundsReleasedV1,
  },
} as const satisfies Record<string, EventDefinition>;
