import {
  CALL_ACTION_CODES,
  CALL_STATE_CODES,
  callAllowedActions,
  callNextState,
  callView,
  publicityView,
} from '@psc/contracts/socialorg';
import { expectAppError } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import { assertReconciles } from '../../test/ledger-checks';
import { admin, cityAdmin, member, otherAdmin, projectsWorld, STREET } from '../../test/projects-world';
import { ledgerOf, transition } from './call-steps';

describe('CallDraftingService', () => {
  it('drafts a call in the administrator’s street, with its rules stated in words, and announces it', async () => {
    const world = projectsWorld();
    const view = await world.drafting.create(world.callRequest(), admin);
    expect(callView.parse(view)).toEqual(view);
    expect(view).toMatchObject({
      state: 'draft',
      ownerLevel: 'street',
      allowedActions: ['open', 'cancel'],
      money: { budgetFen: 100_000_000, awardedFen: 0, remainingFen: 100_000_000, paidFen: 0 },
      aggregationRule: '取全部评审专家评分的算术平均分',
      tieBreakRule: '“项目设计”得分高者在前；提交时间早者在前；仍相同时按申报编号排序',
    });
    expect(world.outbox.dataOf('socialorg.call.drafted')).toEqual([
      expect.objectContaining({ callId: view.callId, ownerScope: STREET, budgetFen: 100_000_000 }),
    ]);
  });

  it('refuses a call outside the administrator’s place, and a draft edited on an old revision or after publishing', async () => {
    const world = projectsWorld();
    await expectAppError(world.drafting.create(world.callRequest(), otherAdmin), 'AUTH.OUT_OF_SCOPE');
    const draft = await world.drafting.create(world.callRequest(), admin);
    const edited = await world.drafting.update(
      draft.callId,
      { ...world.callRequest({ budgetFen: 80_000_000 }), revision: 1 },
      cityAdmin,
    );
    expect(edited).toMatchObject({ revision: 2, money: { budgetFen: 80_000_000, remainingFen: 80_000_000 } });
    const stale = await expectAppError(
      world.drafting.update(draft.callId, { ...world.callRequest(), revision: 1 }, admin),
      'SOCIALORG.CALL_CHANGED',
    );
    expect(stale.message).toBe('该草稿已被他人修改（当前第 2 版，您编辑的是第 1 版），请刷新后再改');
    await world.steps.act(draft.callId, { action: 'open' }, admin);
    const published = await expectAppError(
      world.drafting.update(draft.callId, { ...world.callRequest(), revision: 3 }, admin),
      'SOCIALORG.CALL_ILLEGAL_STEP',
    );
    expect(published.message).toBe('申报指南已发布，不能再修改；如需调整请撤销后重新发布');
  });
});

