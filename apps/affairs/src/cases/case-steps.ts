import type { Principal } from '@psc/auth';
import type { EventData } from '@psc/contracts';
import {
  allowedActions,
  BAD_RATING_MAX,
  CASE_ACTIONS,
  CASE_STATES,
  type CaseAction,
  type CaseActionRequest,
  type CaseEvent,
  nextState,
  type RateCaseRequest,
  type RatingChannel,
} from '@psc/contracts/affairs';
import { AppError } from '@psc/server-kit';
import { addWorkingDays, endOfShanghaiDay } from '@psc/work-calendar';
import type { Case } from './case.model';
import { checkMaterials, deferredPromise, roleOf, WINDOW_ROLES } from './case-intake';
import { isLive } from './case-keys';

/**
 * The steps a case takes after intake, decided from the case as it was read: what changes, the history entry and the
 * events. Writing them, on the revision they were decided against, is the repository's part.
 */

/** A 差评 must be answered by the centre within this many working days (Shanghai's 5-day tier). */
export const RECTIFICATION_DAYS = 5;

type Raised<
  T extends
    | 'affairs.case.transitioned'
    | 'affairs.case.rating-invited'
    | 'affairs.case.rectified'
    | 'affairs.case.proxy-completed',
> = {
  type: T;
  data: EventData<T>;
};
export type CaseStepEvent =
  | Raised<'affairs.case.transitioned'>
  | Raised<'affairs.case.rating-invited'>
  | Raised<'affairs.case.rectified'>
  | Raised<'affairs.case.proxy-completed'>;

export interface CaseStep {
  set: Partial<Case>;
  entry: CaseEvent;
  events: CaseStepEvent[];
}

/** The case as a step leaves it, before the write bumps its revision. */
export function afterStep(current: Case, step: CaseStep): Case {
  const changed = { ...current, ...step.set };
  return {
    ...changed,
    live: isLive(changed),
    revision: current.revision + 1,
    history: [...current.history, step.entry],
  };
}

/** `affairs.case.transitioned` for a recorded entry, with the facts of the case after it. */
export const transitionedData = (next: Case, entry: CaseEvent): EventData<'affairs.case.transitioned'> => ({
  caseNo: next._id,
  centreId: next.centreId,
  itemCode: next.item.code,
  itemVersion: next.item.version,
  trips: next.trips,
  action: entry.action,
  from: entry.from ?? next.state,
  to: entry.to,
  by: entry.by,
  role: entry.role,
  at: entry.at,
  reason: entry.reason,
  due: next.due,
  rating: next.rating?.score ?? null,
});

/** Someone else's step got in first: says which, and what the case is now. */
export function caseChanged(latest: Case): AppError {
  const last = latest.history.at(-1);
  const what = last && last.action in CASE_ACTIONS ? `“${CASE_ACTIONS[last.action as CaseAction]}”` : '处理';
  return new AppError(
    'AFFAIRS.CASE_CHANGED',
    `该办件刚被其他工作人员${what}，现为“${CASE_STATES[latest.state]}”，请刷新后再操作`,
    { revision: latest.revision, state: latest.state },
  );
}

/** `revision` is what the member of staff saw. */
export function assertRevision(current: Case, revision: number): void {
  if (revision !== current.revision) throw caseChanged(current);
}

/** One transition of the state machine; a step it does not allow is a 409 saying what the case can do now. */
export function transition(
  current: Case,
  action: CaseAction,
  revision: number,
  actor: { principal: Principal; roles: readonly string[] },
  now: Date,
  changes: Partial<Case> & { reason: string | null },
): CaseStep {
  assertRevision(current, revision);
  const to = nextState(current.state, action);
  if (!to) {
    const possible = allowedActions(current.state).map((a) => CASE_ACTIONS[a]);
    throw new AppError(
      'AFFAIRS.ILLEGAL_TRANSITION',
      `办件当前为“${CASE_STATES[current.state]}”，不能“${CASE_ACTIONS[action]}”` +
        (possible.length > 0 ? `；现在可以：${possible.join('、')}` : '；该办件已结束'),
      { state: current.state, allowed: allowedActions(current.state) },
    );
  }
  const { reason, ...changed } = changes;
  const set = { ...changed, state: to };
  const entry: CaseEvent = {
    action,
    from: current.state,
    to,
    by: actor.principal.sub,
    role: roleOf(actor.principal, actor.roles),
    at: now.toISOString(),
    reason,
  };
  const next = { ...current, ...set };
  return { set, entry, events: [{ type: 'affairs.case.transitioned', data: transitionedData(next, entry) }] };
}

