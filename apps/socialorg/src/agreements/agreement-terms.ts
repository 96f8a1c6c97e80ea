import type { Principal } from '@psc/auth';
import {
  AGREEMENT_ACTIONS,
  AGREEMENT_STATES,
  type AgreementAction,
  agreementAllowedActions,
  agreementNextState,
  type AgreementView,
  type EvaluationRequest,
  MILESTONE_ACTIONS,
  MILESTONE_STATES,
  type MilestoneAction,
  milestoneAllowedActions,
  type MilestoneDecisionRequest,
  milestoneNextState,
  type MilestoneReportRequest,
  type SignAgreementRequest,
  splitTranches,
  type StepRecord,
  TRANCHE_ROUNDING,
  yuan,
} from '@psc/contracts/socialorg';
import { AppError } from '@psc/server-kit';
import type { Award, Call } from '../calls/call.model';
import { ledgerOf, type Raised } from '../calls/call-steps';
import { commitment, type Ledger, paidTowards } from '../payments/ledger';
import type { Agreement, Milestone, Tranche } from './agreement.model';

export interface AgreementChange {
  set: Partial<Agreement>;
  history: StepRecord[];
  events: Raised[];
}

/** One agreement per award, its id made from the application's, so signing twice finds the first. */
export const agreementIdOf = (applicationId: string) => `G-${applicationId.replace(/^A-/, '')}`;

const facts = (a: Agreement) => ({
  agreementId: a._id,
  callId: a.callId,
  applicationId: a.applicationId,
  orgId: a.orgId,
  streetId: a.streetId,
});

export function illegalAgreementStep(agreement: Agreement, action: AgreementAction, why?: string): AppError {
  const possible = agreementAllowedActions(agreement.state).map((a) => AGREEMENT_ACTIONS[a]);
  return new AppError(
    'SOCIALORG.AGREEMENT_ILLEGAL_STEP',
    why ??
      `项目协议当前为“${AGREEMENT_STATES[agreement.state]}”，不能“${AGREEMENT_ACTIONS[action]}”` +
        (possible.length > 0 ? `；现在可以：${possible.join('、')}` : '；该协议已结束'),
    { state: agreement.state, allowed: agreementAllowedActions(agreement.state) },
  );
}

export function assertAgreementCan(agreement: Agreement, action: AgreementAction): void {
  if (!agreementNextState(agreement.state, action)) throw illegalAgreementStep(agreement, action);
}

/** The agreement as signed from the request, its tranches split exactly to the 分. */
export function draftAgreement(
  request: SignAgreementRequest,
  call: Call,
  award: Award,
  by: Principal,
  now: Date,
): Agreement {
  const amounts = splitTranches(request.contractedFen, request.split, request.tranches);
  const tranches: Tranche[] = request.tranches.map((t, i) => ({
    tranche: i + 1,
    releaseOn: t.releaseOn,
    milestone: t.milestone,
    percent: request.split === 'percent' ? t.percent : null,
    amountFen: amounts[i],
  }));
  return {
    _id: agreementIdOf(award.applicationId),
    revision: 1,
    callId: call._id,
    applicationId: award.applicationId,
    orgId: award.orgId,
    orgName: award.orgName,
    streetId: award.streetId,
    title: award.title,
    state: 'active',
    signedOn: request.signedOn,
    endsOn: request.endsOn,
    split: request.split,
    contractedFen: request.contractedFen,
    milestones: request.milestones.map((m) => ({ ...m, state: 'pending', report: null, decision: null })),
    tranches,
    evaluation: null,
    createdAt: now,
    createdBy: by.sub,
    history: [{ action: 'sign', from: null, to: 'active', by: by.sub, at: now.toISOString(), reason: null }],
  };
}

export const signedEvent = (
  agreement: Agreement,
  by: Principal,
  now: Date,
): Raised<'socialorg.agreement.signed'> => ({
  type: 'socialorg.agreement.signed',
  data: {
    ...facts(agreement),
    contractedFen: agreement.contractedFen,
    tranches: agreement.tranches.map((t) => ({
      tranche: t.tranche,
      releaseOn: t.releaseOn,
      amountFen: t.amountFen,
    })),
    signedOn: agreement.signedOn,
    by: by.sub,
    at: now.toISOString(),
  },
});

export function agreementStep(
  agreement: Agreement,
  action: AgreementAction,
  by: Principal,
  now: Date,
  extra: { set?: Partial<Agreement>; events?: Raised[]; reason?: string | null } = {},
): AgreementChange {
  const to = agreementNextState(agreement.state, action);
  if (!to) throw illegalAgreementStep(agreement, action);
  const at = now.toISOString();
  const reason = extra.reason ?? null;
  return {
    set: { ...extra.set, state: to },
    history: [{ action, from: agreement.state, to, by: by.sub, at, reason }],
    events: [
      ...(extra.events ?? []),
      {
        type: 'socialorg.agreement.transitioned',
        data: { ...facts(agreement), action, from: agreement.state, to, reason, by: by.sub, at },
      },
    ],
  };
}

