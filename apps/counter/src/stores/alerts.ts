import type { LiveEventType } from '@psc/contracts';
import type { CaseAlert } from '@psc/contracts/affairs';
import type { LiveEvent } from '@psc/web-data';
import { defineStore } from 'pinia';
import { ref } from 'vue';

const ALERT_EVENTS = [
  'affairs.case.sla-alerted',
  'affairs.case.rectification-overdue',
  'affairs.case.promise-overdue',
] as const satisfies LiveEventType<'case'>[];
type AlertEvent = LiveEvent<(typeof ALERT_EVENTS)[number]>;
const isAlert = (event: LiveEvent<LiveEventType<'case'>>): event is AlertEvent =>
  (ALERT_EVENTS as readonly string[]).includes(event.type);

function toAlert({ type, data }: AlertEvent): CaseAlert {
  switch (type) {
    case 'affairs.case.sla-alerted':
      return { caseNo: data.caseNo, kind: data.level, due: data.due, assignee: data.assignee };
    case 'affairs.case.promise-overdue':
      return { caseNo: data.caseNo, kind: 'promise_overdue', due: data.due, assignee: data.assignee };
    case 'affairs.case.rectification-overdue':
      return { caseNo: data.caseNo, kind: 'rectification_overdue', due: data.due, assignee: null };
  }
}

const keyOf = (a: CaseAlert) => `${a.caseNo}:${a.kind}`;
/** a case's time limit, its 差评 and its 容缺 promise are alerted apart; a later level of the limit replaces the earlier */
const topicOf = (a: CaseAlert) => (a.kind === 'due_soon' || a.kind === 'overdue' ? 'limit' : a.kind);
const sameTopic = (a: CaseAlert, b: CaseAlert) => a.caseNo === b.caseNo && topicOf(a) === topicOf(b);

/**
 * Time-limit alerts for the signed-in centre: a case about to pass or past its due day, a 差评 left unanswered past
 * its deadline, and 容缺 materials not brought by the promised day. Those standing when the workbench opens come
 * from the server, later ones live. One per case and topic; what was dismissed stays dismissed for the session,
 * until a later level is raised.
 */
export const useAlertsStore = defineStore('alerts', () => {
  const alerts = ref<CaseAlert[]>([]);
  const dismissed = new Set<string>();

  /** The alerts standing now, as the server lists them: they replace what was held. */
  function standing(list: CaseAlert[]): void {
    alerts.value = list.filter((a) => !dismissed.has(keyOf(a)));
  }

  /** Takes the alert events of `centreId` from the case channel; every other event is ignored. */
  function receive(event: LiveEvent<LiveEventType<'case'>>, centreId: string): void {
    if (!isAlert(event) || event.data.centreId !== centreId) return;
    const alert = toAlert(event);
    if (dismissed.has(keyOf(alert))) return;
    alerts.value = [alert, ...alerts.value.filter((a) => !sameTopic(a, alert))];
  }

  function dismiss(caseNo: string): void {
    for (const a of alerts.value) if (a.caseNo === caseNo) dismissed.add(keyOf(a));
    alerts.value = alerts.value.filter((a) => a.caseNo !== caseNo);
  }

  return { alerts, standing, receive, dismiss };
});