describe('CallStepsService', () => {
  it('keeps its closing time: not closed before it, and not published once it has passed', async () => {
    const world = projectsWorld();
    const call = await world.openCall();
    const early = await expectAppError(
      world.steps.act(call.callId, { action: 'close' }, admin),
      'SOCIALORG.CALL_ILLEGAL_STEP',
    );
    expect(early.message).toBe('申报截止时间为 2026-03-12 10:00，截止前不能关闭申报');
    expect(early.status).toBe(409);
    const late = await world.drafting.create(world.callRequest(), admin);
    world.clock.set('2026-03-12T02:00:00Z');
    const expired = await expectAppError(
      world.steps.act(late.callId, { action: 'open' }, admin),
      'SOCIALORG.CALL_ILLEGAL_STEP',
    );
    expect(expired.message).toBe('申报截止时间 2026-03-12 10:00 已过，请修改截止时间后再发布');
  });

  it('refuses every step its state does not allow with 409, naming what is possible now', async () => {
    const world = projectsWorld();
    const draft = await world.drafting.create(world.callRequest(), admin);
    for (const state of CALL_STATE_CODES)
      for (const action of CALL_ACTION_CODES) {
        const call = { ...world.callDoc(draft.callId), state };
        const to = callNextState(state, action);
        if (to) {
          expect(transition(call, action, admin, world.clock(), null).set).toMatchObject({ state: to });
          continue;
        }
        const error = await expectAppError(
          () => transition(call, action, admin, world.clock(), null),
          'SOCIALORG.CALL_ILLEGAL_STEP',
        );
        expect(error.status).toBe(409);
        expect(error.details).toEqual({ state, allowed: callAllowedActions(state) });
      }
  });

  it('says what a finished call can do', async () => {
    const world = projectsWorld();
    const call = await world.openCall();
    await world.steps.act(call.callId, { action: 'cancel', reason: '预算调整' }, admin);
    const error = await expectAppError(
      world.steps.act(call.callId, { action: 'open' }, admin),
      'SOCIALORG.CALL_ILLEGAL_STEP',
    );
    expect(error.message).toBe('申报指南当前为“已撤销”，不能“发布申报”；该申报指南已结束');
  });

  it('runs the 公示 for its working days across the May Day holiday, and takes objections only then', async () => {
    const world = projectsWorld('2026-04-15T02:00:00Z');
    const call = await world.openCall({ closesAt: '2026-04-25T02:00:00.000Z' });
    const applied = await world.apply(call.callId, 'O-1');
    await world.closeAndCheck(call);
    await world.assignment.assign(applied.applicationId, { reviewers: ['expert01', 'expert02'] }, admin);
    await world.scoring.startScoring(call.callId, admin);
    await world.review(applied.applicationId, [1, 2], () => 0.8);
    await world.scoring.rank(call.callId, admin);
    const early = await expectAppError(
      world.objections.raise(call.callId, { text: '该项目的预算明细与实际不符，请核实。' }, member('O-2')),
      'SOCIALORG.OBJECTION_WINDOW_CLOSED',
    );
    expect(early.message).toBe('该申报指南尚未公示，不能提出异议');

    world.clock.set('2026-04-29T02:00:00Z');
    const publicised = await world.steps.act(call.callId, { action: 'publicise' }, admin);
    // 4-30, then 5-6, 5-7, 5-8 and the make-up Saturday 5-9: five working days
    expect(publicised.publicity).toEqual({
      startedAt: '2026-04-29T02:00:00.000Z',
      lastDay: '2026-05-09',
      endsAt: '2026-05-09T15:59:59.999Z',
    });
    expect(world.outbox.dataOf('socialorg.call.publicised')).toEqual([
      expect.objectContaining({
        lastDay: '2026-05-09',
        proposed: [{ applicationId: applied.applicationId, orgId: 'O-1', amountFen: 20_000_000 }],
      }),
    ]);
    const notice = await world.callQueries.publicity(call.callId);
    expect(publicityView.parse(notice)).toEqual(notice);
    expect(notice.entries).toEqual([
      {
        rank: 1,
        applicationId: applied.applicationId,
        orgName: 'O-1 社工服务中心',
        title: 'O-1 长者关爱项目',
        total: 80,
        amountFen: 20_000_000,
      },
    ]);

    const objected = await world.objections.raise(
      call.callId,
      { applicationId: applied.applicationId, text: '该项目的预算明细与实际不符，请核实。' },
      member('O-2'),
    );
    // the objector sees their own objection; the administrators see them all
    expect(objected.objections).toHaveLength(1);
    expect((await world.callQueries.get(call.callId, member('O-3'))).objections).toEqual([]);
    world.clock.set('2026-05-09T15:00:00Z');
    const running = await expectAppError(
      world.steps.act(call.callId, { action: 'award' }, admin),
      'SOCIALORG.PUBLICITY_RUNNING',
    );
    expect(running.message).toBe('公示期至 2026-05-09 结束，公示期满后才能确定立项');
    world.clock.set('2026-05-11T01:00:00Z');
    const late = await expectAppError(
      world.objections.raise(call.callId, { text: '公示期结束后提出的异议不应受理。' }, member('O-2')),
      'SOCIALORG.OBJECTION_WINDOW_CLOSED',
    );
    expect(late.message).toBe('公示期为 2026-04-29 10:00 至 2026-05-09，已不能提出异议');
    const blocked = await expectAppError(
      world.steps.act(call.callId, { action: 'award' }, admin),
      'SOCIALORG.OBJECTIONS_UNANSWERED',
    );
    expect(blocked.message).toBe('公示期内收到的异议尚有 1 条未答复，全部答复后才能确定立项');

    await world.objections.answer(
      call.callId,
      'O-1',
      { answer: '经核实，预算明细与实际相符。', upheld: false },
      admin,
    );
    await expectAppError(
      world.objections.answer(call.callId, 'O-1', { answer: '再次答复。', upheld: true }, admin),
      'SOCIALORG.OBJECTION_ANSWERED',
    );
    const done = await world.steps.act(call.callId, { action: 'award' }, admin);
    expect(done).toMatchObject({
      state: 'awarded',
      money: { awardedFen: 20_000_000, remainingFen: 80_000_000 },
    });
  });

  it('awards the ranking’s proposal within the budget, in the same write as the state, and leaves out an upheld objection', async () => {
    const world = projectsWorld();
    const call = await world.openCall({ budgetFen: 50_000_000 });
    const a = await world.apply(call.callId, 'O-1', { requestFen: 30_000_000 });
    const b = await world.apply(call.callId, 'O-2', { requestFen: 25_000_000 });
    const c = await world.apply(call.callId, 'O-3', { requestFen: 20_000_000 });
    const d = await world.apply(call.callId, 'O-4', { requestFen: 10_000_000 });
    await world.closeAndCheck(call);
    for (const x of [a, b, c, d])
      await world.assignment.assign(x.applicationId, { reviewers: ['expert01', 'expert02'] }, admin);
    await world.scoring.startScoring(call.callId, admin);
    await world.review(a.applicationId, [1, 2], () => 0.9);
    await world.review(b.applicationId, [1, 2], () => 0.85);
    await world.review(c.applicationId, [1, 2], () => 0.8);
    await world.review(d.applicationId, [1, 2], () => 0.5);
    const ranking = await world.scoring.rank(call.callId, admin);
    // b does not fit after a (55 > 50万), c does; d is under the pass mark
    expect(ranking.entries.map((e) => [e.applicationId, e.passed, e.funded])).toEqual([
      [a.applicationId, true, true],
      [b.applicationId, true, false],
      [c.applicationId, true, true],
      [d.applicationId, false, false],
    ]);
    expect(ranking.proposedFen).toBe(50_000_000);
    await world.steps.act(call.callId, { action: 'publicise' }, admin);
    await world.objections.raise(
      call.callId,
      { applicationId: a.applicationId, text: '该组织的项目负责人同时受聘于评审单位。' },
      member('O-2'),
    );
    await world.objections.answer(
      call.callId,
      'O-1',
      { answer: '经核实属实，取消该项目的立项资格。', upheld: true },
      admin,
    );
    world.clock.advance(30 * 86_400_000);
    const done = await world.steps.act(call.callId, { action: 'award' }, admin);
    // nothing is added in a's place: b was not on the list the 公示 showed
    expect(done.awards.map((x) => x.applicationId)).toEqual([c.applicationId]);
    expect(done.money).toEqual({
      budgetFen: 50_000_000,
      awardedFen: 20_000_000,
      remainingFen: 30_000_000,
      paidFen: 0,
    });
    assertReconciles(ledgerOf(world.callDoc(call.callId)));
  });

  it('commits the awards with the state, announces them per street, and gives back a cancelled award', async () => {
    const world = projectsWorld();
    const { call, applications } = await world.awarded({ 'O-1': 30_000_000, 'O-2': 20_000_000 }, [0.9, 0.8]);
    expect(call.money).toEqual({
      budgetFen: 100_000_000,
      awardedFen: 50_000_000,
      remainingFen: 50_000_000,
      paidFen: 0,
    });
    expect(world.outbox.dataOf('socialorg.call.awarded')).toEqual([
      expect.objectContaining({
        awards: applications.map((a, i) => ({
          applicationId: a.applicationId,
          orgId: `O-${i + 1}`,
          streetId: STREET,
          amountFen: [30_000_000, 20_000_000][i],
        })),
        awardedFen: 50_000_000,
        remainingFen: 50_000_000,
      }),
    ]);
    const cancelled = await world.steps.cancelAward(
      call.callId,
      applications[1].applicationId,
      '组织放弃立项',
      admin,
    );
    expect(cancelled.money).toMatchObject({ awardedFen: 30_000_000, remainingFen: 70_000_000 });
    expect(cancelled.awards[1]).toMatchObject({ status: 'cancelled', releasedFen: 20_000_000 });
    expect(world.outbox.dataOf('socialorg.call.funds-released')).toEqual([
      expect.objectContaining({
        cause: 'award_cancelled',
        releasedFen: 20_000_000,
        remainingFen: 70_000_000,
      }),
    ]);
    await expectAppError(
      world.steps.cancelAward(call.callId, applications[1].applicationId, '再次取消', admin),
      'SOCIALORG.FUNDS_CLOSED',
    );
    const unsettled = await expectAppError(
      world.steps.act(call.callId, { action: 'conclude' }, admin),
      'SOCIALORG.CALL_ILLEGAL_STEP',
    );
    expect(unsettled.message).toBe('尚有 1 个立项项目未结清（O-1 长者关爱项目），全部结清后才能结束');
    await world.steps.cancelAward(call.callId, applications[0].applicationId, '组织注销', admin);
    expect((await world.steps.act(call.callId, { action: 'conclude' }, admin)).state).toBe('concluded');
  });

  it('lets drafts be seen by their administrators only, and published calls by anyone signed in', async () => {
    const world = projectsWorld();
    const draft = await world.drafting.create(world.callRequest(), admin);
    const open = await world.openCall();
    await expectAppError(world.callQueries.get(draft.callId, member('O-1')), 'AUTH.OUT_OF_SCOPE');
    expect((await world.callQueries.list({ state: undefined }, member('O-1'))).map((c) => c.callId)).toEqual([
      open.callId,
    ]);
    expect((await world.callQueries.list({ state: undefined }, admin)).map((c) => c.callId).sort()).toEqual(
      [draft.callId, open.callId].sort(),
    );
    expect((await world.callQueries.get(open.callId, member('O-1'))).allowedActions).toEqual([]);
  });
});
