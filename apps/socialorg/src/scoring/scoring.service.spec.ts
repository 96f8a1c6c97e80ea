import { orgGrant } from '@psc/auth';
import { applicationReviewsView, rankingView, reviewAssignmentView } from '@psc/contracts/socialorg';
import { expectAppError } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { admin, expert, member, projectsWorld } from '../../test/projects-world';

/** An open call with one application of O-1, closed and checked, ready for reviewers. */
async function checkedCall() {
  const world = projectsWorld();
  const call = await world.openCall();
  const application = await world.apply(call.callId, 'O-1');
  await world.closeAndCheck(call);
  return { world, call, id: application.applicationId };
}

const sheet = (need: number, design: number, budget: number, comment = '') => ({
  scores: { need, design, budget },
  comment,
});

describe('reviewer assignment and the start of the review', () => {
  it('needs every application checked and each eligible one with the call’s number of reviewers', async () => {
    const { world, call, id } = await checkedCall();
    const short = await expectAppError(
      world.scoring.startScoring(call.callId, admin),
      'SOCIALORG.CALL_ILLEGAL_STEP',
    );
    expect(short.message).toBe('每个项目至少需要 2 位评审专家，尚未指派足够专家的项目：O-1 长者关爱项目');
    const view = await world.assignment.assign(
      id,
      { reviewers: ['expert01', 'expert02', 'expert03'] },
      admin,
    );
    expect(applicationReviewsView.parse(view)).toEqual(view);
    expect(view.reviews.map((r) => [r.reviewerId, r.state])).toEqual([
      ['expert01', 'assigned'],
      ['expert02', 'assigned'],
      ['expert03', 'assigned'],
    ]);
    // assigning again changes nothing
    expect((await world.assignment.assign(id, { reviewers: ['expert01'] }, admin)).reviews).toHaveLength(3);
    expect(world.outbox.dataOf('socialorg.application.reviewer-assigned')).toHaveLength(3);
    expect((await world.scoring.startScoring(call.callId, admin)).state).toBe('scoring');
    await expectAppError(
      world.assignment.assign(id, { reviewers: ['expert04'] }, member('O-1')),
      'AUTH.OUT_OF_SCOPE',
    );
  });

  it('assigns reviewers only to eligible applications, after the call closes and before it is ranked', async () => {
    const world = projectsWorld();
    const call = await world.openCall();
    const application = await world.apply(call.callId, 'O-1');
    const open = await expectAppError(
      world.assignment.assign(application.applicationId, { reviewers: ['expert01'] }, admin),
      'SOCIALORG.CALL_ILLEGAL_STEP',
    );
    expect(open.message).toBe('评审专家在申报截止后、排名前指派');
    world.orgs.set('O-1', { ...world.orgs.get('O-1')!, streetId: 'sz/nanshan/shekou' });
    await world.closeAndCheck(call);
    const ineligible = await expectAppError(
      world.assignment.assign(application.applicationId, { reviewers: ['expert01'] }, admin),
      'SOCIALORG.APPLICATION_ILLEGAL_STEP',
    );
    expect(ineligible.message).toBe('只有通过资格审查的申报才能指派评审专家');
  });
});

