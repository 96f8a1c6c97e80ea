import { assertScope, type Principal, type Role } from '@psc/auth';
import type { EventData, EventType } from '@psc/contracts';
import {
  CALL_ACTIONS,
  CALL_STATES,
  type CallAction,
  callAllowedActions,
  callNextState,
  type StepRecord,
} from '@psc/contracts/socialorg';
import { AppError } from '@psc/server-kit';
import { formatShanghaiDateTime } from '@psc/util';
import { addWorkingDays, endOfShanghaiDay } from '@psc/work-calendar';
import {
  appended,
  balances,
  close,
  commit,
  commitment,
  type Ledger,
  type LedgerEntry,
} from '../payments/ledger';
import type { Award, Call, Objection } from './call.model';

/** An event a step raises, typed by the registry. */
export type Raised<T extends EventType = EventType> = { [K in T]: { type: K; data: EventData<K> } }[T];

/** What one step changes on a call, written in one conditional write; null when there is nothing left to write. */
export interface CallChange {
  set?: Partial<Call>;
  /** appended to the call's ledger and history */
  ledger?: LedgerEntry[];
  history?: StepRecord[];
  events: Raised[];
}

/** Street and district administrators run their own calls; a city administrator runs any. */
export const ADMIN_ROLES: readonly Role[] = ['centre_admin', 'city_admin'];

export const assertCallAdmin = (principal: Principal, call: Pick<Call, 'ownerScope'>): void =>
  assertScope(principal, call.ownerScope, ADMIN_ROLES);

export const ledgerOf = (call: Pick<Call, 'budgetFen' | 'ledger'>): Ledger => ({
  budgetFen: call.budgetFen,
  entries: call.ledger,
});

export function callMoney(call: Pick<Call, 'budgetFen' | 'ledger'>) {
  const totals = balances(ledgerOf(call));
  return {
    budgetFen: totals.budgetFen,
    awardedFen: totals.committedFen,
    remainingFen: totals.remainingFen,
    paidFen: totals.paidFen,
  };
}

/** The call's ledger with `entries` written: the totals an event reports after its write. */
const moneyAfter = (call: Call, entries: LedgerEntry[] = []) =>
  callMoney({ budgetFen: call.budgetFen, ledger: [...call.ledger, ...entries] });

/** Refuses with 409 unless the state machine allows `action` now. */
export function assertCallCan(call: Call, action: CallAction): void {
  if (!callNextState(call.state, action)) throw illegalCallStep(call, action);
}

export function illegalCallStep(call: Call, action: CallAction, why?: string): AppError {
  const possible = callAllowedActions(call.state).map((a) => CALL_ACTIONS[a]);
  return new AppError(
    'SOCIALORG.CALL_ILLEGAL_STEP',
    why ??
      `申报指南当前为“${CALL_STATES[call.state]}”，不能“${CALL_ACTIONS[action]}”` +
        (possible.length > 0 ? `；现在可以：${possible.join('、')}` : '；该申报指南已结束'),
    { state: call.state, allowed: callAllowedActions(call.state) },
  );
}

/**
 * One transition of the call's state machine with its record and `socialorg.call.transitioned`; `extra` is what
 * the step writes besides (publicity, ranking, ledger entries) and the events it raises besides.
 */
export function transition(
  call: Call,
  action: CallAction,
  by: Principal,
  now: Date,
  reason: string | null,
  extra: Omit<CallChange, 'history' | 'events'> & { events?: Raised[] } = {},
): CallChange {
  const to = callNextState(call.state, action);
  if (!to) throw illegalCallStep(call, action);
  const record: StepRecord = { action, from: call.state, to, by: by.sub, at: now.toISOString(), reason };
  const money = moneyAfter(call, extra.ledger);
  return {
    set: { ...extra.set, state: to },
    ledger: extra.ledger,
    history: [record],
    events: [
      ...(extra.events ?? []),
      {
        type: 'socialorg.call.transitioned',
        data: {
          callId: call._id,
          kind: call.kind,
          ownerScope: call.ownerScope,
          action,
          from: call.state,
          to,
          by: by.sub,
          at: record.at,
          reason,
          ...money,
        },
      },
    ],
  };
}

/** 发布: only while the closing time is still ahead. */
export function openStep(call: Call, by: Principal, now: Date): CallChange {
  assertCallCan(call, 'open');
  if (now >= call.closesAt)
    throw illegalCallStep(
      call,
      'open',
      `申报截止时间 ${formatShanghaiDateTime(call.closesAt)} 已过，请修改截止时间后再发布`,
    );
  return transition(call, 'open', by, now, null);
}

/** 截止申报: the stated closing time is a promise to applicants, so not before it. */
export function closeStep(call: Call, by: Principal, now: Date): CallChange {
  assertCallCan(call, 'close');
  if (now < call.closesAt)
    throw illegalCallStep(
      call,
      'close',
      `申报截止时间为 ${formatShanghaiDateTime(call.closesAt)}，截止前不能关闭申报`,
    );
  return transition(call, 'close', by, now, null);
}

