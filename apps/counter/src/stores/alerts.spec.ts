import type { LiveEventType } from '@psc/contracts';
import type { LiveEvent } from '@psc/web-data';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAlertsStore } from './alerts';

const C = 'sz/futian/xiangmihu/c-001';
const sla = (caseNo: string, level: 'due_soon' | 'overdue', centreId = C) => ({
  id: `${caseNo}-${level}`,
  type: 'affairs.case.sla-alerted' as const,
  key: caseNo,
  occurredAt: '2026-11-24T01:00:00.000Z',
  data: { caseNo, centreId, itemCode: 'MZ-001', level, due: '2026-11-25', assignee: '区民政局' },
});
// an event of the case channel that is not an alert
const opened = (caseNo: string): LiveEvent<LiveEventType<'case'>> => ({
  ...sla(caseNo, 'due_soon'),
  type: 'affairs.case.opened',
  data: {
    caseNo,
    centreId: C,
    itemCode: 'MZ-001',
    itemVersion: 1,
    itemName: '最低生活保障申请',
    state: 'accepted',
    openedAt: '2026-11-24T01:00:00.000Z',
    openedBy: 'counter01',
    missing: [],
    deferred: [],
    promiseDue: null,
    due: '2026-11-25',
    trips: 1,
  },
});

describe('time-limit alerts', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('keeps this centre’s alerts, one per case, the newest level first, and nothing else from the channel', () => {
    const store = useAlertsStore();
    store.receive(opened('26112400003'), C);
    store.receive(sla('26112400001', 'due_soon'), C);
    store.receive(sla('26112400002', 'due_soon', 'sz/futian/lianhua/c-001'), C);
    store.receive(sla('26112400001', 'overdue'), C);
    expect(store.alerts).toEqual([
      { caseNo: '26112400001', kind: 'overdue', due: '2026-11-25', assignee: '区民政局' },
    ]);
  });

  it('keeps a late rectification beside the case’s time limit, and forgets what is dismissed', () => {
    const store = useAlertsStore();
    store.receive(sla('26112400001', 'due_soon'), C);
    store.receive(
      {
        ...sla('26112400001', 'due_soon'),
        type: 'affairs.case.rectification-overdue' as const,
        data: { caseNo: '26112400001', centreId: C, itemCode: 'MZ-001', due: '2026-11-30' },
      },
      C,
    );
    expect(store.alerts.map((a) => a.kind)).toEqual(['rectification_overdue', 'due_soon']);
    store.dismiss('26112400001');
    expect(store.alerts).toEqual([]);
  });

  it('opens with the alerts standing on the server, keeps dismissed ones away, and shows a later level again', () => {
    const store = useAlertsStore();
    store.standing([
      { caseNo: '26112400001', kind: 'due_soon', due: '2026-11-25', assignee: null },
      { caseNo: '26112400002', kind: 'overdue', due: '2026-11-20', assignee: '区民政局' },
    ]);
    store.dismiss('26112400001');
    // the stream reconnected: the server's list again, without what was dismissed
    store.standing([
      { caseNo: '26112400001', kind: 'due_soon', due: '2026-11-25', assignee: null },
      { caseNo: '26112400002', kind: 'overdue', due: '2026-11-20', assignee: '区民政局' },
    ]);
    expect(store.alerts.map((a) => a.caseNo)).toEqual(['26112400002']);
    store.receive(sla('26112400001', 'due_soon'), C);
    expect(store.alerts.map((a) => a.caseNo)).toEqual(['26112400002']);
    store.receive(sla('26112400001', 'overdue'), C);
    expect(store.alerts.map((a) => `${a.caseNo}:${a.kind}`)).toEqual([
      '26112400001:overdue',
      '26112400002:overdue',
    ]);
  });

  it('keeps a broken 容缺 promise beside the case’s time limit', () => {
    const store = useAlertsStore();
    store.receive(sla('26112400001', 'overdue'), C);
    store.receive(
      {
        ...sla('26112400001', 'overdue'),
        type: 'affairs.case.promise-overdue' as const,
        data: {
          caseNo: '26112400001',
          centreId: C,
          itemCode: 'MZ-001',
          due: '2026-11-20',
          materials: ['收入证明'],
          assignee: null,
        },
      },
      C,
    );
    expect(store.alerts.map((a) => a.kind)).toEqual(['promise_overdue', 'overdue']);
  });
});
