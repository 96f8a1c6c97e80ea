import { orgsOf, type Principal } from '@psc/auth';
import {
  AGGREGATION_RULES,
  type AwardView,
  type CallView,
  callAllowedActions,
  describeTieBreak,
  ownerLevelOf,
  type ObjectionView,
  type PublicityView,
} from '@psc/contracts/socialorg';
import { belowAward } from '../payments/funds';
import { commitment } from '../payments/ledger';
import type { Award, Call, Objection } from './call.model';
import { callMoney, ledgerOf, proposedAwards } from './call-steps';

export function awardView(call: Call, award: Award): AwardView {
  const ledger = ledgerOf(call);
  const money = commitment(ledger, award.applicationId);
  const paidFen = money?.paidFen ?? 0;
  const releasedFen = money?.releasedFen ?? 0;
  const closed = money?.closed ?? false;
  return {
    applicationId: award.applicationId,
    orgId: award.orgId,
    orgName: award.orgName,
    title: award.title,
    awardedFen: award.amountFen,
    contractedFen: award.agreementId ? award.amountFen - belowAward(call, award.applicationId) : null,
    paidFen,
    releasedFen,
    agreementId: award.agreementId,
    status: closed
      ? award.agreementId
        ? 'settled'
        : 'cancelled'
      : award.agreementId
        ? 'contracted'
        : 'awarded',
  };
}

const objectionView = (o: Objection): ObjectionView => ({
  ...o,
  raisedAt: o.raisedAt.toISOString(),
  answeredAt: o.answeredAt?.toISOString() ?? null,
});

/**
 * A call as `viewer` may see it: its administrators see every objection, others only the ones they (or their
 * organisation) raised.
 */
export function callView(call: Call, viewer: Principal, admin: boolean): CallView {
  const orgs = orgsOf(viewer);
  const objections = admin
    ? call.objections
    : call.objections.filter(
        (o) => o.raisedBy === viewer.sub || (o.raisedByOrg !== null && orgs.includes(o.raisedByOrg)),
      );
  return {
    callId: call._id,
    revision: call.revision,
    kind: call.kind,
    title: call.title,
    description: call.description,
    ownerScope: call.ownerScope,
    ownerLevel: ownerLevelOf(call.ownerScope),
    opensAt: call.opensAt.toISOString(),
    closesAt: call.closesAt.toISOString(),
    publicityDays: call.publicityDays,
    passMark: call.passMark,
    aggregation: call.aggregation,
    aggregationRule: AGGREGATION_RULES[call.aggregation],
    minReviewers: call.minReviewers,
    criteria: call.criteria,
    tieBreak: call.tieBreak,
    tieBreakRule: describeTieBreak(call.tieBreak, call.criteria),
    eligibility: call.eligibility,
    state: call.state,
    allowedActions: admin ? callAllowedActions(call.state) : [],
    money: callMoney(call),
    publicity: call.publicity && {
      startedAt: call.publicity.startedAt.toISOString(),
      lastDay: call.publicity.lastDay,
      endsAt: call.publicity.endsAt.toISOString(),
    },
    objections: objections.map(objectionView),
    awards: call.awards.map((a) => awardView(call, a)),
    createdAt: call.createdAt.toISOString(),
    history: call.history,
  };
}

/** The 公示 as anyone reads it: the proposed awards, and how many objections still wait for an answer. */
export function publicityView(call: Call): PublicityView | null {
  if (!call.publicity) return null;
  return {
    callId: call._id,
    title: call.title,
    kind: call.kind,
    ownerScope: call.ownerScope,
    startedAt: call.publicity.startedAt.toISOString(),
    lastDay: call.publicity.lastDay,
    endsAt: call.publicity.endsAt.toISOString(),
    entries: proposedAwards(call).map((e) => ({
      rank: e.rank,
      applicationId: e.applicationId,
      orgName: e.orgName,
      title: e.title,
      total: e.total,
      amountFen: e.fundedFen,
    })),
    openObjections: call.objections.filter((o) => o.answer === null).length,
  };
}
