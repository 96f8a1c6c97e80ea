import type { CaseProgress, CaseState } from '@psc/contracts/affairs';
import { formatDay, formatShanghai } from '@psc/util';
import { i18n } from '../i18n';

const { t } = i18n.global;

export type StepAction = CaseProgress['steps'][number]['action'];

/** Every step a case can show; a step the service adds fails the type-check here until it is named in the locales. */
const STEPS: Record<StepAction, true> = {
  open: true,
  supplement: true,
  supply_deferred: true,
  request_correction: true,
  assign: true,
  complete: true,
  deliver: true,
  rate: true,
  refuse: true,
  return: true,
  rectify: true,
};
export const STEP_ACTIONS = Object.keys(STEPS) as StepAction[];

export const stateLabel = (state: CaseState): string => t(`affairs.state.${state}`);
export const actionLabel = (action: StepAction): string => t(`affairs.action.${action}`);

/** An instant on Shanghai's clock, in the kiosk's language. */
export const chinaTime = (iso: string): string => formatShanghai(iso, i18n.global.locale.value);

/** A working day as the services send it (`2026-05-20`), in words of the kiosk's language. */
export const chinaDay = (day: string): string => formatDay(day, i18n.global.locale.value);

export interface TimelineEntry {
  label: string;
  state: string;
  at: string;
  reason: string | null;
  latest: boolean;
}

/** The case's steps, oldest first, as the resident reads them: what happened, where it left the case, when. */
export function timeline(progress: Pick<CaseProgress, 'steps'>): TimelineEntry[] {
  return progress.steps.map((step, index) => ({
    label: actionLabel(step.action),
    state: stateLabel(step.to),
    at: chinaTime(step.at),
    reason: step.reason,
    latest: index === progress.steps.length - 1,
  }));
}

/** 容缺 materials still owed; once they were brought there is nothing to remind anyone of. */
export const owedDeferred = (progress: Pick<CaseProgress, 'deferred'>): string[] =>
  progress.deferred.supplied ? [] : progress.deferred.names;

export const ahead = (people: number): string =>
  people === 0 ? t('ticket.aheadNone') : t('ticket.ahead', { count: people }, people);

export const waitEstimate = (minutes: number): string =>
  minutes <= 0 ? t('ticket.waitSoon') : t('ticket.wait', { count: minutes }, minutes);