function milestoneOf(agreement: Agreement, key: string): Milestone {
  const found = agreement.milestones.find((m) => m.key === key);
  if (!found) throw new AppError('SOCIALORG.MILESTONE_NOT_FOUND', `协议中没有编码为 ${key} 的节点`);
  return found;
}

function milestoneStep(
  agreement: Agreement,
  key: string,
  action: MilestoneAction,
  by: Principal,
  now: Date,
  changes: Partial<Milestone>,
  event: Raised,
): AgreementChange {
  if (agreement.state !== 'active')
    throw new AppError(
      'SOCIALORG.MILESTONE_ILLEGAL_STEP',
      `项目协议当前为“${AGREEMENT_STATES[agreement.state]}”，不能再“${MILESTONE_ACTIONS[action]}”`,
      { state: agreement.state },
    );
  const milestone = milestoneOf(agreement, key);
  const to = milestoneNextState(milestone.state, action);
  if (!to) {
    const possible = milestoneAllowedActions(milestone.state).map((a) => MILESTONE_ACTIONS[a]);
    throw new AppError(
      'SOCIALORG.MILESTONE_ILLEGAL_STEP',
      `节点“${milestone.name}”当前为“${MILESTONE_STATES[milestone.state]}”，不能“${MILESTONE_ACTIONS[action]}”` +
        (possible.length > 0 ? `；现在可以：${possible.join('、')}` : ''),
      { state: milestone.state, allowed: milestoneAllowedActions(milestone.state) },
    );
  }
  return {
    set: {
      milestones: agreement.milestones.map((m) => (m.key === key ? { ...m, ...changes, state: to } : m)),
    },
    history: [
      {
        action: `${action}:${key}`,
        from: milestone.state,
        to,
        by: by.sub,
        at: now.toISOString(),
        reason: changes.decision?.comment || null,
      },
    ],
    events: [event],
  };
}

/** 节点报告 with its evidence files, by the organisation's staff. */
export function reportStep(
  agreement: Agreement,
  key: string,
  request: MilestoneReportRequest,
  by: Principal,
  now: Date,
): AgreementChange {
  return milestoneStep(
    agreement,
    key,
    'report',
    by,
    now,
    { report: { ...request, by: by.sub, at: now }, decision: null },
    {
      type: 'socialorg.agreement.milestone-reported',
      data: {
        ...facts(agreement),
        milestone: key,
        evidence: request.evidence,
        by: by.sub,
        at: now.toISOString(),
      },
    },
  );
}

/** 验收: accepted, which may release a tranche, or returned with what to fix. */
export function decideStep(
  agreement: Agreement,
  key: string,
  request: MilestoneDecisionRequest,
  by: Principal,
  now: Date,
): AgreementChange {
  return milestoneStep(
    agreement,
    key,
    request.decision,
    by,
    now,
    { decision: { ...request, by: by.sub, at: now } },
    {
      type: 'socialorg.agreement.milestone-decided',
      data: {
        ...facts(agreement),
        milestone: key,
        decision: request.decision,
        by: by.sub,
        at: now.toISOString(),
      },
    },
  );
}

/** 结项评估 once every milestone is accepted; 不合格 withholds the tranche paid on the evaluation. */
export function evaluateStep(
  agreement: Agreement,
  request: EvaluationRequest,
  by: Principal,
  now: Date,
): AgreementChange {
  assertAgreementCan(agreement, 'evaluate');
  const open = agreement.milestones.filter((m) => m.state !== 'accepted');
  if (open.length > 0)
    throw illegalAgreementStep(
      agreement,
      'evaluate',
      `尚有节点未验收通过（${open.map((m) => m.name).join('、')}），全部验收后才能结项评估`,
    );
  return agreementStep(agreement, 'evaluate', by, now, {
    set: { evaluation: { ...request, by: by.sub, at: now } },
    reason: request.comment,
    events: [
      {
        type: 'socialorg.agreement.evaluated',
        data: {
          ...facts(agreement),
          grade: request.grade,
          score: request.score,
          by: by.sub,
          at: now.toISOString(),
        },
      },
    ],
  });
}

export interface TrancheStatus extends Tranche {
  paidFen: number;
  payable: boolean;
  withheld: boolean;
}