/** What a staff step changes besides the state; bringing the missing materials and picking the result up are trips. */
export function staffChanges(
  current: Case,
  request: CaseActionRequest,
  now: Date,
): Partial<Case> & { trips: number } {
  switch (request.action) {
    case 'supplement': {
      const decision = checkMaterials(current.item.materials, request.materials ?? []);
      if (decision.outcome === 'correcting')
        throw new AppError(
          'AFFAIRS.CHECKLIST_INCOMPLETE',
          `仍缺少必须提交的材料：${decision.missing
            .filter((m) => !m.deferrable)
            .map((m) => m.name)
            .join('、')}`,
        );
      return {
        trips: current.trips + 1,
        missing: [],
        slaAlerted: null,
        acceptedAt: now,
        due: addWorkingDays(now, current.item.promisedDays),
        deferred: deferredPromise(
          decision.deferred.map((m) => m.name),
          now,
        ),
      };
    }
    case 'assign':
      return { trips: current.trips, assignee: request.assignee ?? null };
    case 'deliver':
      // picking the result up is another visit; mail, online and handing it over during the visit are not
      return {
        trips: current.trips + (request.channel === 'window' ? 1 : 0),
        deliveredVia: request.channel ?? null,
      };
    case 'complete':
      if (current.assignee?.volunteerId && request.proxyMinutes === undefined)
        throw new AppError('COMMON.VALIDATION_FAILED', '该办件由志愿者代办，请填写代办员的服务时长（分钟）');
      return { trips: current.trips };
    case 'request_correction':
    case 'refuse':
    case 'return':
    case 'rate':
      // the step itself, its reason and who took it are all the record needs
      return { trips: current.trips };
  }
}

/** Completing a case a volunteer proxied credits their time: the volunteer service consumes this. */
export function proxyCompleted(
  next: Case,
  request: CaseActionRequest,
  by: string,
  now: Date,
): CaseStepEvent[] {
  const proxy = next.assignee;
  if (proxy?.kind !== 'proxy' || !proxy.volunteerId || request.proxyMinutes === undefined) return [];
  return [
    {
      type: 'affairs.case.proxy-completed',
      data: {
        caseNo: next._id,
        centreId: next.centreId,
        itemCode: next.item.code,
        itemName: next.item.name,
        volunteerId: proxy.volunteerId,
        proxyName: proxy.name,
        minutes: request.proxyMinutes,
        completedBy: by,
        completedAt: now.toISOString(),
      },
    },
  ];
}

/** Delivery invites the resident to rate: identity texts them the link with this token. */
export const ratingInvited = (next: Case, token: string): CaseStepEvent => ({
  type: 'affairs.case.rating-invited',
  data: {
    caseNo: next._id,
    centreId: next.centreId,
    itemName: next.item.name,
    residentId: next.residentId,
    token,
  },
});

/**
 * The 容缺 materials promised at intake have been brought (or sent). Not a step of the case, so its state stays;
 * a visit to bring them counts as a trip.
 */
export function supplyDeferredStep(
  current: Case,
  revision: number,
  inPerson: boolean,
  principal: Principal,
  now: Date,
): CaseStep {
  assertRevision(current, revision);
  if (current.deferred.supplied || current.deferred.names.length === 0)
    throw new AppError('AFFAIRS.ILLEGAL_TRANSITION', '该办件没有待补交的容缺材料');
  const set = {
    deferred: { ...current.deferred, supplied: true },
    trips: current.trips + (inPerson ? 1 : 0),
  };
  const entry: CaseEvent = {
    action: 'supply_deferred',
    from: current.state,
    to: current.state,
    by: principal.sub,
    role: roleOf(principal, WINDOW_ROLES),
    at: now.toISOString(),
    reason: `补交容缺材料：${current.deferred.names.join('、')}`,
  };
  return {
    set,
    entry,
    events: [{ type: 'affairs.case.transitioned', data: transitionedData({ ...current, ...set }, entry) }],
  };
}

/** One rating per case; a 差评 opens a rectification the centre must answer by a deadline. */
export function ratingStep(
  current: Case,
  request: RateCaseRequest,
  principal: Principal,
  via: RatingChannel,
  now: Date,
): CaseStep {
  if (current.rating) throw new AppError('AFFAIRS.ALREADY_RATED');
  return transition(current, 'rate', current.revision, { principal, roles: ['resident'] }, now, {
    rating: { score: request.score, comment: request.comment ?? null, at: now, via },
    rectification:
      request.score <= BAD_RATING_MAX
        ? { due: addWorkingDays(now, RECTIFICATION_DAYS), answer: null, answeredAt: null, answeredBy: null }
        : null,
    reason: request.comment ?? null,
  });
}

/** The centre administrator's answer to a 差评, recorded once, with whether it met the deadline. */
export function rectificationStep(current: Case, answer: string, principal: Principal, now: Date): CaseStep {
  const open = current.rectification;
  if (!open) throw new AppError('AFFAIRS.ILLEGAL_TRANSITION', '该办件没有需要整改的差评');
  if (open.answer) throw new AppError('AFFAIRS.ILLEGAL_TRANSITION', '该差评的整改情况已经答复过');
  const entry: CaseEvent = {
    action: 'rectify',
    from: current.state,
    to: current.state,
    by: principal.sub,
    role: 'centre_admin',
    at: now.toISOString(),
    reason: answer,
  };
  return {
    set: { rectification: { ...open, answer, answeredAt: now, answeredBy: principal.sub } },
    entry,
    events: [
      {
        type: 'affairs.case.rectified',
        data: {
          caseNo: current._id,
          centreId: current.centreId,
          itemCode: current.item.code,
          by: principal.sub,
          at: entry.at,
          due: open.due,
          onTime: now <= endOfShanghaiDay(open.due),
        },
      },
    ],
  };
}
