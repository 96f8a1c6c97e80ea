import {
  allowedActions,
  CASE_ACTIONS,
  type CaseAction,
  type CaseActionRequest,
  type CaseView,
  nextState,
} from '@psc/contracts/affairs';
import { expectAppError, staff } from '@psc/testing/unit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseWorld, CENTRE, checklist, counter, OTHER_CENTRE, reviewer } from '../../test/case-world';

/** A request for `action` that the contract schema accepts, on the revision the caller saw. */
const requestFor = (action: CaseAction, view: CaseView): CaseActionRequest => ({
  action,
  revision: view.revision,
  reason: '材料不全',
  materials: checklist(),
  assignee: { kind: 'department', name: '区民政局' },
  channel: 'window',
});

describe('CaseStepsService.act', () => {
  it('walks a case to delivery: who took each step in which role, trips, and the rating invitation', async () => {
    const world = caseWorld();
    let view = await world.open();
    view = await world.steps.act(view.caseNo, { ...requestFor('assign', view) }, counter);
    expect(view).toMatchObject({
      state: 'assigned',
      revision: 2,
      assignee: { kind: 'department', name: '区民政局' },
    });
    view = await world.steps.act(view.caseNo, { action: 'complete', revision: view.revision }, reviewer);
    view = await world.steps.act(
      view.caseNo,
      { action: 'deliver', revision: view.revision, channel: 'window' },
      counter,
    );
    expect(view).toMatchObject({
      state: 'delivered',
      revision: 4,
      trips: 2,
      deliveredVia: 'window',
      allowedActions: [],
    });
    expect(view.history.map((h) => [h.action, h.from, h.to, h.role])).toEqual([
      ['open', null, 'accepted', 'counter_staff'],
      ['assign', 'accepted', 'assigned', 'counter_staff'],
      ['complete', 'assigned', 'completed', 'dept_reviewer'],
      ['deliver', 'completed', 'delivered', 'counter_staff'],
    ]);
    expect(world.outbox.types).toEqual([
      'affairs.case.opened',
      'affairs.case.transitioned',
      'affairs.case.transitioned',
      'affairs.case.transitioned',
      'affairs.case.rating-invited',
    ]);
    expect(world.outbox.dataOf('affairs.case.transitioned')[2]).toMatchObject({
      caseNo: view.caseNo,
      action: 'deliver',
      from: 'completed',
      to: 'delivered',
      by: 'u-counter_staff',
      trips: 2,
      due: '2025-03-17',
      rating: null,
    });
    expect(world.outbox.dataOf('affairs.case.rating-invited')).toEqual([
      {
        caseNo: view.caseNo,
        centreId: CENTRE,
        itemName: '最低生活保障申请',
        residentId: 'r-1',
        token: world.secrets.ratingToken(view.caseNo),
      },
    ]);
  });

  it('publishes who proxied and the minutes they spent when a volunteer 代办员 completes the case', async () => {
    const world = caseWorld();
    let view = await world.open();
    const proxy = { kind: 'proxy' as const, name: '王小明', volunteerId: 'r-7' };
    view = await world.steps.act(
      view.caseNo,
      { action: 'assign', revision: view.revision, assignee: proxy },
      counter,
    );
    await expectAppError(
      world.steps.act(view.caseNo, { action: 'complete', revision: view.revision }, counter),
      'COMMON.VALIDATION_FAILED',
    );
    await world.steps.act(
      view.caseNo,
      { action: 'complete', revision: view.revision, proxyMinutes: 40 },
      counter,
    );
    expect(world.outbox.dataOf('affairs.case.proxy-completed')).toEqual([
      expect.objectContaining({ caseNo: view.caseNo, volunteerId: 'r-7', proxyName: '王小明', minutes: 40 }),
    ]);
  });

  it('counts a result sent by mail as no extra trip', async () => {
    expect((await caseWorld().delivered()).trips).toBe(1);
  });

  it('refuses a step the state does not allow with 409, saying what the case can do now', async () => {
    const world = caseWorld();
    const view = await world.open();
    const error = await expectAppError(
      world.steps.act(view.caseNo, requestFor('deliver', view), counter),
      'AFFAIRS.ILLEGAL_TRANSITION',
    );
    expect(error.status).toBe(409);
    expect(error.message).toBe(
      '办件当前为“已受理”，不能“送达/领取”；现在可以：分办、办结、要求补正、不予受理',
    );
    expect(error.details).toEqual({
      state: 'accepted',
      allowed: ['assign', 'complete', 'request_correction', 'refuse'],
    });
    const refused = await world.steps.act(view.caseNo, requestFor('refuse', view), counter);
    const ended = await expectAppError(
      world.steps.act(view.caseNo, requestFor('assign', refused), counter),
      'AFFAIRS.ILLEGAL_TRANSITION',
    );
    expect(ended.message).toBe('办件当前为“不予受理”，不能“分办”；该办件已结束');
  });

  it('takes every step the state machine allows and refuses every other, whatever the order', async () => {
    const staffActions = (Object.keys(CASE_ACTIONS) as CaseAction[]).filter((a) => a !== 'rate');
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(fc.constantFrom(...staffActions), { maxLength: 8 }),
        async (complete, actions) => {
          const world = caseWorld();
          let view = await world.open(complete ? [] : ['户口簿']);
          for (const action of actions) {
            const to = nextState(view.state, action);
            const attempt = world.steps.act(
              view.caseNo,
              requestFor(action, view),
              staff('centre_admin', CENTRE),
            );
            if (!to) {
              const error = await expectAppError(attempt, 'AFFAIRS.ILLEGAL_TRANSITION');
              expect(error.details).toEqual({ state: view.state, allowed: allowedActions(view.state) });
              continue;
            }
            const before = view;
            view = await attempt;
            expect(view.state).toBe(to);
            expect(view.revision).toBe(before.revision + 1);
            expect(view.history).toHaveLength(before.history.length + 1);
            expect(world.outbox.dataOf('affairs.case.transitioned').at(-1)).toMatchObject({
              action,
              from: before.state,
              to,
            });
          }
          expect(world.store.docs.get(view.caseNo)).toMatchObject({
            revision: view.revision,
            state: view.state,
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('leaves rating to the resident, each step to its roles, and each centre to its own staff', async () => {
    const world = caseWorld();
    const view = await world.open();
    const rate = await expectAppError(
      world.steps.act(view.caseNo, { action: 'rate', revision: 1 }, counter),
      'AUTH.FORBIDDEN',
    );
    expect(rate.message).toBe('评价须由申请人在自助终端或通过短信链接完成');
    await expectAppError(
      world.steps.act(view.caseNo, requestFor('assign', view), reviewer),
      'AUTH.OUT_OF_SCOPE',
    );
    await expectAppError(
      world.steps.act(view.caseNo, requestFor('assign', view), staff('counter_staff', OTHER_CENTRE)),
      'AUTH.OUT_OF_SCOPE',
    );
    const missing = await expectAppError(
      world.steps.act('25030399999', requestFor('assign', view), counter),
      'AFFAIRS.CASE_NOT_FOUND',
    );
    expect(missing.message).toBe('没有找到编号为 25030399999 的办件');
  });

  it('refuses a step decided on an old revision, naming the step that got in first', async () => {
    const world = caseWorld();
    const seen = await world.open();
    await world.steps.act(seen.caseNo, requestFor('assign', seen), counter);
    const error = await expectAppError(
      world.steps.act(seen.caseNo, requestFor('complete', seen), counter),
      'AFFAIRS.CASE_CHANGED',
    );
    expect(error.message).toBe('该办件刚被其他工作人员“分办”，现为“审核/分办中”，请刷新后再操作');
    expect(error.details).toEqual({ revision: 2, state: 'assigned' });
  });

  it('lets one of two steps taken at once win; the other is told which, and raises nothing', async () => {
    const world = caseWorld();
    const seen = await world.open();
    const [assigned, refused] = await Promise.allSettled([
      world.steps.act(seen.caseNo, requestFor('assign', seen), counter),
      world.steps.act(seen.caseNo, requestFor('refuse', seen), counter),
    ]);
    expect(assigned).toMatchObject({ status: 'fulfilled', value: { state: 'assigned' } });
    expect(refused).toMatchObject({
      status: 'rejected',
      reason: {
        code: 'AFFAIRS.CASE_CHANGED',
        message: '该办件刚被其他工作人员“分办”，现为“审核/分办中”，请刷新后再操作',
      },
    });
    expect(world.outbox.dataOf('affairs.case.transitioned').map((e) => e.action)).toEqual(['assign']);
  });

  it('accepts a file in 补正 once the missing materials are brought: another trip, the clock starts then', async () => {
    const world = caseWorld();
    const opened = await world.open(['户口簿']);
    world.clock.advance(2 * 86_400_000);
    const stillMissing = await expectAppError(
      world.steps.act(
        opened.caseNo,
        { ...requestFor('supplement', opened), materials: checklist(['户口簿']) },
        counter,
      ),
      'AFFAIRS.CHECKLIST_INCOMPLETE',
    );
    expect(stillMissing.message).toBe('仍缺少必须提交的材料：户口簿');
    const view = await world.steps.act(
      opened.caseNo,
      { ...requestFor('supplement', opened), materials: checklist(['收入证明']) },
      counter,
    );
    expect(view).toMatchObject({
      state: 'accepted',
      trips: 2,
      missing: [],
      acceptedAt: '2025-03-05T02:00:00.000Z',
      due: '2025-03-19',
      deferred: { names: ['收入证明'], due: '2025-03-12', supplied: false },
    });
  });
});

describe('CaseStepsService.supplyDeferred', () => {
  it('records the promised materials as brought, counting a visit as a trip, without moving the state', async () => {
    const world = caseWorld();
    const opened = await world.open(['收入证明']);
    const view = await world.steps.supplyDeferred(opened.caseNo, opened.revision, true, counter);
    expect(view).toMatchObject({
      state: 'accepted',
      revision: 2,
      trips: 2,
      deferred: { names: ['收入证明'], supplied: true },
    });
    expect(view.history.at(-1)).toMatchObject({
      action: 'supply_deferred',
      from: 'accepted',
      to: 'accepted',
      role: 'counter_staff',
      reason: '补交容缺材料：收入证明',
    });
    expect(world.outbox.dataOf('affairs.case.transitioned')).toEqual([
      expect.objectContaining({ action: 'supply_deferred', from: 'accepted', to: 'accepted', trips: 2 }),
    ]);
    const again = await expectAppError(
      world.steps.supplyDeferred(opened.caseNo, view.revision, false, counter),
      'AFFAIRS.ILLEGAL_TRANSITION',
    );
    expect(again.message).toBe('该办件没有待补交的容缺材料');
  });

  it('counts materials sent as no trip, and refuses a case owing none, an old revision and other roles', async () => {
    const world = caseWorld();
    const promised = await world.open(['收入证明']);
    expect((await world.steps.supplyDeferred(promised.caseNo, 1, false, counter)).trips).toBe(1);
    const complete = await world.open();
    await expectAppError(
      world.steps.supplyDeferred(complete.caseNo, 1, true, counter),
      'AFFAIRS.ILLEGAL_TRANSITION',
    );
    const other = await world.open(['收入证明']);
    await expectAppError(world.steps.supplyDeferred(other.caseNo, 2, true, counter), 'AFFAIRS.CASE_CHANGED');
    await expectAppError(world.steps.supplyDeferred(other.caseNo, 1, true, reviewer), 'AUTH.OUT_OF_SCOPE');
  });
});
