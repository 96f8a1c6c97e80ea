import { agreementView } from '@psc/contracts/socialorg';
import { expectAppError } from '@psc/testing/unit';
import { describe, expect, it, vi } from 'vitest';
import { assertReconciles } from '../../test/ledger-checks';
import { admin, member, projectsWorld } from '../../test/projects-world';
import { ledgerOf } from '../calls/call-steps';

const report = {
  summary: '完成中期走访 600 人次。',
  evidence: ['file_0001abcd'],
  kpis: [{ name: '探访人次', actual: 600 }],
};
const pay = (tranche: number, amountFen: number, voucher = `PZ-${tranche}`) => ({
  tranche,
  amountFen,
  voucher,
  paidOn: '2026-04-02',
});

/** One award of 200,000.01元 to O-1, so that 30/40/30 cannot split evenly. */
async function awardedOne() {
  const world = projectsWorld();
  const { call, applications } = await world.awarded({ 'O-1': 20_000_001 }, [0.9]);
  world.stored('file_0001abcd', 'O-1', 'milestone');
  world.stored('file_0002abcd', 'O-1', 'milestone');
  return { world, call, applicationId: applications[0].applicationId };
}

describe('AgreementSigningService', () => {
  it('splits 30/40/30 exactly to the 分, the remainder in the last tranche, and announces the signing', async () => {
    const { world, call, applicationId } = await awardedOne();
    const view = await world.signing.sign(world.agreementRequest(applicationId, 20_000_001), admin);
    expect(agreementView.parse(view)).toEqual(view);
    expect(view.tranches.map((t) => [t.tranche, t.amountFen, t.payable])).toEqual([
      [1, 6_000_000, true],
      [2, 8_000_000, false],
      [3, 6_000_001, false],
    ]);
    expect(view).toMatchObject({
      state: 'active',
      contractedFen: 20_000_001,
      paidFen: 0,
      unpaidFen: 20_000_001,
      rounding: '按比例拨付时，除最后一笔外每笔向下取整到分，余数计入最后一笔',
    });
    expect(world.outbox.dataOf('socialorg.agreement.signed')).toEqual([
      expect.objectContaining({
        agreementId: view.agreementId,
        callId: call.callId,
        contractedFen: 20_000_001,
      }),
    ]);
    const again = await expectAppError(
      world.signing.sign(world.agreementRequest(applicationId, 20_000_001), admin),
      'SOCIALORG.AGREEMENT_ILLEGAL_STEP',
    );
    expect(again.message).toBe(`该项目已签订协议（${view.agreementId}），不能重复签订`);
  });

  it('gives back what an agreement below the award leaves, and refuses one above it', async () => {
    const { world, call, applicationId } = await awardedOne();
    const over = await expectAppError(
      world.signing.sign(world.agreementRequest(applicationId, 20_000_002), admin),
      'SOCIALORG.CONTRACT_EXCEEDS_AWARD',
    );
    expect(over.message).toBe('协议金额 200,000.02元 超过立项金额 200,000.01元');
    await world.signing.sign(
      world.agreementRequest(applicationId, 15_000_000, {
        split: 'amount',
        tranches: [
          { releaseOn: 'signing', milestone: null, percent: null, amountFen: 5_000_000 },
          { releaseOn: 'milestone', milestone: 'midterm', percent: null, amountFen: 10_000_000 },
        ],
      }),
      admin,
    );
    const after = await world.callQueries.get(call.callId, admin);
    expect(after.money).toEqual({
      budgetFen: 100_000_000,
      awardedFen: 15_000_000,
      remainingFen: 85_000_000,
      paidFen: 0,
    });
    expect(after.awards[0]).toMatchObject({
      status: 'contracted',
      awardedFen: 20_000_001,
      contractedFen: 15_000_000,
      releasedFen: 5_000_001,
    });
    expect(world.outbox.dataOf('socialorg.call.funds-released')).toEqual([
      expect.objectContaining({
        cause: 'contract_below_award',
        releasedFen: 5_000_001,
        remainingFen: 85_000_000,
      }),
    ]);
  });

  it('completes a signing that crashed between the call’s write and the agreement’s', async () => {
    const { world, applicationId } = await awardedOne();
    const create = vi
      .spyOn(world.repos.agreements, 'create')
      .mockRejectedValueOnce(new Error('process killed'));
    await expect(
      world.signing.sign(world.agreementRequest(applicationId, 20_000_001), admin),
    ).rejects.toThrow('process killed');
    create.mockRestore();
    const view = await world.signing.sign(world.agreementRequest(applicationId, 20_000_001), admin);
    expect(view.state).toBe('active');
    const changed = await expectAppError(
      world.signing.sign(world.agreementRequest(applicationId, 10_000_000), admin),
      'SOCIALORG.AGREEMENT_ILLEGAL_STEP',
    );
    expect(changed.status).toBe(409);
  });
});

