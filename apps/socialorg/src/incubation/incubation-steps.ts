import type { Principal } from '@psc/auth';
import type { EventData } from '@psc/contracts';
import {
  allowedIncubationActions,
  type AssessIncubationRequest,
  INCUBATION_ACTION_ROLES,
  INCUBATION_ACTIONS,
  INCUBATION_STATES,
  type IncubationAction,
  type IncubationActionRequest,
  type IncubationEntry,
  MAX_INCUBATION_MONTHS,
  nextIncubationState,
  PASS_MARK,
  SCORE_SHEET,
  SERVICE_STATES,
} from '@psc/contracts/socialorg';
import type { Raised } from '../shared/raised';
import { AppError } from '@psc/server-kit';
import { shanghaiDay } from '@psc/util';
import { actingRole } from '../shared/place';
import type { Incubation } from './incubation.model';

/**
 * The steps of a stay, decided from the incubation as it was read: what changes, the entry on the record and the
 * events. Writing them on the revision they were decided against is the repository's part.
 */
export interface IncubationStep {
  set: Partial<Incubation>;
  entry: IncubationEntry;
  events: Raised[];
}

/** What every incubation event carries. */
export const incubationFacts = (inc: Incubation) => ({
  incubationId: inc._id,
  orgId: inc.orgId,
  baseId: inc.baseId,
});

/** Someone else's step got in first: says what the application is now. */
export function incubationChanged(latest: Incubation): AppError {
  return new AppError(
    'SOCIALORG.INCUBATION_CHANGED',
    `该入驻申请刚被他人处理，现为“${INCUBATION_STATES[latest.state]}”，请刷新后再操作`,
    { revision: latest.revision, state: latest.state },
  );
}

export function assertRevision(current: Incubation, revision: number): void {
  if (revision !== current.revision) throw incubationChanged(current);
}

function illegal(current: Incubation, what: string): AppError {
  const possible = allowedIncubationActions(current.state).map((a) => INCUBATION_ACTIONS[a]);
  return new AppError(
    'SOCIALORG.INCUBATION_ILLEGAL_STEP',
    `入驻申请当前为“${INCUBATION_STATES[current.state]}”，不能${what}` +
      (possible.length > 0 ? `；现在可以：${possible.join('、')}` : '；该申请已结束'),
    { state: current.state, allowed: allowedIncubationActions(current.state) },
  );
}

/** Who took a step, for the log: the account, and the name people know it by when the token carries one. */
export const actor = (principal: Principal) => ({ by: principal.sub, byName: principal.name ?? null });

/** One transition; a step the state does not allow is a 409 saying what the application can do now. */
export function transition(
  current: Incubation,
  action: IncubationAction,
  revision: number,
  principal: Principal,
  now: Date,
  changes: Partial<Incubation>,
  reason: string | null,
): IncubationStep {
  assertRevision(current, revision);
  const to = nextIncubationState(current.state, action);
  if (!to) throw illegal(current, `“${INCUBATION_ACTIONS[action]}”`);
  const entry: IncubationEntry = {
    action,
    from: current.state,
    to,
    ...actor(principal),
    role: actingRole(principal, INCUBATION_ACTION_ROLES[action]),
    at: now.toISOString(),
    reason,
  };
  // leaving the active states frees the organisation to apply again
  const activeKey = ['applied', 'incubating', 'assessed'].includes(to) ? current.activeKey : current._id;
  const data: EventData<'socialorg.incubation.transitioned'> = {
    ...incubationFacts(current),
    action,
    from: current.state,
    to,
    role: entry.role,
    reason,
    by: principal.sub,
    at: entry.at,
  };
  return {
    set: { ...changes, state: to, activeKey },
    entry,
    events: [{ type: 'socialorg.incubation.transitioned', data }],
  };
}

/** Adds months to a calendar day, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** What each staff or organisation step changes besides the state. */
export function stepChanges(
  current: Incubation,
  request: IncubationActionRequest,
  now: Date,
): Partial<Incubation> {
  switch (request.action) {
    case 'admit': {
      // the period is checked only where the step is allowed, so an illegal admit is refused for the state first
      if (nextIncubationState(current.state, 'admit') === undefined) return {};
      const today = shanghaiDay(now);
      const latest = addMonths(today, MAX_INCUBATION_MONTHS);
      if (request.until <= today || request.until > latest)
        throw new AppError(
          'SOCIALORG.INCUBATION_INVALID',
          `孵化期截止日期应在今天（${today}）之后、${MAX_INCUBATION_MONTHS} 个月内（不晚于 ${latest}）`,
          [{ field: 'until', message: '孵化期截止日期不在允许范围内' }],
        );
      return { period: { from: today, until: request.until } };
    }
    case 'graduate':
      if (current.state === 'assessed' && !current.assessment?.passed)
        throw new AppError(
          'SOCIALORG.ASSESSMENT_NOT_PASSED',
          `中期评估 ${current.assessment?.total ?? 0} 分，未达到合格分 ${PASS_MARK} 分，不能出壳；可整改后重新评估，或退出孵化`,
          { total: current.assessment?.total ?? 0, passMark: PASS_MARK },
        );
      return {};
    case 'reject':
    case 'withdraw':
    case 'exit':
      return {};
  }
}

/** The mid-term assessment: points per criterion, the total, and whether it reaches the pass mark. */
export function assessmentStep(
  current: Incubation,
  request: AssessIncubationRequest,
  principal: Principal,
  now: Date,
): IncubationStep {
  const total = SCORE_SHEET.reduce((sum, c) => sum + request.scores[c.code], 0);
  const passed = total >= PASS_MARK;
  const assessment = {
    scores: { ...request.scores },
    total,
    passed,
    comment: request.comment,
    by: principal.sub,
    at: now,
  };
  const step = transition(
    current,
    'assess',
    request.revision,
    principal,
    now,
    { assessment },
    `${total} 分（${passed ? '合格' : `未达到合格分 ${PASS_MARK} 分`}）：${request.comment}`,
  );
  step.events.push({
    type: 'socialorg.incubation.assessed',
    data: {
      ...incubationFacts(current),
      scores: assessment.scores,
      total,
      passed,
      by: principal.sub,
      at: now.toISOString(),
    },
  });
  return step;
}

/** Services are given during the incubation period only; answers the period. */
export function assertInService(current: Incubation, what: string): { from: string; until: string } {
  if (!SERVICE_STATES.includes(current.state) || !current.period)
    throw new AppError(
      'SOCIALORG.INCUBATION_ILLEGAL_STEP',
      `入驻申请当前为“${INCUBATION_STATES[current.state]}”，孵化期内才能${what}`,
      { state: current.state, allowed: allowedIncubationActions(current.state) },
    );
  return current.period;
}

/** A service given (mentor, training): on the record, the state unchanged. */
export function serviceStep(
  current: Incubation,
  revision: number,
  action: 'assign_mentor' | 'record_training',
  principal: Principal,
  now: Date,
  set: Partial<Incubation>,
  reason: string,
  event: Raised,
): IncubationStep {
  assertRevision(current, revision);
  assertInService(current, action === 'assign_mentor' ? '指派导师' : '登记培训');
  return {
    set,
    entry: {
      action,
      from: current.state,
      to: current.state,
      ...actor(principal),
      role: actingRole(principal, ['centre_admin', 'city_admin']),
      at: now.toISOString(),
      reason,
    },
    events: [event],
  };
}
