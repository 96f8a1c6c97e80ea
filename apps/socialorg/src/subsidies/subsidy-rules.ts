import type { Principal } from '@psc/auth';
import {
  ASSESSMENT_GRADES,
  type AssessmentGrade,
  CLAIM_ACTIONS,
  CLAIM_STATES,
  type ClaimAction,
  claimAllowedActions,
  claimNextState,
  type ClaimView,
  PARTY_BUILDING_KINDS,
  type SchemeView,
  type StepRecord,
  yuan,
} from '@psc/contracts/socialorg';
import { AppError } from '@psc/server-kit';
import type { Raised } from '../calls/call-steps';
import type { ApplicantSnapshot } from '../calls/applicant-directory.service';
import { balances, commit, commitment, type Ledger, pay } from '../payments/ledger';
import type { Claim, Scheme } from './subsidy.model';

export const schemeLedger = (scheme: Scheme): Ledger => ({
  budgetFen: scheme.budgetFen,
  entries: scheme.ledger,
});

/**
 * The claim's id, which is its once-only key: the start-up fund goes to an organisation once, whichever scheme
 * pays it; 以奖代补 once per scheme.
 */
export const claimIdOf = (scheme: Pick<Scheme, '_id' | 'kind'>, orgId: string) =>
  scheme.kind === 'party_branch_startup' ? `SF.${orgId}` : `GA.${scheme._id}.${orgId}`;

const inArea = (scheme: Scheme, org: ApplicantSnapshot) =>
  org.streetId === scheme.ownerScope || org.streetId.startsWith(`${scheme.ownerScope}/`);

/**
 * What the organisation may claim from the scheme and on what basis, from the organisation as the registry has it;
 * refused with every reason that stands in the way.
 */
export function entitlement(
  scheme: Scheme,
  org: ApplicantSnapshot,
  grade: AssessmentGrade | undefined,
): { amountFen: number; basis: string } {
  const reasons: string[] = [];
  if (!inArea(scheme, org))
    reasons.push(`组织所在街道（${org.streetId}）不在本项目范围（${scheme.ownerScope}）内`);
  let amountFen = 0;
  let basis = '';
  if (scheme.kind === 'party_branch_startup') {
    const { kind, formedAt } = org.partyBuilding;
    const day = formedAt?.slice(0, 10) ?? null;
    const [from, to] = [scheme.formedFrom ?? '', scheme.formedTo ?? ''];
    if (kind === 'none') reasons.push('尚未建立党组织');
    else if (!(scheme.branchKinds as string[]).includes(kind))
      reasons.push(
        `党组织类型为“${PARTY_BUILDING_KINDS[kind]}”，本项经费限新成立的${scheme.branchKinds.map((k) => PARTY_BUILDING_KINDS[k]).join('或')}`,
      );
    if (kind !== 'none' && !day) reasons.push('组织信息中没有党组织成立日期');
    else if (day && (day < from || day > to))
      reasons.push(`党组织成立于 ${day}，不在 ${from} 至 ${to} 之间，不属于新成立`);
    amountFen = scheme.amountFen ?? 0;
    basis = kind === 'none' ? '' : `${PARTY_BUILDING_KINDS[kind]}成立于 ${day ?? '（未登记）'}`;
  } else if (!grade) {
    reasons.push('请选择组织的评估等级');
  } else {
    const row = scheme.gradeAmounts.find((g) => g.grade === grade);
    if (!row)
      reasons.push(
        `“${ASSESSMENT_GRADES[grade]}”不在本项目的奖补等级中（可申领：${scheme.gradeAmounts.map((g) => ASSESSMENT_GRADES[g.grade]).join('、')}）`,
      );
    amountFen = row?.amountFen ?? 0;
    basis = `社会组织评估等级 ${ASSESSMENT_GRADES[grade]}，奖补 ${yuan(amountFen)}`;
  }
  if (reasons.length > 0)
    throw new AppError('SOCIALORG.NOT_ELIGIBLE', `不符合“${scheme.name}”的申领条件：${reasons.join('；')}`, {
      reasons,
    });
  return { amountFen, basis };
}

