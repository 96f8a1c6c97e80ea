import { claimView, type CreateSchemeRequest, schemeView } from '@psc/contracts/socialorg';
import { expectAppError } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import { assertReconciles } from '../../test/ledger-checks';
import { admin, member, organisation, otherAdmin, projectsWorld, STREET } from '../../test/projects-world';
import { schemeLedger } from './subsidy-rules';

const startup = (overrides: Partial<CreateSchemeRequest> = {}): CreateSchemeRequest =>
  ({
    kind: 'party_branch_startup',
    name: '2026年新成立党支部微服务经费',
    ownerScope: STREET,
    budgetFen: 9_000_000,
    amountFen: 3_000_000,
    formedFrom: '2026-01-01',
    formedTo: '2026-12-31',
    branchKinds: ['branch', 'joint_branch'],
    ...overrides,
  }) as CreateSchemeRequest;

const byGrade: CreateSchemeRequest = {
  kind: 'award_by_grade',
  name: '2026年社会组织等级评估以奖代补',
  ownerScope: STREET,
  budgetFen: 12_000_000,
  gradeAmounts: [
    { grade: '5A', amountFen: 5_000_000 },
    { grade: '4A', amountFen: 3_000_000 },
    { grade: '3A', amountFen: 1_000_000 },
  ],
};

const pay = { action: 'pay' as const, voucher: 'PZ-2026-001', paidOn: '2026-03-10' };

describe('the start-up fund of a newly formed party branch', () => {
  it('pays 3万元 to an organisation whose branch was formed in the window, once, from the scheme’s budget', async () => {
    const world = projectsWorld();
    const scheme = await world.schemes.create(startup(), admin);
    expect(schemeView.parse(scheme)).toEqual(scheme);
    world.orgs.set('O-1', organisation('O-1', { partyBuilding: { kind: 'branch', formedAt: '2026-01-15' } }));
    const claim = await world.claims.claim(
      { schemeId: scheme.schemeId, orgId: 'O-1', evidence: [] },
      member('O-1'),
    );
    expect(claimView.parse(claim)).toEqual(claim);
    expect(claim).toMatchObject({
      claimId: 'SF.O-1',
      amountFen: 3_000_000,
      state: 'claimed',
      basis: '党支部成立于 2026-01-15',
    });
    const approved = await world.claims.decide(claim.claimId, { action: 'approve' }, admin);
    expect(approved).toMatchObject({ state: 'approved', allowedActions: ['pay'] });
    expect((await world.schemes.get(scheme.schemeId)).money).toEqual({
      budgetFen: 9_000_000,
      grantedFen: 3_000_000,
      remainingFen: 6_000_000,
      paidFen: 0,
    });
    const paid = await world.claims.decide(claim.claimId, pay, admin);
    expect(paid).toMatchObject({ state: 'paid', payment: { voucher: 'PZ-2026-001', paidOn: '2026-03-10' } });
    await expectAppError(world.claims.decide(claim.claimId, pay, admin), 'SOCIALORG.CLAIM_ILLEGAL_STEP');
    expect(world.outbox.types).toEqual(
      expect.arrayContaining([
        'socialorg.subsidy.scheme-opened',
        'socialorg.subsidy.claimed',
        'socialorg.subsidy.granted',
        'socialorg.subsidy.paid',
      ]),
    );
    expect(world.outbox.dataOf('socialorg.subsidy.paid')).toEqual([
      expect.objectContaining({ orgId: 'O-1', streetId: STREET, amountFen: 3_000_000 }),
    ]);
    assertReconciles(schemeLedger(world.stores.schemes.docs.get(scheme.schemeId) as never));
  });

  it('takes one claim per organisation, whichever scheme and however many are sent at once', async () => {
    const world = projectsWorld();
    const first = await world.schemes.create(startup(), admin);
    const second = await world.schemes.create(startup({ name: '2026年第二批微服务经费' }), admin);
    world.orgs.set('O-1', organisation('O-1'));
    const racing = await Promise.allSettled(
      [first, first, second].map((s) =>
        world.claims.claim({ schemeId: s.schemeId, orgId: 'O-1', evidence: [] }, member('O-1')),
      ),
    );
    expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const refused of racing.filter((r) => r.status === 'rejected'))
      expect(refused.reason).toMatchObject({
        code: 'SOCIALORG.ALREADY_CLAIMED',
        message: 'O-1 社工服务中心已于 2026-03-02 申领过，不能重复申领',
      });
    expect(world.stores.claims.docs.size).toBe(1);
  });

  it('refuses an organisation without a branch formed in the window, saying why', async () => {
    const world = projectsWorld();
    const scheme = await world.schemes.create(startup(), admin);
    world.orgs.set('O-1', organisation('O-1', { partyBuilding: { kind: 'group', formedAt: '2026-02-01' } }));
    world.orgs.set('O-2', organisation('O-2', { partyBuilding: { kind: 'branch', formedAt: '2025-11-30' } }));
    world.orgs.set(
      'O-3',
      organisation('O-3', { partyBuilding: { kind: 'none', formedAt: null }, streetId: 'sz/nanshan/shekou' }),
    );
    const claim = (orgId: string) =>
      world.claims.claim({ schemeId: scheme.schemeId, orgId, evidence: [] }, member(orgId));
    expect((await expectAppError(claim('O-1'), 'SOCIALORG.NOT_ELIGIBLE')).message).toBe(
      '不符合“2026年新成立党支部微服务经费”的申领条件：党组织类型为“党小组”，本项经费限新成立的党支部或联合党支部',
    );
    expect((await expectAppError(claim('O-2'), 'SOCIALORG.NOT_ELIGIBLE')).message).toBe(
      '不符合“2026年新成立党支部微服务经费”的申领条件：党组织成立于 2025-11-30，不在 2026-01-01 至 2026-12-31 之间，不属于新成立',
    );
    const none = await expectAppError(claim('O-3'), 'SOCIALORG.NOT_ELIGIBLE');
    expect(none.details).toEqual({
      reasons: ['组织所在街道（sz/nanshan/shekou）不在本项目范围（sz/futian/xiangmihu）内', '尚未建立党组织'],
    });
    expect(none.status).toBe(409);
    await expectAppError(claim('O-9'), 'SOCIALORG.ORGANISATION_NOT_FOUND');
    world.orgs.set('O-4', organisation('O-4'));
    await expectAppError(
      world.claims.claim({ schemeId: scheme.schemeId, orgId: 'O-4', evidence: [] }, member('O-1')),
      'AUTH.OUT_OF_SCOPE',
    );
  });
});

