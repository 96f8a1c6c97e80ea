import type { CaseAlert, CaseView } from '@psc/contracts/affairs';
import { endOfShanghaiDay, slaStatus } from '@psc/work-calendar';
import type { Case } from './case.model';

export type SlaLevel = 'due_soon' | 'overdue';

/** Working days before the due day at which the department and the centre are warned. */
export const WARN_DAYS = 1;

/** The SLA alert a running case is owed now, if it has not had it (overdue after due_soon, never the reverse). */
export function slaAlertDue(
  found: Pick<Case, 'state' | 'acceptedAt' | 'item' | 'slaAlerted'>,
  now: Date,
): SlaLevel | null {
  if (!found.acceptedAt || (found.state !== 'accepted' && found.state !== 'assigned')) return null;
  const { state } = slaStatus(new Date(found.acceptedAt), found.item.promisedDays, now, WARN_DAYS);
  if (state === 'overdue' && found.slaAlerted !== 'overdue') return 'overdue';
  if (state === 'due_soon' && found.slaAlerted === null) return 'due_soon';
  return null;
}

/** A 差评 still unanswered after the end of its due day. */
export function rectificationLate(found: Pick<Case, 'rectification'>, now: Date): boolean {
  const open = found.rectification;
  return Boolean(open && !open.answer && now > endOfShanghaiDay(open.due));
}

/** A late 差评 answer whose alert has not gone out yet. */
export const rectificationOverdue = (found: Pick<Case, 'rectification'>, now: Date): boolean =>
  rectificationLate(found, now) && !found.rectification?.flagged;

/**
 * A 容缺 promise broken: the materials accepted on promise were not brought by the end of their due day while the
 * case is still being handled.
 */
export function promiseLate(found: Pick<Case, 'state' | 'deferred'>, now: Date): boolean {
  const { names, due, supplied } = found.deferred;
  return (
    (found.state === 'accepted' || found.state === 'assigned') &&
    names.length > 0 &&
    !supplied &&
    due !== null &&
    now > endOfShanghaiDay(due)
  );
}

/** A broken 容缺 promise whose alert has not gone out yet. */
export const promiseOverdue = (found: Pick<Case, 'state' | 'deferred'>, now: Date): boolean =>
  promiseLate(found, now) && !found.deferred.flagged;

/** The alerts standing for cases as they read now, most urgent first: what has passed its day, then what is about to. */
export function standingAlerts(views: readonly CaseView[]): CaseAlert[] {
  const standing: CaseAlert[] = [];
  for (const view of views) {
    const assignee = view.assignee?.name ?? null;
    if (view.due && (view.sla === 'due_soon' || view.sla === 'overdue'))
      standing.push({ caseNo: view.caseNo, kind: view.sla, due: view.due, assignee });
    if (view.deferred.overdue && view.deferred.due)
      standing.push({ caseNo: view.caseNo, kind: 'promise_overdue', due: view.deferred.due, assignee });
    if (view.rectification?.overdue)
      standing.push({
        caseNo: view.caseNo,
        kind: 'rectification_overdue',
        due: view.rectification.due,
        assignee: null,
      });
  }
  const urgency = (a: CaseAlert) => (a.kind === 'due_soon' ? 1 : 0);
  return standing.sort((a, b) => urgency(a) - urgency(b) || a.due.localeCompare(b.due));
}
