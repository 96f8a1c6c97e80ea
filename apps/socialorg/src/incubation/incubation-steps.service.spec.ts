import {
  INCUBATION_ACTIONS,
  type IncubationAction,
  type IncubationActionRequest,
  type IncubationView,
  nextIncubationState,
  SCORE_SHEET,
} from '@psc/contracts/socialorg';
import { expectAppError, staff } from '@psc/testing/unit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centreAdmin, memberOf, socialorgWorld, STREET, streetAdmin } from '../../test/socialorg-world';

const fullMarks = Object.fromEntries(SCORE_SHEET.map((c) => [c.code, c.max])) as Record<string, number>;
/** A score sheet adding up to `total` (spread from the first criterion on). */
function sheet(total: number): Record<string, number> {
  let left = total;
  return Object.fromEntries(
    SCORE_SHEET.map((c) => {
      const points = Math.min(c.max, left);
      left -= points;
      return [c.code, points];
    }),
  );
}

/** A request for `action` that its schema accepts, on the revision the caller saw. */
const requestFor = (action: IncubationAction, view: IncubationView): IncubationActionRequest =>
  (action === 'admit'
    ? { action, revision: view.revision, until: '2025-12-31' }
    : { action, revision: view.revision, reason: '理由说明' }) as IncubationActionRequest;