/** Submissions are taken while the call is open and between its opening and closing times. */
export function assertTakingApplications(call: Call, now: Date): void {
  if (call.state !== 'open' || now < call.opensAt || now >= call.closesAt)
    throw new AppError(
      'SOCIALORG.CALL_NOT_OPEN',
      `“${call.title}”的申报时间为 ${formatShanghaiDateTime(call.opensAt)} 至 ${formatShanghaiDateTime(call.closesAt)}` +
        `，当前为“${CALL_STATES[call.state]}”，不能申报或修改申报`,
    );
}

/** The applications the ranking proposes for funding, minus those an upheld objection took off. */
export function proposedAwards(call: Call) {
  const upheld = new Set(
    call.objections.filter((o) => o.upheld && o.applicationId).map((o) => o.applicationId as string),
  );
  return (call.ranking?.entries ?? []).filter((e) => e.funded && !upheld.has(e.applicationId));
}

/** 公示 for the call's working days, counted with the State Council's holiday arrangements. */
export function publiciseStep(call: Call, by: Principal, now: Date): CallChange {
  assertCallCan(call, 'publicise');
  const lastDay = addWorkingDays(now, call.publicityDays);
  const publicity = { startedAt: now, lastDay, endsAt: endOfShanghaiDay(lastDay) };
  return transition(call, 'publicise', by, now, null, {
    set: { publicity },
    events: [
      {
        type: 'socialorg.call.publicised',
        data: {
          callId: call._id,
          kind: call.kind,
          ownerScope: call.ownerScope,
          startedAt: now.toISOString(),
          lastDay,
          endsAt: publicity.endsAt.toISOString(),
          proposed: proposedAwards(call).map((e) => ({
            applicationId: e.applicationId,
            orgId: e.orgId,
            amountFen: e.fundedFen,
          })),
        },
      },
    ],
  });
}

/**
 * 立项, once the 公示 has run its days and every objection is answered: the proposed awards are committed from the
 * budget in the same write as the state, each within what the budget has left.
 */
export function awardStep(call: Call, by: Principal, now: Date): CallChange {
  assertCallCan(call, 'award');
  if (call.publicity && now <= call.publicity.endsAt)
    throw new AppError(
      'SOCIALORG.PUBLICITY_RUNNING',
      `公示期至 ${call.publicity.lastDay} 结束，公示期满后才能确定立项`,
      { lastDay: call.publicity.lastDay },
    );
  const open = call.objections.filter((o) => o.answer === null);
  if (open.length > 0)
    throw new AppError(
      'SOCIALORG.OBJECTIONS_UNANSWERED',
      `公示期内收到的异议尚有 ${open.length} 条未答复，全部答复后才能确定立项`,
      { unanswered: open.map((o) => o.objectionId) },
    );
  const stamp = { by: by.sub, at: now.toISOString() };
  let ledger = ledgerOf(call);
  const awards: Award[] = [];
  for (const entry of proposedAwards(call)) {
    ledger = appended(ledger, commit(ledger, entry.applicationId, entry.fundedFen, stamp));
    awards.push({
      applicationId: entry.applicationId,
      orgId: entry.orgId,
      orgName: entry.orgName,
      streetId: entry.streetId,
      title: entry.title,
      amountFen: entry.fundedFen,
      agreementId: null,
    });
  }
  const entries = ledger.entries.slice(call.ledger.length);
  const money = moneyAfter(call, entries);
  return transition(call, 'award', by, now, null, {
    set: { awards },
    ledger: entries,
    events: [
      {
        type: 'socialorg.call.awarded',
        data: {
          callId: call._id,
          kind: call.kind,
          ownerScope: call.ownerScope,
          awards: awards.map((a) => ({
            applicationId: a.applicationId,
            orgId: a.orgId,
            streetId: a.streetId,
            amountFen: a.amountFen,
          })),
          budgetFen: money.budgetFen,
          awardedFen: money.awardedFen,
          remainingFen: money.remainingFen,
          ...stamp,
        },
      },
    ],
  });
}

/** 结束: once every award is settled, its money closed (paid out, given back, or the award cancelled). */
export function concludeStep(call: Call, by: Principal, now: Date): CallChange {
  assertCallCan(call, 'conclude');
  const unsettled = call.awards.filter((a) => !commitment(ledgerOf(call), a.applicationId)?.closed);
  if (unsettled.length > 0)
    throw illegalCallStep(
      call,
      'conclude',
      `尚有 ${unsettled.length} 个立项项目未结清（${unsettled.map((a) => a.title).join('、')}），全部结清后才能结束`,
    );
  return transition(call, 'conclude', by, now, null);
}