export function illegalClaimStep(claim: Claim, action: ClaimAction): AppError {
  const possible = claimAllowedActions(claim.state).map((a) => CLAIM_ACTIONS[a]);
  return new AppError(
    'SOCIALORG.CLAIM_ILLEGAL_STEP',
    `申领当前为“${CLAIM_STATES[claim.state]}”，不能“${CLAIM_ACTIONS[action]}”` +
      (possible.length > 0 ? `；现在可以：${possible.join('、')}` : '；该申领已办结'),
    { state: claim.state, allowed: claimAllowedActions(claim.state) },
  );
}

/** One step of a claim's state machine, with its record. */
export function claimStep(
  claim: Claim,
  action: ClaimAction,
  by: Principal,
  now: Date,
  reason: string | null,
) {
  const to = claimNextState(claim.state, action);
  if (!to) throw illegalClaimStep(claim, action);
  const record: StepRecord = { action, from: claim.state, to, by: by.sub, at: now.toISOString(), reason };
  return { to, record };
}

const claimFacts = (scheme: Scheme, claim: Claim) => ({
  schemeId: scheme._id,
  kind: scheme.kind,
  ownerScope: scheme.ownerScope,
  claimId: claim._id,
  orgId: claim.orgId,
});

/** 核准: the claim's amount committed from the scheme's budget, once; null when a retry finds it committed. */
export function grantFunds(scheme: Scheme, claim: Claim, by: Principal, now: Date) {
  const ledger = schemeLedger(scheme);
  if (commitment(ledger, claim._id)) return null;
  const written = commit(
    ledger,
    claim._id,
    claim.amountFen,
    { by: by.sub, at: now.toISOString() },
    '奖补金额',
  );
  const after = balances({ ...ledger, entries: [...ledger.entries, written] });
  const event: Raised<'socialorg.subsidy.granted'> = {
    type: 'socialorg.subsidy.granted',
    data: {
      ...claimFacts(scheme, claim),
      streetId: claim.streetId,
      amountFen: claim.amountFen,
      grantedFen: after.committedFen,
      remainingFen: after.remainingFen,
      by: by.sub,
      at: written.at,
    },
  };
  return { ledger: [written], events: [event] };
}

/** 拨付 of the whole granted amount, once; null when a retry finds it paid. */
export function payFunds(
  scheme: Scheme,
  claim: Claim,
  payment: { voucher: string; paidOn: string },
  by: Principal,
  now: Date,
) {
  const ledger = schemeLedger(scheme);
  const granted = commitment(ledger, claim._id);
  if (granted && granted.paidFen === claim.amountFen) return null;
  const written = pay(ledger, claim._id, claim.amountFen - (granted?.paidFen ?? 0), {
    tranche: null,
    ...payment,
    by: by.sub,
    at: now.toISOString(),
  });
  const event: Raised<'socialorg.subsidy.paid'> = {
    type: 'socialorg.subsidy.paid',
    data: {
      ...claimFacts(scheme, claim),
      streetId: claim.streetId,
      amountFen: written.amountFen,
      ...payment,
      by: by.sub,
      at: written.at,
    },
  };
  return { ledger: [written], events: [event] };
}

export function schemeView(scheme: Scheme): SchemeView {
  const money = balances(schemeLedger(scheme));
  return {
    schemeId: scheme._id,
    revision: scheme.revision,
    kind: scheme.kind,
    name: scheme.name,
    ownerScope: scheme.ownerScope,
    state: scheme.state,
    gradeAmounts: scheme.gradeAmounts,
    amountFen: scheme.amountFen,
    formedFrom: scheme.formedFrom,
    formedTo: scheme.formedTo,
    branchKinds: scheme.branchKinds,
    money: {
      budgetFen: money.budgetFen,
      grantedFen: money.committedFen,
      remainingFen: money.remainingFen,
      paidFen: money.paidFen,
    },
    createdAt: scheme.createdAt.toISOString(),
  };
}

export function claimView(claim: Claim, admin: boolean): ClaimView {
  return {
    claimId: claim._id,
    revision: claim.revision,
    schemeId: claim.schemeId,
    kind: claim.kind,
    orgId: claim.orgId,
    orgName: claim.orgName,
    grade: claim.grade,
    amountFen: claim.amountFen,
    state: claim.state,
    allowedActions: admin ? claimAllowedActions(claim.state) : [],
    basis: claim.basis,
    evidence: claim.evidence,
    payment: claim.payment,
    claimedAt: claim.claimedAt.toISOString(),
    history: claim.history,
  };
}