describe('IncubationStepsService', () => {
  it('walks an application to 出壳: every step on the record with who, in which role, and why', async () => {
    const world = socialorgWorld();
    const { view: applied, member } = await world.applied();
    expect(applied).toMatchObject({
      state: 'applied',
      revision: 1,
      allowedActions: ['admit', 'reject', 'withdraw'],
    });
    let view = await world.incubation.steps.act(
      applied.incubationId,
      requestFor('admit', applied),
      streetAdmin,
    );
    expect(view).toMatchObject({ state: 'incubating', period: { from: '2025-03-03', until: '2025-12-31' } });
    view = await world.incubation.steps.assess(
      view.incubationId,
      { revision: view.revision, scores: sheet(82) as never, comment: '服务开展扎实，财务制度待完善' },
      streetAdmin,
    );
    expect(view.assessment).toMatchObject({ total: 82, passed: true });
    view = await world.incubation.steps.act(
      view.incubationId,
      { action: 'graduate', revision: view.revision, reason: '达到出壳标准' },
      streetAdmin,
    );
    expect(view).toMatchObject({ state: 'graduated', allowedActions: [] });
    expect(view.history.map((h) => [h.action, h.from, h.to, h.by, h.role])).toEqual([
      ['apply', null, 'applied', member.sub, 'org_member'],
      ['admit', 'applied', 'incubating', 'u-street', 'centre_admin'],
      ['assess', 'incubating', 'assessed', 'u-street', 'centre_admin'],
      ['graduate', 'assessed', 'graduated', 'u-street', 'centre_admin'],
    ]);
    expect(view.history[2].reason).toBe('82 分（合格）：服务开展扎实，财务制度待完善');
    expect(world.outbox.types.filter((t) => t.startsWith('socialorg.incubation'))).toEqual([
      'socialorg.incubation.applied',
      'socialorg.incubation.transitioned',
      'socialorg.incubation.transitioned',
      'socialorg.incubation.assessed',
      'socialorg.incubation.transitioned',
    ]);
    expect(world.outbox.dataOf('socialorg.incubation.assessed')).toEqual([
      expect.objectContaining({ incubationId: view.incubationId, baseId: STREET, total: 82, passed: true }),
    ]);
  });

  it('logs each step with the display name the token carries, and none where it carries none', async () => {
    const world = socialorgWorld();
    const { view: applied } = await world.applied();
    const named = { ...streetAdmin, name: '香蜜湖街道管理员演示账号' };
    const view = await world.incubation.steps.act(applied.incubationId, requestFor('admit', applied), named);
    expect(view.history.map((h) => [h.action, h.by, h.byName])).toEqual([
      ['apply', applied.history[0].by, null],
      ['admit', 'u-street', '香蜜湖街道管理员演示账号'],
    ]);
  });

  it('refuses a step the state does not allow with 409, saying what is possible now', async () => {
    const world = socialorgWorld();
    const { view } = await world.applied();
    const error = await expectAppError(
      world.incubation.steps.act(view.incubationId, requestFor('graduate', view), streetAdmin),
      'SOCIALORG.INCUBATION_ILLEGAL_STEP',
    );
    expect([error.status, error.message]).toEqual([
      409,
      '入驻申请当前为“待审核”，不能“出壳”；现在可以：准予入驻、不予入驻、撤回申请',
    ]);
    const rejected = await world.incubation.steps.act(
      view.incubationId,
      { action: 'reject', revision: 1, reason: '服务领域与基地定位不符' },
      streetAdmin,
    );
    const ended = await expectAppError(
      world.incubation.steps.act(view.incubationId, requestFor('admit', rejected), streetAdmin),
      'SOCIALORG.INCUBATION_ILLEGAL_STEP',
    );
    expect(ended.message).toBe('入驻申请当前为“未获入驻”，不能“准予入驻”；该申请已结束');
  });

  it('takes every step the state machine allows and refuses every other, whatever the order', async () => {
    const staffActions = (Object.keys(INCUBATION_ACTIONS) as IncubationAction[]).filter(
      (a) => a !== 'assess',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...staffActions, 'assess' as const), { maxLength: 7 }),
        async (actions) => {
          const world = socialorgWorld();
          const { view: first, member } = await world.applied();
          let view = first;
          for (const action of actions) {
            const to = nextIncubationState(view.state, action);
            const who = action === 'withdraw' ? member : streetAdmin;
            const attempt =
              action === 'assess'
                ? world.incubation.steps.assess(
                    view.incubationId,
                    { revision: view.revision, scores: fullMarks as never, comment: '良好' },
                    who,
                  )
                : world.incubation.steps.act(view.incubationId, requestFor(action, view), who);
            if (to) view = await attempt;
            else await expectAppError(attempt, 'SOCIALORG.INCUBATION_ILLEGAL_STEP');
            expect(view.state).toBe(to ?? view.state);
          }
          expect(view.revision).toBe(view.history.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('lets only the organisation withdraw, and only the base decide', async () => {
    const world = socialorgWorld();
    const { view, member } = await world.applied();
    await expectAppError(
      world.incubation.steps.act(view.incubationId, requestFor('withdraw', view), streetAdmin),
      'AUTH.OUT_OF_SCOPE',
    );
    await expectAppError(
      world.incubation.steps.act(view.incubationId, requestFor('admit', view), member),
      'AUTH.OUT_OF_SCOPE',
    );
    // the organisation's own community centre does not run the street's base
    await expectAppError(
      world.incubation.steps.act(view.incubationId, requestFor('admit', view), centreAdmin),
      'AUTH.OUT_OF_SCOPE',
    );
    await expectAppError(
      world.incubation.steps.act(view.incubationId, requestFor('withdraw', view), memberOf('org-other')),
      'AUTH.OUT_OF_SCOPE',
    );
    expect(
      (await world.incubation.steps.act(view.incubationId, requestFor('withdraw', view), member)).state,
    ).toBe('withdrawn');
  });

  it('refuses a step decided on what someone else has since changed', async () => {
    const world = socialorgWorld();
    const { view } = await world.applied();
    await world.incubation.steps.act(view.incubationId, requestFor('admit', view), streetAdmin);
    const error = await expectAppError(
      world.incubation.steps.act(
        view.incubationId,
        { action: 'reject', revision: 1, reason: '不符合条件' },
        staff('city_admin'),
      ),
      'SOCIALORG.INCUBATION_CHANGED',
    );
    expect(error.message).toBe('该入驻申请刚被他人处理，现为“孵化中”，请刷新后再操作');
  });

  it('admits for a period that ends after today and within 24 months', async () => {
    const world = socialorgWorld();
    const { view } = await world.applied();
    for (const until of ['2025-03-03', '2027-03-04']) {
      const error = await expectAppError(
        world.incubation.steps.act(view.incubationId, { action: 'admit', revision: 1, until }, streetAdmin),
        'SOCIALORG.INCUBATION_INVALID',
      );
      expect(error.message).toBe('孵化期截止日期应在今天（2025-03-03）之后、24 个月内（不晚于 2027-03-03）');
    }
  });

  it('keeps a stay that failed its assessment from 出壳, and lets it be assessed again', async () => {
    const world = socialorgWorld();
    const { view: admitted } = await world.admitted();
    let view = await world.incubation.steps.assess(
      admitted.incubationId,
      { revision: admitted.revision, scores: sheet(52) as never, comment: '制度不健全' },
      streetAdmin,
    );
    const error = await expectAppError(
      world.incubation.steps.act(
        view.incubationId,
        { action: 'graduate', revision: view.revision },
        streetAdmin,
      ),
      'SOCIALORG.ASSESSMENT_NOT_PASSED',
    );
    expect([error.status, error.message]).toEqual([
      409,
      '中期评估 52 分，未达到合格分 60 分，不能出壳；可整改后重新评估，或退出孵化',
    ]);
    view = await world.incubation.steps.assess(
      view.incubationId,
      { revision: view.revision, scores: sheet(60) as never, comment: '整改到位' },
      streetAdmin,
    );
    expect(
      (
        await world.incubation.steps.act(
          view.incubationId,
          { action: 'graduate', revision: view.revision },
          streetAdmin,
        )
      ).state,
    ).toBe('graduated');
  });

  it('exits with its reason, and frees the organisation to apply again', async () => {
    const world = socialorgWorld();
    const { view: admitted, orgId, member } = await world.admitted();
    const exited = await world.incubation.steps.act(
      admitted.incubationId,
      { action: 'exit', revision: admitted.revision, reason: '组织主动申请退出' },
      streetAdmin,
    );
    expect(exited.history.at(-1)).toMatchObject({ action: 'exit', to: 'exited', reason: '组织主动申请退出' });
    const again = await world.incubation.apply.apply(
      {
        orgId,
        baseId: STREET,
        plan: '重新入驻，继续开展长者助餐服务',
        needs: ['office'],
        teamSize: 4,
        attachments: [],
      },
      member,
    );
    expect(again.state).toBe('applied');
  });
});
