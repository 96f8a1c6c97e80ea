import type { Principal } from '@psc/auth';
import type { EventData } from '@psc/contracts';
import {
  decideIntake,
  IntakeChecklistError,
  type IntakeDecision,
  type MaterialCheck,
  type OpenCaseRequest,
} from '@psc/contracts/affairs';
import type { ItemContent, Material } from '@psc/contracts/catalogue';
import { AppError } from '@psc/server-kit';
import { addWorkingDays } from '@psc/work-calendar';
import type { Case } from './case.model';
import { centreWeek, isLive } from './case-keys';

/** 容缺: the promised material is due within this many working days of acceptance. */
export const DEFERRED_DAYS = 5;

/** The roles working the window: intake, and the 容缺 materials brought later. */
export const WINDOW_ROLES = ['counter_staff', 'centre_admin'] as const;

/** The role a step was taken in: the first of `roles` the principal holds, else what kind of principal it is. */
export const roleOf = (principal: Principal, roles: readonly string[]) =>
  principal.roles.find((g) => roles.includes(g.role))?.role ?? principal.kind;

/** The intake decision for a checklist; a checklist that does not name the item's materials exactly is a 400. */
export function checkMaterials(
  materials: readonly Material[],
  checks: readonly MaterialCheck[],
): IntakeDecision {
  try {
    return decideIntake(materials, checks);
  } catch (error) {
    if (error instanceof IntakeChecklistError)
      throw new AppError('AFFAIRS.CHECKLIST_INCOMPLETE', error.problems[0], error.problems);
    throw error;
  }
}

/** The 容缺 promise for materials accepted as `names`; nothing owed is a promise kept. */
export const deferredPromise = (names: string[], now: Date): Case['deferred'] => ({
  names,
  due: names.length > 0 ? addWorkingDays(now, DEFERRED_DAYS) : null,
  supplied: names.length === 0,
});

export interface Intake {
  caseNo: string;
  request: OpenCaseRequest;
  item: ItemContent;
  itemVersion: number;
  decision: IntakeDecision;
  lookupHash: string;
  idempotencyKey: string;
  principal: Principal;
  now: Date;
}

/** A new case as the intake decided it, with the event that announces it. */
export function intakeCase(intake: Intake): { doc: Case; opened: EventData<'affairs.case.opened'> } {
  const { caseNo, request, item, decision, principal, now } = intake;
  const accepted = decision.outcome !== 'correcting';
  const deferred = decision.outcome === 'accepted_with_promise' ? decision.deferred.map((m) => m.name) : [];
  const missing = decision.outcome === 'correcting' ? decision.missing.map((m) => m.name) : [];
  const state = accepted ? 'accepted' : 'correcting';
  const doc: Case = {
    _id: caseNo,
    revision: 1,
    centreId: request.centreId,
    item: {
      code: item.code,
      version: intake.itemVersion,
      name: item.name,
      mode: item.mode,
      promisedDays: item.promisedDays,
      materials: item.materials,
    },
    residentId: request.residentId,
    lookupHash: intake.lookupHash,
    ticketId: request.ticketId ?? null,
    idempotencyKey: intake.idempotencyKey,
    state,
    openedAt: now,
    acceptedAt: accepted ? now : null,
    due: accepted ? addWorkingDays(now, item.promisedDays) : null,
    missing,
    deferred: deferredPromise(deferred, now),
    assignee: null,
    trips: 1,
    rating: null,
    rectification: null,
    slaAlerted: null,
    deliveredVia: null,
    live: isLive({ state, rectification: null }),
    centreWeek: centreWeek(request.centreId, now),
    history: [
      {
        action: 'open',
        from: null,
        to: state,
        by: principal.sub,
        role: roleOf(principal, WINDOW_ROLES),
        at: now.toISOString(),
        reason: missing.length > 0 ? `一次性告知：缺少${missing.join('、')}` : null,
      },
    ],
  };
  const opened: EventData<'affairs.case.opened'> = {
    caseNo,
    centreId: doc.centreId,
    itemCode: doc.item.code,
    itemVersion: doc.item.version,
    itemName: doc.item.name,
    trips: doc.trips,
    state,
    openedAt: now.toISOString(),
    openedBy: principal.sub,
    missing,
    deferred,
    promiseDue: doc.deferred.due,
    due: doc.due,
  };
  return { doc, opened };
}