describe('reviewing: declaration first, then blind scores', () => {
  it('records a conflict of interest and keeps that reviewer from scoring', async () => {
    const { world, call, id } = await checkedCall();
    await world.assignment.assign(id, { reviewers: ['expert01', 'expert02', 'expert03'] }, admin);
    await world.scoring.startScoring(call.callId, admin);
    const early = await expectAppError(
      world.reviewing.submit(id, sheet(20, 30, 20), expert(3)),
      'SOCIALORG.REVIEW_ILLEGAL_STEP',
    );
    expect(early.message).toBe('请先声明是否与申报组织存在利益冲突，再评分');
    const declared = await world.reviewing.declare(
      id,
      { conflict: true, statement: '本人曾担任该组织理事' },
      expert(3),
    );
    expect(declared).toMatchObject({
      state: 'conflicted',
      declaration: { conflict: true, statement: '本人曾担任该组织理事', at: '2026-03-12T02:00:01.000Z' },
      allowedActions: [],
    });
    const out = await expectAppError(
      world.reviewing.submit(id, sheet(20, 30, 20), expert(3)),
      'SOCIALORG.CONFLICT_OF_INTEREST',
    );
    expect(out.message).toBe('您已声明与申报组织存在利益冲突并回避，不能评审该项目');
    expect(world.outbox.dataOf('socialorg.application.review-declared')).toEqual([
      expect.objectContaining({ reviewerId: 'expert03', conflict: true }),
    ]);
  });

  it('does not let a reviewer who works for the organisation declare that there is no conflict', async () => {
    const { world, call, id } = await checkedCall();
    await world.assignment.assign(id, { reviewers: ['expert01', 'expert02'] }, admin);
    await world.scoring.startScoring(call.callId, admin);
    const linked = expert(1, [orgGrant('O-1')]);
    const error = await expectAppError(
      world.reviewing.declare(id, { conflict: false, statement: '' }, linked),
      'SOCIALORG.CONFLICT_OF_INTEREST',
    );
    expect(error.message).toBe('您是申报组织的工作人员，与该项目存在利益关系，须声明回避，不能评审该项目');
    expect((await world.reviewQueries.ofApplication(id, admin)).reviews[0].state).toBe('assigned');
  });

  it('checks each score against its criterion’s range, and takes a sheet once', async () => {
    const { world, call, id } = await checkedCall();
    await world.assignment.assign(id, { reviewers: ['expert01', 'expert02'] }, admin);
    await world.scoring.startScoring(call.callId, admin);
    await world.reviewing.declare(id, { conflict: false, statement: '' }, expert(1));
    const refusal = await world.reviewing
      .submit(id, sheet(31, 30.25, 20), expert(1))
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ZodError);
    expect((refusal as ZodError).issues.map((i) => i.message)).toEqual([
      '“需求分析”的得分为 0–30',
      '“项目设计”的得分最多保留一位小数',
    ]);
    const missing = await world.reviewing
      .submit(id, { scores: { need: 20, design: 30 }, comment: '' }, expert(1))
      .catch((e: unknown) => e);
    expect((missing as ZodError).issues.map((i) => i.message)).toEqual(['请为“预算合理性”打分']);
    const extra = await world.reviewing
      .submit(id, { scores: { need: 20, design: 30, budget: 20, bonus: 5 }, comment: '' }, expert(1))
      .catch((e: unknown) => e);
    expect((extra as ZodError).issues.map((i) => i.message)).toEqual(['评分表中有不属于本次评审的评分项']);
    const done = await world.reviewing.submit(id, sheet(24.5, 32, 21.3, '设计合理'), expert(1));
    expect(done).toMatchObject({ state: 'submitted', total: 77.8, comment: '设计合理' });
    await expectAppError(
      world.reviewing.submit(id, sheet(20, 30, 20), expert(1)),
      'SOCIALORG.REVIEW_ILLEGAL_STEP',
    );
    await expectAppError(
      world.reviewing.declare(id, { conflict: false, statement: '' }, expert(4)),
      'SOCIALORG.REVIEW_NOT_FOUND',
    );
  });

  it('shows a reviewer only their own scores until every review is in, and the administrators none', async () => {
    const { world, call, id } = await checkedCall();
    await world.assignment.assign(id, { reviewers: ['expert01', 'expert02', 'expert03'] }, admin);
    await world.scoring.startScoring(call.callId, admin);
    await world.reviewing.declare(id, { conflict: false, statement: '' }, expert(1));
    await world.reviewing.submit(id, sheet(25, 35, 25), expert(1));
    const scoresSeenBy = async (who: Parameters<typeof world.reviewQueries.ofApplication>[1]) =>
      (await world.reviewQueries.ofApplication(id, who)).reviews.map((r) => r.scores && r.total);
    expect(await scoresSeenBy(expert(1))).toEqual([85, null, null]);
    expect(await scoresSeenBy(expert(2))).toEqual([null, null, null]);
    expect(await scoresSeenBy(admin)).toEqual([null, null, null]);
    await expectAppError(world.reviewQueries.ofApplication(id, expert(4)), 'AUTH.OUT_OF_SCOPE');
    await expectAppError(world.reviewQueries.ofApplication(id, member('O-1')), 'AUTH.OUT_OF_SCOPE');
    await world.reviewing.declare(id, { conflict: true, statement: '与申报组织负责人为亲属' }, expert(3));
    await world.reviewing.declare(id, { conflict: false, statement: '' }, expert(2));
    await world.reviewing.submit(id, sheet(20, 30, 20), expert(2));
    const all = await world.reviewQueries.ofApplication(id, expert(2));
    expect(all.complete).toBe(true);
    expect(all.reviews.map((r) => r.total)).toEqual([85, 70, null]);
    const work = await world.reviewQueries.mine(expert(1));
    expect(work.map((w) => reviewAssignmentView.parse(w))).toEqual(work);
    expect(work).toEqual([
      expect.objectContaining({ title: 'O-1 长者关爱项目', state: 'submitted', total: 85 }),
    ]);
  });
});