describe('milestones, payments and the end of an agreement', () => {
  it('pays each tranche once its condition is met, part by part, never past the tranche or twice at once', async () => {
    const { world, call, applicationId } = await awardedOne();
    const { agreementId } = await world.signing.sign(
      world.agreementRequest(applicationId, 20_000_001),
      admin,
    );
    const early = await expectAppError(
      world.payments.pay(agreementId, pay(2, 100), admin),
      'SOCIALORG.TRANCHE_NOT_PAYABLE',
    );
    expect(early.message).toBe('第 2 笔款项：节点“中期评估”验收通过后才能拨付');
    const part = await world.payments.pay(agreementId, pay(1, 2_000_000, 'PZ-1a'), admin);
    expect(part.tranches[0]).toMatchObject({
      paidFen: 2_000_000,
      payable: true,
      payments: [{ seq: 2, amountFen: 2_000_000, voucher: 'PZ-1a' }],
    });
    const over = await expectAppError(
      world.payments.pay(agreementId, pay(1, 4_000_001), admin),
      'SOCIALORG.PAYMENT_EXCEEDS',
    );
    expect(over.message).toBe(
      '第 1 笔款项为 60,000.00元，已拨付 20,000.00元，本次拨付 40,000.01元 超出尚未拨付的 40,000.00元',
    );
    const racing = await Promise.allSettled([
      world.payments.pay(agreementId, pay(1, 4_000_000, 'PZ-1b'), admin),
      world.payments.pay(agreementId, pay(1, 4_000_000, 'PZ-1c'), admin),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(racing.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { code: 'SOCIALORG.PAYMENT_EXCEEDS' },
    });
    const paid = await world.agreementQueries.get(agreementId, member('O-1'));
    expect(paid).toMatchObject({ paidFen: 6_000_000, unpaidFen: 14_000_001 });
    expect(paid.tranches[0]).toMatchObject({ paidFen: 6_000_000, payable: false });
    expect(
      world.outbox.dataOf('socialorg.call.tranche-paid').map((e) => [e.tranche, e.amountFen, e.paidFen]),
    ).toEqual([
      [1, 2_000_000, 2_000_000],
      [1, 4_000_000, 6_000_000],
    ]);

    // evidence must be the organisation's own upload for a milestone, not another's nor an application attachment
    world.stored('file_0003abcd', 'O-2', 'milestone');
    world.stored('file_0004abcd', 'O-1', 'application');
    for (const fileId of ['file_0003abcd', 'file_0004abcd', 'file_0005abcd']) {
      const refused = await expectAppError(
        world.milestones.report(agreementId, 'midterm', { ...report, evidence: [fileId] }, member('O-1')),
        'COMMON.VALIDATION_FAILED',
      );
      expect(refused.message).toBe(`文件 ${fileId} 不是本组织上传的节点报告佐证`);
    }
    await world.milestones.report(agreementId, 'midterm', report, member('O-1'));
    await expectAppError(
      world.milestones.report(agreementId, 'midterm', report, member('O-2')),
      'AUTH.OUT_OF_SCOPE',
    );
    const returned = await world.milestones.decide(
      agreementId,
      'midterm',
      { decision: 'return', comment: '缺少签到表' },
      admin,
    );
    expect(returned.milestones[0]).toMatchObject({
      state: 'returned',
      decision: { decision: 'return', comment: '缺少签到表' },
    });
    const accept = await expectAppError(
      world.milestones.decide(agreementId, 'midterm', { decision: 'accept', comment: '' }, admin),
      'SOCIALORG.MILESTONE_ILLEGAL_STEP',
    );
    expect(accept.message).toBe('节点“中期评估”当前为“已退回修改”，不能“验收通过”；现在可以：提交节点报告');
    await world.milestones.report(
      agreementId,
      'midterm',
      { ...report, evidence: ['file_0001abcd', 'file_0002abcd'] },
      member('O-1'),
    );
    await world.milestones.decide(agreementId, 'midterm', { decision: 'accept', comment: '' }, admin);
    await world.payments.pay(agreementId, pay(2, 8_000_000), admin);

    const unevaluated = await expectAppError(
      world.payments.pay(agreementId, pay(3, 1), admin),
      'SOCIALORG.TRANCHE_NOT_PAYABLE',
    );
    expect(unevaluated.message).toBe('第 3 笔款项：结项评估合格后才能拨付');
    const evaluateEarly = await expectAppError(
      world.agreementSteps.evaluate(agreementId, { grade: 'good', score: 85, comment: '完成良好' }, admin),
      'SOCIALORG.AGREEMENT_ILLEGAL_STEP',
    );
    expect(evaluateEarly.message).toBe('尚有节点未验收通过（结项报告），全部验收后才能结项评估');
    await world.milestones.report(agreementId, 'final', report, member('O-1'));
    await world.milestones.decide(agreementId, 'final', { decision: 'accept', comment: '' }, admin);
    await world.agreementSteps.evaluate(
      agreementId,
      { grade: 'good', score: 85, comment: '完成良好' },
      admin,
    );
    const incomplete = await expectAppError(
      world.agreementSteps.act(agreementId, { action: 'complete' }, admin),
      'SOCIALORG.AGREEMENT_ILLEGAL_STEP',
    );
    expect(incomplete.message).toBe('尚有款项未拨付（第 3 笔），拨付完毕后才能结清');
    await world.payments.pay(agreementId, pay(3, 6_000_001), admin);
    const settled = await world.agreementSteps.act(agreementId, { action: 'complete' }, admin);
    expect(settled).toMatchObject({ state: 'completed', paidFen: 20_000_001, unpaidFen: 0, releasedFen: 0 });
    const callAfter = await world.callQueries.get(call.callId, admin);
    expect(callAfter.money).toEqual({
      budgetFen: 100_000_000,
      awardedFen: 20_000_001,
      remainingFen: 79_999_999,
      paidFen: 20_000_001,
    });
    expect(callAfter.awards[0].status).toBe('settled');
    await expectAppError(
      world.payments.pay(agreementId, pay(3, 1), admin),
      'SOCIALORG.AGREEMENT_ILLEGAL_STEP',
    );
    assertReconciles(ledgerOf(world.callDoc(call.callId)));
    expect((await world.steps.act(call.callId, { action: 'conclude' }, admin)).state).toBe('concluded');
  });

  it('withholds the evaluation tranche when the evaluation fails, and gives it back on settling', async () => {
    const { world, call, applicationId } = await awardedOne();
    const { agreementId } = await world.signing.sign(
      world.agreementRequest(applicationId, 20_000_001),
      admin,
    );
    for (const key of ['midterm', 'final']) {
      await world.milestones.report(agreementId, key, report, member('O-1'));
      await world.milestones.decide(agreementId, key, { decision: 'accept', comment: '' }, admin);
    }
    await world.payments.pay(agreementId, pay(1, 6_000_000), admin);
    await world.payments.pay(agreementId, pay(2, 8_000_000), admin);
    const failed = await world.agreementSteps.evaluate(
      agreementId,
      { grade: 'fail', score: 52, comment: '服务人次未达标' },
      admin,
    );
    expect(failed.tranches[2]).toMatchObject({ withheld: true, payable: false });
    const withheld = await expectAppError(
      world.payments.pay(agreementId, pay(3, 1), admin),
      'SOCIALORG.TRANCHE_NOT_PAYABLE',
    );
    expect(withheld.message).toBe('第 3 笔款项：结项评估不合格，该笔款项不予拨付');
    const settled = await world.agreementSteps.act(agreementId, { action: 'complete' }, admin);
    expect(settled).toMatchObject({
      state: 'completed',
      paidFen: 14_000_000,
      releasedFen: 6_000_001,
      unpaidFen: 0,
    });
    expect((await world.callQueries.get(call.callId, admin)).money).toMatchObject({
      awardedFen: 14_000_000,
      remainingFen: 86_000_000,
    });
  });

  it('terminates with a reason, gives the unpaid part back once even if retried after a crash, and pays nothing after', async () => {
    const { world, call, applicationId } = await awardedOne();
    const { agreementId } = await world.signing.sign(
      world.agreementRequest(applicationId, 20_000_001),
      admin,
    );
    await world.payments.pay(agreementId, pay(1, 6_000_000), admin);
    const record = vi
      .spyOn(world.repos.agreements, 'record')
      .mockRejectedValueOnce(new Error('process killed'));
    await expect(
      world.agreementSteps.act(agreementId, { action: 'terminate', reason: '组织停止运营' }, admin),
    ).rejects.toThrow('process killed');
    record.mockRestore();
    // the money is back already: nothing of it can be paid in between
    const closed = await expectAppError(
      world.payments.pay(agreementId, pay(1, 1), admin),
      'SOCIALORG.FUNDS_CLOSED',
    );
    expect(closed.message).toBe('该项目的资金已结清或已释放回预算，不能再拨付');
    const ended = await world.agreementSteps.act(
      agreementId,
      { action: 'terminate', reason: '组织停止运营' },
      admin,
    );
    expect(ended).toMatchObject({
      state: 'terminated',
      paidFen: 6_000_000,
      releasedFen: 14_000_001,
      unpaidFen: 0,
    });
    expect(world.outbox.dataOf('socialorg.call.funds-released')).toEqual([
      expect.objectContaining({
        cause: 'agreement_terminated',
        releasedFen: 14_000_001,
        awardedFen: 6_000_000,
      }),
    ]);
    const again = await expectAppError(
      world.agreementSteps.act(agreementId, { action: 'terminate', reason: '重复' }, admin),
      'SOCIALORG.AGREEMENT_ILLEGAL_STEP',
    );
    expect(again.message).toBe('项目协议当前为“已终止”，不能“终止协议”；该协议已结束');
    assertReconciles(ledgerOf(world.callDoc(call.callId)));
  });

  it('shows an agreement to its organisation and the call’s administrators only', async () => {
    const { world, call, applicationId } = await awardedOne();
    const { agreementId } = await world.signing.sign(
      world.agreementRequest(applicationId, 20_000_001),
      admin,
    );
    await expectAppError(world.agreementQueries.get(agreementId, member('O-2')), 'AUTH.OUT_OF_SCOPE');
    expect((await world.agreementQueries.list({}, member('O-1'))).map((a) => a.agreementId)).toEqual([
      agreementId,
    ]);
    expect(
      (await world.agreementQueries.list({ callId: call.callId }, admin)).map((a) => a.agreementId),
    ).toEqual([agreementId]);
    await expectAppError(
      world.agreementQueries.list({ callId: call.callId }, member('O-2')),
      'AUTH.OUT_OF_SCOPE',
    );
  });
});
