import { expectAppError, staff } from '@psc/testing/unit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseWorld, CENTRE, checklist, counter, ITEM, OTHER_CENTRE } from '../../test/case-world';

describe('CaseIntakeService.open', () => {
  it('accepts a complete file: due after the promised working days, one trip, announced once', async () => {
    const world = caseWorld();
    const view = await world.open();
    expect(view).toMatchObject({
      caseNo: '25030300001',
      revision: 1,
      centreId: CENTRE,
      item: { code: 'MZ-001', version: 3, name: '最低生活保障申请', promisedDays: 10 },
      state: 'accepted',
      allowedActions: ['assign', 'complete', 'request_correction', 'refuse'],
      acceptedAt: '2025-03-03T02:00:00.000Z',
      due: '2025-03-17',
      sla: 'on_track',
      missing: [],
      deferred: { names: [], due: null, supplied: true, overdue: false },
      trips: 1,
      history: [{ action: 'open', from: null, to: 'accepted', by: 'u-counter_staff', role: 'counter_staff' }],
    });
    expect(world.outbox.dataOf('affairs.case.opened')).toEqual([
      {
        caseNo: '25030300001',
        centreId: CENTRE,
        itemCode: 'MZ-001',
        itemVersion: 3,
        itemName: '最低生活保障申请',
        trips: 1,
        state: 'accepted',
        openedAt: '2025-03-03T02:00:00.000Z',
        openedBy: 'u-counter_staff',
        missing: [],
        deferred: [],
        promiseDue: null,
        due: '2025-03-17',
      },
    ]);
  });

  it('puts a file missing a required material in 补正 with the 一次性告知 on record, and no time running', async () => {
    const view = await caseWorld().open(['户口簿', '收入证明']);
    expect(view).toMatchObject({
      state: 'correcting',
      acceptedAt: null,
      due: null,
      sla: null,
      missing: ['户口簿', '收入证明'],
      deferred: { names: [], supplied: true },
      allowedActions: ['supplement', 'refuse'],
    });
    expect(view.history[0]).toMatchObject({ to: 'correcting', reason: '一次性告知：缺少户口簿、收入证明' });
  });

  it('accepts on promise (容缺) when only a deferrable material is missing, due in 5 working days', async () => {
    const world = caseWorld();
    const view = await world.open(['收入证明']);
    expect(view).toMatchObject({
      state: 'accepted',
      missing: [],
      deferred: { names: ['收入证明'], due: '2025-03-10', supplied: false, overdue: false },
    });
    expect(world.outbox.dataOf('affairs.case.opened')[0]).toMatchObject({
      deferred: ['收入证明'],
      promiseDue: '2025-03-10',
    });
  });

  it('decides every checklist the same way: 补正 exactly when a required material is missing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(ITEM.materials.map((m) => m.name)), async (missing) => {
        const view = await caseWorld().open(missing);
        const required = ITEM.materials.filter((m) => !m.deferrable && missing.includes(m.name));
        if (required.length > 0) {
          expect(view.state).toBe('correcting');
          expect(view.missing).toEqual(missing);
          expect(view.deferred).toMatchObject({ names: [], supplied: true });
        } else {
          expect(view.state).toBe('accepted');
          expect(view.missing).toEqual([]);
          expect(view.deferred.names).toEqual(missing);
          expect(view.deferred.supplied).toBe(missing.length === 0);
          expect(view.deferred.due !== null).toBe(missing.length > 0);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('refuses a checklist that leaves a material out or adds one, before taking a case number', async () => {
    const world = caseWorld();
    const error = await expectAppError(
      world.open([], { materials: checklist().slice(1) }),
      'AFFAIRS.CHECKLIST_INCOMPLETE',
    );
    expect(error.message).toBe('请确认材料“居民身份证”是否已提供');
    expect(error.status).toBe(400);
    await expectAppError(
      world.open([], { materials: [...checklist(), { name: '结婚证', provided: true }] }),
      'AFFAIRS.CHECKLIST_INCOMPLETE',
    );
    expect((await world.open()).caseNo).toBe('25030300001');
  });

  it('refuses an item this centre has no copy of, and staff of another centre or role', async () => {
    const world = caseWorld();
    const missingItem = await expectAppError(
      world.open([], { itemCode: 'XX-404' }),
      'AFFAIRS.ITEM_NOT_AVAILABLE',
    );
    expect(missingItem.message).toBe('事项 XX-404 尚未在本中心上线');
    await expectAppError(world.open([], { centreId: OTHER_CENTRE }), 'AUTH.OUT_OF_SCOPE');
    const request = { centreId: CENTRE, itemCode: ITEM.code, residentId: 'r-1', idTail: '31002X' };
    await expectAppError(
      world.intake.open({ ...request, materials: checklist() }, 'key-00001', staff('dept_reviewer', CENTRE)),
      'AUTH.OUT_OF_SCOPE',
    );
    expect(world.store.docs.size).toBe(0);
  });

  it('opens one case for a double tap, in turn or at once: the same key answers with the first case', async () => {
    const world = caseWorld();
    const request = {
      centreId: CENTRE,
      itemCode: ITEM.code,
      residentId: 'r-1',
      idTail: '31002X',
      materials: checklist(),
    };
    const first = await world.intake.open(request, 'double-tap-1', counter);
    const again = await world.intake.open(request, 'double-tap-1', counter);
    const racing = await Promise.all([
      world.intake.open(request, 'double-tap-2', counter),
      world.intake.open(request, 'double-tap-2', counter),
    ]);
    expect(again.caseNo).toBe(first.caseNo);
    expect(racing[0].caseNo).toBe(racing[1].caseNo);
    expect(world.store.docs.size).toBe(2);
    expect(world.outbox.types).toEqual(['affairs.case.opened', 'affairs.case.opened']);
  });
});