/** 公示期异议: taken from when the notice starts to its last working day. */
export function raiseObjection(
  call: Call,
  request: { applicationId?: string; text: string },
  by: Principal,
  org: string | null,
  now: Date,
): CallChange {
  if (call.state !== 'publicised' || !call.publicity || now > call.publicity.endsAt)
    throw new AppError(
      'SOCIALORG.OBJECTION_WINDOW_CLOSED',
      call.publicity
        ? `公示期为 ${formatShanghaiDateTime(call.publicity.startedAt)} 至 ${call.publicity.lastDay}，已不能提出异议`
        : '该申报指南尚未公示，不能提出异议',
    );
  const applicationId = request.applicationId ?? null;
  if (applicationId && !call.ranking?.entries.some((e) => e.applicationId === applicationId))
    throw new AppError('SOCIALORG.APPLICATION_NOT_FOUND', `公示名单中没有申报编号为 ${applicationId} 的项目`);
  const objection: Objection = {
    objectionId: `O-${call.objections.length + 1}`,
    applicationId,
    text: request.text,
    raisedBy: by.sub,
    raisedByOrg: org,
    raisedAt: now,
    answer: null,
    upheld: null,
    answeredBy: null,
    answeredAt: null,
  };
  return {
    set: { objections: [...call.objections, objection] },
    events: [
      {
        type: 'socialorg.call.objection-raised',
        data: {
          callId: call._id,
          kind: call.kind,
          ownerScope: call.ownerScope,
          objectionId: objection.objectionId,
          applicationId,
          by: by.sub,
          at: now.toISOString(),
        },
      },
    ],
  };
}

/** Every objection is answered once, before the award; an upheld one against an application takes it off the list. */
export function answerObjection(
  call: Call,
  objectionId: string,
  answer: { answer: string; upheld: boolean },
  by: Principal,
  now: Date,
): CallChange {
  const found = call.objections.find((o) => o.objectionId === objectionId);
  if (!found) throw new AppError('SOCIALORG.OBJECTION_NOT_FOUND', `没有找到编号为 ${objectionId} 的异议`);
  if (found.answer !== null) throw new AppError('SOCIALORG.OBJECTION_ANSWERED');
  if (call.state !== 'publicised')
    throw illegalCallStep(call, 'award', `申报指南当前为“${CALL_STATES[call.state]}”，不能再答复异议`);
  const answered: Objection = {
    ...found,
    answer: answer.answer,
    upheld: answer.upheld,
    answeredBy: by.sub,
    answeredAt: now,
  };
  return {
    set: { objections: call.objections.map((o) => (o.objectionId === objectionId ? answered : o)) },
    events: [
      {
        type: 'socialorg.call.objection-answered',
        data: {
          callId: call._id,
          kind: call.kind,
          ownerScope: call.ownerScope,
          objectionId,
          applicationId: found.applicationId,
          upheld: answer.upheld,
          by: by.sub,
          at: now.toISOString(),
        },
      },
    ],
  };
}

/** The event for money given back to the call, with the call's totals after it. */
export function fundsReleased(
  call: Call,
  award: Award,
  written: LedgerEntry,
  cause: EventData<'socialorg.call.funds-released'>['cause'],
): Raised<'socialorg.call.funds-released'> {
  const money = moneyAfter(call, [written]);
  return {
    type: 'socialorg.call.funds-released',
    data: {
      callId: call._id,
      kind: call.kind,
      ownerScope: call.ownerScope,
      applicationId: award.applicationId,
      agreementId: award.agreementId,
      orgId: award.orgId,
      streetId: award.streetId,
      releasedFen: written.amountFen,
      cause,
      awardedFen: money.awardedFen,
      remainingFen: money.remainingFen,
      by: written.by,
      at: written.at,
    },
  };
}

export function awardOf(call: Call, applicationId: string): Award {
  const award = call.awards.find((a) => a.applicationId === applicationId);
  if (!award)
    throw new AppError('SOCIALORG.AWARD_NOT_FOUND', `申报 ${applicationId} 没有在“${call.title}”中立项`);
  return award;
}

/** 取消立项 before an agreement is signed (the organisation declines, say): all of the award goes back. */
export function cancelAwardStep(
  call: Call,
  applicationId: string,
  reason: string,
  by: Principal,
  now: Date,
): CallChange {
  const award = awardOf(call, applicationId);
  if (award.agreementId) throw new AppError('SOCIALORG.AWARD_CONTRACTED');
  const written = close(ledgerOf(call), applicationId, 'award_cancelled', {
    by: by.sub,
    at: now.toISOString(),
  });
  return {
    ledger: [written],
    history: [
      {
        action: 'cancel_award',
        from: call.state,
        to: call.state,
        by: by.sub,
        at: written.at,
        reason: `${award.title}：${reason}`,
      },
    ],
    events: [fundsReleased(call, award, written, 'award_cancelled')],
  };
}
