import {
  allowedActions,
  type CaseProgress,
  type CaseView,
  type DeferredMaterials,
} from '@psc/contracts/affairs';
import { slaStatus } from '@psc/work-calendar';
import type { Case } from './case.model';
import { promiseLate, rectificationLate } from './sla-alerts';

/** How a stored case reads to the outside, at `now` (time limits and overdue flags move with it). */

export function deferredOf(found: Case, now: Date): DeferredMaterials {
  const { names, due, supplied } = found.deferred;
  return { names, due, supplied, overdue: promiseLate(found, now) };
}

/** A case as staff see it; `rate` is left out of the actions, as only the resident rates. */
export function caseView(found: Case, now: Date): CaseView {
  const running = ['accepted', 'assigned'].includes(found.state) ? found.acceptedAt : null;
  return {
    caseNo: found._id,
    revision: found.revision,
    centreId: found.centreId,
    item: {
      code: found.item.code,
      version: found.item.version,
      name: found.item.name,
      promisedDays: found.item.promisedDays,
    },
    residentId: found.residentId,
    state: found.state,
    allowedActions: allowedActions(found.state).filter((a) => a !== 'rate'),
    openedAt: new Date(found.openedAt).toISOString(),
    acceptedAt: found.acceptedAt ? new Date(found.acceptedAt).toISOString() : null,
    due: found.due,
    sla: running ? slaStatus(new Date(running), found.item.promisedDays, now).state : null,
    missing: found.missing,
    deferred: deferredOf(found, now),
    assignee: found.assignee,
    deliveredVia: found.deliveredVia ?? null,
    trips: found.trips,
    rating: found.rating ? { ...found.rating, at: new Date(found.rating.at).toISOString() } : null,
    rectification: found.rectification
      ? {
          ...found.rectification,
          answeredAt: found.rectification.answeredAt
            ? new Date(found.rectification.answeredAt).toISOString()
            : null,
          overdue: rectificationLate(found, now),
        }
      : null,
    history: found.history,
  };
}

/** A case as a resident sees it (kiosk, QR code, rating link): no staff, no names. */
export function caseProgress(found: Case, now: Date): CaseProgress {
  return {
    caseNo: found._id,
    itemName: found.item.name,
    state: found.state,
    openedAt: new Date(found.openedAt).toISOString(),
    due: found.due,
    missing: found.missing,
    deferred: deferredOf(found, now),
    steps: found.history.map(({ action, to, at, reason }) => ({ action, to, at, reason })),
    canRate: found.state === 'delivered' && !found.rating,
  };
}