describe('以奖代补 by assessment grade', () => {
  it('grants the table’s amount for the grade, within the budget, and refuses a grade the table has not', async () => {
    const world = projectsWorld();
    const scheme = await world.schemes.create(byGrade, admin);
    for (const id of ['O-1', 'O-2', 'O-3', 'O-4']) world.orgs.set(id, organisation(id));
    const claim = (orgId: string, grade: '5A' | '4A' | '2A') =>
      world.claims.claim(
        { schemeId: scheme.schemeId, orgId, grade, evidence: ['file_grade5a01'] },
        member(orgId),
      );
    const five = await claim('O-1', '5A');
    expect(five).toMatchObject({
      amountFen: 5_000_000,
      grade: '5A',
      basis: '社会组织评估等级 5A级，奖补 50,000.00元',
    });
    const low = await expectAppError(claim('O-2', '2A'), 'SOCIALORG.NOT_ELIGIBLE');
    expect(low.message).toBe(
      '不符合“2026年社会组织等级评估以奖代补”的申领条件：“2A级”不在本项目的奖补等级中（可申领：5A级、4A级、3A级）',
    );
    const again = await claim('O-3', '5A');
    const third = await claim('O-4', '4A');
    await world.claims.decide(five.claimId, { action: 'approve' }, admin);
    await world.claims.decide(again.claimId, { action: 'approve' }, admin);
    const over = await expectAppError(
      world.claims.decide(third.claimId, { action: 'approve' }, admin),
      'SOCIALORG.OVER_BUDGET',
    );
    expect(over.message).toBe('奖补金额 30,000.00元 超出剩余预算 20,000.00元');
    const rejected = await world.claims.decide(
      third.claimId,
      { action: 'reject', reason: '预算已用完，转入下一年度' },
      admin,
    );
    expect(rejected).toMatchObject({ state: 'rejected', allowedActions: [] });
    const illegal = await expectAppError(
      world.claims.decide(third.claimId, { action: 'approve' }, admin),
      'SOCIALORG.CLAIM_ILLEGAL_STEP',
    );
    expect(illegal.message).toBe('申领当前为“未通过”，不能“核准”；该申领已办结');
  });

  it('leaves each scheme to its own administrators and each claim to its organisation', async () => {
    const world = projectsWorld();
    await expectAppError(world.schemes.create(byGrade, otherAdmin), 'AUTH.OUT_OF_SCOPE');
    const scheme = await world.schemes.create(byGrade, admin);
    world.orgs.set('O-1', organisation('O-1'));
    const claim = await world.claims.claim(
      { schemeId: scheme.schemeId, orgId: 'O-1', grade: '4A', evidence: [] },
      member('O-1'),
    );
    await expectAppError(
      world.claims.decide(claim.claimId, { action: 'approve' }, otherAdmin),
      'AUTH.OUT_OF_SCOPE',
    );
    await expectAppError(world.claims.get(claim.claimId, member('O-2')), 'AUTH.OUT_OF_SCOPE');
    expect((await world.claims.list({}, member('O-1'))).map((c) => c.claimId)).toEqual([claim.claimId]);
    expect(
      (await world.claims.list({ schemeId: scheme.schemeId }, admin)).map((c) => c.allowedActions),
    ).toEqual([['approve', 'reject']]);
    await world.schemes.close(scheme.schemeId, admin);
    world.orgs.set('O-2', organisation('O-2'));
    await expectAppError(
      world.claims.claim(
        { schemeId: scheme.schemeId, orgId: 'O-2', grade: '4A', evidence: [] },
        member('O-2'),
      ),
      'SOCIALORG.SCHEME_CLOSED',
    );
    await expectAppError(world.schemes.close(scheme.schemeId, admin), 'SOCIALORG.SCHEME_CLOSED');
  });
});