/** Each tranche with what the ledger has paid of it, whether it may be paid now, and whether it never will be. */
export function trancheStatuses(agreement: Agreement, ledger: Ledger): TrancheStatus[] {
  const closed = commitment(ledger, agreement.applicationId)?.closed ?? true;
  const running = agreement.state === 'active' || agreement.state === 'evaluated';
  return agreement.tranches.map((t) => {
    const paidFen = paidTowards(ledger, agreement.applicationId, t.tranche);
    const met =
      t.releaseOn === 'signing' ||
      (t.releaseOn === 'milestone' &&
        agreement.milestones.some((m) => m.key === t.milestone && m.state === 'accepted')) ||
      (t.releaseOn === 'evaluation' &&
        agreement.evaluation !== null &&
        agreement.evaluation.grade !== 'fail');
    const withheld =
      paidFen < t.amountFen &&
      ((t.releaseOn === 'evaluation' && agreement.evaluation?.grade === 'fail') || closed || !running);
    return { ...t, paidFen, payable: met && !withheld && paidFen < t.amountFen, withheld };
  });
}

/** The tranche to pay, refused unless its condition is met and something of it is unpaid. */
export function payableTranche(agreement: Agreement, ledger: Ledger, tranche: number): TrancheStatus {
  if (agreement.state !== 'active' && agreement.state !== 'evaluated')
    throw illegalAgreementStep(
      agreement,
      'complete',
      `项目协议当前为“${AGREEMENT_STATES[agreement.state]}”，不能再拨付`,
    );
  if (commitment(ledger, agreement.applicationId)?.closed ?? true)
    throw new AppError('SOCIALORG.FUNDS_CLOSED', '该项目的资金已结清或已释放回预算，不能再拨付');
  const status = trancheStatuses(agreement, ledger).find((t) => t.tranche === tranche);
  if (!status)
    throw new AppError(
      'SOCIALORG.TRANCHE_NOT_FOUND',
      `协议共 ${agreement.tranches.length} 笔款项，没有第 ${tranche} 笔`,
    );
  if (status.paidFen >= status.amountFen)
    throw new AppError(
      'SOCIALORG.PAYMENT_EXCEEDS',
      `第 ${tranche} 笔款项 ${yuan(status.amountFen)} 已全部拨付`,
    );
  if (!status.payable) {
    const why = status.withheld
      ? '结项评估不合格，该笔款项不予拨付'
      : status.releaseOn === 'milestone'
        ? `节点“${agreement.milestones.find((m) => m.key === status.milestone)?.name}”验收通过后才能拨付`
        : '结项评估合格后才能拨付';
    throw new AppError('SOCIALORG.TRANCHE_NOT_PAYABLE', `第 ${tranche} 笔款项：${why}`);
  }
  return status;
}

/** 结清 requires every tranche paid in full, or withheld by a failed evaluation. */
export function assertSettled(agreement: Agreement, ledger: Ledger): void {
  assertAgreementCan(agreement, 'complete');
  const unpaid = trancheStatuses(agreement, ledger).filter((t) => t.paidFen < t.amountFen && !t.withheld);
  if (unpaid.length > 0)
    throw illegalAgreementStep(
      agreement,
      'complete',
      `尚有款项未拨付（第 ${unpaid.map((t) => t.tranche).join('、')} 笔），拨付完毕后才能结清`,
    );
}

export function agreementView(agreement: Agreement, call: Call): AgreementView {
  const ledger = ledgerOf(call);
  const money = commitment(ledger, agreement.applicationId);
  const paidFen = money?.paidFen ?? 0;
  const payments = ledger.entries.filter((e) => e.kind === 'pay' && e.key === agreement.applicationId);
  // given back after signing: the agreement's unpaid part once it was closed (not the award's shortfall)
  const releasedFen = money?.closed ? agreement.contractedFen - paidFen : 0;
  return {
    agreementId: agreement._id,
    revision: agreement.revision,
    callId: agreement.callId,
    applicationId: agreement.applicationId,
    orgId: agreement.orgId,
    orgName: agreement.orgName,
    title: agreement.title,
    state: agreement.state,
    allowedActions: agreementAllowedActions(agreement.state),
    signedOn: agreement.signedOn,
    endsOn: agreement.endsOn,
    contractedFen: agreement.contractedFen,
    paidFen,
    unpaidFen: agreement.contractedFen - paidFen - releasedFen,
    releasedFen,
    split: agreement.split,
    rounding: TRANCHE_ROUNDING,
    milestones: agreement.milestones.map((m) => ({
      ...m,
      report: m.report && { ...m.report, at: m.report.at.toISOString() },
      decision: m.decision && { ...m.decision, at: m.decision.at.toISOString() },
    })),
    tranches: trancheStatuses(agreement, ledger).map((t) => ({
      ...t,
      payments: payments
        .filter((p) => p.tranche === t.tranche)
        .map((p) => ({
          seq: p.seq,
          tranche: t.tranche,
          amountFen: p.amountFen,
          voucher: p.voucher ?? '',
          paidOn: p.paidOn ?? '',
          by: p.by,
          at: p.at,
        })),
    })),
    evaluation: agreement.evaluation && {
      ...agreement.evaluation,
      at: agreement.evaluation.at.toISOString(),
    },
    history: agreement.history,
  };
}