describe('ranking', () => {
  it('waits for every declaration and score, needs the minimum of sheets without the conflicted, then ranks', async () => {
    const { world, call, id } = await checkedCall();
    await world.assignment.assign(id, { reviewers: ['expert01', 'expert02', 'expert03'] }, admin);
    await world.scoring.startScoring(call.callId, admin);
    await world.reviewing.declare(id, { conflict: true, statement: '曾为该组织提供有偿咨询' }, expert(3));
    await world.review(id, [1], () => 0.9);
    const outstanding = await expectAppError(
      world.scoring.rank(call.callId, admin),
      'SOCIALORG.REVIEWS_OUTSTANDING',
    );
    expect(outstanding.message).toBe('尚有 1 份评审未完成声明或评分，全部完成后才能排名');
    await world.assignment.revoke(id, 'expert02', admin);
    const short = await expectAppError(
      world.scoring.rank(call.callId, admin),
      'SOCIALORG.REVIEWS_OUTSTANDING',
    );
    expect(short.message).toBe(
      '以下项目的有效评分不足 2 份（回避的专家不计），请增派评审专家：O-1 长者关爱项目',
    );
    await world.assignment.assign(id, { reviewers: ['expert04'] }, admin);
    await world.review(id, [4], () => 0.7);
    const ranking = await world.scoring.rank(call.callId, admin);
    expect(rankingView.parse(ranking)).toEqual(ranking);
    expect(ranking.entries).toEqual([
      expect.objectContaining({
        rank: 1,
        applicationId: id,
        sheets: 2,
        total: 80,
        passed: true,
        funded: true,
        fundedFen: 20_000_000,
      }),
    ]);
    expect(await world.scoring.ranking(call.callId, admin)).toEqual(ranking);
    expect((await world.applicationQueries.get(id, admin)).state).toBe('ranked');
    // the organisation learns its result from the 公示 on
    expect((await world.applicationQueries.get(id, member('O-1'))).result).toBeNull();
    await world.steps.act(call.callId, { action: 'publicise' }, admin);
    expect((await world.applicationQueries.get(id, member('O-1'))).result).toEqual({
      rank: 1,
      total: 80,
      passed: true,
      funded: true,
      fundedFen: 20_000_000,
    });
    const revokeDone = await expectAppError(
      world.assignment.revoke(id, 'expert01', admin),
      'SOCIALORG.CALL_ILLEGAL_STEP',
    );
    expect(revokeDone.status).toBe(409);
  });
});
