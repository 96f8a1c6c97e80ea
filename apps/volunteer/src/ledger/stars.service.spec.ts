import { describe, expect, it } from 'vitest';
import { CENTRE, kiosk, volunteerWorld } from '../../test/volunteer-world';
import type { LedgerEntry } from './ledger-entry.model';

const credit = (id: string, minutes: number): LedgerEntry => ({
  _id: id,
  volunteerId: 'r-1',
  kind: 'credit',
  minutes,
  source: 'proxy',
  sourceRef: id,
  activityId: null,
  activityTitle: null,
  category: null,
  centreId: CENTRE,
  teamId: null,
  projectId: null,
  servedOn: '2026-03-03',
  approvedBy: 'u-1',
  reason: null,
  reverses: null,
  at: new Date('2026-03-03T01:00:00Z'),
});

describe('star levels', () => {
  it('raises 一星 once when 100 信用 hours are crossed, and not again after a reversal and a new credit', async () => {
    const w = volunteerWorld();
    await w.registered('r-1');
    await w.ledger.post(credit('e-1', 99 * 60));
    await w.settle();
    expect(w.outbox.dataOf('volunteer.hours.star-raised')).toEqual([]);
    const crossing = (await w.ledger.post(credit('e-2', 120))).entry;
    await w.settle();
    expect(w.outbox.dataOf('volunteer.hours.star-raised')).toMatchObject([{ level: 1, name: '一星志愿者' }]);
    await w.ledger.reverse(crossing, 'u-1', '录入错误', w.clock());
    await w.settle();
    expect((await w.hours.mine(kiosk('r-1'))).star).toMatchObject({
      level: 0,
      highest: 1,
    });
    await w.ledger.post(credit('e-3', 120));
    await w.settle(true);
    expect(w.outbox.dataOf('volunteer.hours.star-raised')).toHaveLength(1);
  });

  it('credits a 代办员 once however often the case event is delivered', async () => {
    const w = volunteerWorld();
    await w.registered('r-1');
    const event = {
      caseNo: 'C-1',
      centreId: CENTRE,
      itemCode: 'MZ-001',
      itemName: '最低生活保障申请',
      volunteerId: 'r-1',
      proxyName: '王小明',
      minutes: 45,
      completedBy: 'u-counter',
      completedAt: '2026-03-03T02:00:00Z',
    };
    await w.consumer.proxyCompleted({ data: event } as never);
    await w.consumer.proxyCompleted({ data: event } as never);
    await w.settle();
    expect(w.outbox.dataOf('volunteer.hours.credited')).toMatchObject([
      { entryId: 'proxy:C-1', minutes: 45 },
    ]);
  });
});
