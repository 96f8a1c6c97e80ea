import type { EventData } from '@psc/contracts';
import type { LiveEvent } from '@psc/web-data';
import { defineStore } from 'pinia';
import { ref } from 'vue';

export type AlertKind = 'due_soon' | 'overdue' | 'rectification_overdue';

export interface CaseAlert {
  caseNo: string;
  kind: AlertKind;
  due: string;
  assignee: string | null;
}

export const ALERT_EVENTS = ['affairs.case.sla-alerted', 'affairs.case.rectification-overdue'] as const;

/**
 * Time-limit alerts raised while the workbench is open, for the signed-in centre: a case about to pass or past its
 * due day, and a 差评 left unanswered past its deadline. One per case and kind; a later kind replaces an earlier.
 */
export const useAlertsStore = defineStore('alerts', () => {
  const alerts = ref<CaseAlert[]>([]);

  /** Takes the alert events of `centreId` from the case channel; every other event is ignored. */
  function receive(event: LiveEvent<unknown>, centreId: string): void {
    if (!(ALERT_EVENTS as readonly string[]).includes(event.type)) return;
    const data = event.data as
      EventData<'affairs.case.sla-alerted'> | EventData<'affairs.case.rectification-overdue'>;
    if (data.centreId !== centreId) return;
    const alert: CaseAlert =
      'level' in data
        ? { caseNo: data.caseNo, kind: data.level, due: data.due, assignee: data.assignee }
        : { caseNo: data.caseNo, kind: 'rectification_overdue', due: data.due, assignee: null };
    const sameCase = (a: CaseAlert) =>
      a.caseNo === alert.caseNo &&
      (a.kind === 'rectification_overdue') === (alert.kind === 'rectification_overdue');
    alerts.value = [alert, ...alerts.value.filter((a) => !sameCase(a))];
  }

  function dismiss(caseNo: string): void {
    alerts.value = alerts.value.filter((a) => a.caseNo !== caseNo);
  }

  return { alerts, receive, dismiss };
});
