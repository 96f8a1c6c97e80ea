import { z } from 'zod';
import type { EventDefinition } from '../slices';
import { SUBSIDY_KIND_CODES } from './subsidies';
import { fenSchema } from './funding-basics';

export const SUBSIDIES_TOPICS = { socialorgSubsidy: 'socialorg.subsidy.v1' } as const;

const at = z.iso.datetime();
const id = z.string().min(1);
const schemeFacts = { schemeId: id, kind: z.enum(SUBSIDY_KIND_CODES), ownerScope: id };

export const socialorgSchemeOpenedV1 = z.object({
  ...schemeFacts,
  name: z.string().min(1),
  budgetFen: fenSchema,
  by: id,
  at,
});

export const socialorgSchemeClosedV1 = z.object({ ...schemeFacts, by: id, at });

export const socialorgSubsidyClaimedV1 = z.object({
  ...schemeFacts,
  claimId: id,
  orgId: id,
  streetId: id,
  amountFen: fenSchema,
  at,
});

export const socialorgSubsidyRejectedV1 = z.object({
  ...schemeFacts,
  claimId: id,
  orgId: id,
  reason: z.string(),
  by: id,
  at,
});

/** Money moves in the scheme's ledger: these are the scheme's events, keyed by it. */
export const socialorgSubsidyGrantedV1 = z.object({
  ...schemeFacts,
  claimId: id,
  orgId: id,
  streetId: id,
  amountFen: fenSchema,
  grantedFen: fenSchema,
  remainingFen: fenSchema,
  by: id,
  at,
});

export const socialorgSubsidyPaidV1 = z.object({
  ...schemeFacts,
  claimId: id,
  orgId: id,
  streetId: id,
  amountFen: fenSchema,
  voucher: z.string().min(1),
  paidOn: z.string(),
  by: id,
  at,
});

export const SUBSIDIES_EVENTS = {
  'socialorg.subsidy.scheme-opened': {
    topic: SUBSIDIES_TOPICS.socialorgSubsidy,
    version: 1,
    schema: socialorgSchemeOpenedV1,
  },
  'socialorg.subsidy.scheme-closed': {
    topic: SUBSIDIES_TOPICS.socialorgSubsidy,
    version: 1,
    schema: socialorgSchemeClosedV1,
  },
  'socialorg.subsidy.claimed': {
    topic: SUBSIDIES_TOPICS.socialorgSubsidy,
    version: 1,
    schema: socialorgSubsidyClaimedV1,
  },
  'socialorg.subsidy.rejected': {
    topic: SUBSIDIES_TOPICS.socialorgSubsidy,
    version: 1,
    schema: socialorgSubsidyRejectedV1,
  },
  'socialorg.subsidy.granted': {
    topic: SUBSIDIES_TOPICS.socialorgSubsidy,
    version: 1,
    schema: socialorgSubsidyGrantedV1,
  },
  'socialorg.subsidy.paid': {
    topic: SUBSIDIES_TOPICS.socialorgSubsidy,
    version: 1,
    schema: socialorgSubsidyPaidV1,
  },
} as const satisfies Record<string, EventDefinition>;
