import { applicationView } from '@psc/contracts/socialorg';
import { expectAppError } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import { admin, expert, member, organisation, otherAdmin, projectsWorld } from '../../test/projects-world';

describe('applications: drafting and submitting', () => {
  it('lets an organisation’s staff apply for their own organisation only, while the call is open', async () => {
    const world = projectsWorld();
    const call = await world.openCall();
    const view = await world.apply(call.callId, 'O-1');
    expect(applicationView.parse(view)).toEqual(view);
    expect(view).toMatchObject({
      state: 'submitted',
      orgName: 'O-1 社工服务中心',
      allowedActions: ['withdraw'],
      submittedAt: '2026-03-02T02:00:00.000Z',
      history: [
        { action: 'draft' },
        { action: 'submit', from: 'draft', to: 'submitted', by: 'staff-of-O-1' },
      ],
    });
    expect(world.outbox.types).toEqual(
      expect.arrayContaining(['socialorg.application.drafted', 'socialorg.application.submitted']),
    );
    world.orgs.set('O-2', organisation('O-2'));
    const foreign = await expectAppError(
      world.applying.create({ ...draftOf(view), callId: call.callId, orgId: 'O-2' }, member('O-1')),
      'AUTH.OUT_OF_SCOPE',
    );
    expect(foreign.status).toBe(403);
    world.clock.set(call.closesAt);
    const closed = await expectAppError(world.apply(call.callId, 'O-3'), 'SOCIALORG.CALL_NOT_OPEN');
    expect(closed.message).toBe(
      '“2026年香蜜湖街道公益创投”的申报时间为 2026-03-02 10:00 至 2026-03-12 10:00，当前为“申报中”，不能申报或修改申报',
    );
  });

  it('takes one application per organisation and call, even when two are sent at once; withdrawing frees it', async () => {
    const world = projectsWorld();
    const call = await world.openCall();
    world.orgs.set('O-1', organisation('O-1'));
    const first = await world.apply(call.callId, 'O-1');
    const [again, racing] = await Promise.allSettled([
      world.applying.create({ ...draftOf(first), callId: call.callId, orgId: 'O-1' }, member('O-1')),
      world.applying.create({ ...draftOf(first), callId: call.callId, orgId: 'O-1' }, member('O-1')),
    ]);
    for (const outcome of [again, racing])
      expect(outcome).toMatchObject({
        status: 'rejected',
        reason: { code: 'SOCIALORG.ALREADY_APPLIED', message: '本组织已申报过该指南，每个组织限报一个项目' },
      });
    const withdrawn = await world.applicationSteps.act(
      first.applicationId,
      { action: 'withdraw', revision: 2 },
      member('O-1'),
    );
    expect(withdrawn).toMatchObject({ state: 'withdrawn', allowedActions: [] });
    expect((await world.apply(call.callId, 'O-1')).state).toBe('submitted');
  });

  it('edits a draft on the revision its writer saw, and refuses to edit or submit twice with 409', async () => {
    const world = projectsWorld();
    const call = await world.openCall();
    world.orgs.set('O-1', organisation('O-1'));
    const submitted = await world.apply(call.callId, 'O-1');
    const edit = await expectAppError(
      world.applying.update(submitted.applicationId, { ...draftOf(submitted), revision: 2 }, member('O-1')),
      'SOCIALORG.APPLICATION_ILLEGAL_STEP',
    );
    expect(edit.message).toBe('申报已提交，不能再修改；如需修改请先撤回后重新申报');
    const twice = await expectAppError(
      world.applicationSteps.act(submitted.applicationId, { action: 'submit', revision: 2 }, member('O-1')),
      'SOCIALORG.APPLICATION_ILLEGAL_STEP',
    );
    expect(twice.message).toBe(
      '申报当前为“已提交”，不能“提交申报”；现在可以：撤回申报、资格审查通过、资格审查未通过',
    );
    expect(twice.status).toBe(409);
    const stale = await expectAppError(
      world.applicationSteps.act(submitted.applicationId, { action: 'withdraw', revision: 1 }, member('O-1')),
      'SOCIALORG.APPLICATION_CHANGED',
    );
    expect(stale.details).toEqual({ revision: 2 });
  });

  it('shows an application to its organisation, the call’s administrators and its reviewers, and to nobody else', async () => {
    const world = projectsWorld();
    const call = await world.openCall();
    world.orgs.set('O-1', organisation('O-1'));
    const draft = await world.applying.create(
      { ...draftOf(await world.apply(call.callId, 'O-9')), callId: call.callId, orgId: 'O-1' },
      member('O-1'),
    );
    // a draft is the organisation's own
    await expectAppError(world.applicationQueries.get(draft.applicationId, admin), 'AUTH.OUT_OF_SCOPE');
    const other = await expectAppError(
      world.applicationQueries.get(draft.applicationId, member('O-2')),
      'AUTH.OUT_OF_SCOPE',
    );
    expect(other.message).toBe('只能查看本组织的申报');
    await expectAppError(world.applicationQueries.list({ orgId: 'O-1' }, member('O-2')), 'AUTH.OUT_OF_SCOPE');
    expect((await world.applicationQueries.get(draft.applicationId, member('O-1'))).state).toBe('draft');
    const submitted = await world.applicationSteps.act(
      draft.applicationId,
      { action: 'submit', revision: 1 },
      member('O-1'),
    );
    const seen = await world.applicationQueries.get(submitted.applicationId, admin);
    expect(seen).toMatchObject({ state: 'submitted', reviews: { assigned: 0, conflicted: 0, submitted: 0 } });
    await expectAppError(
      world.applicationQueries.get(submitted.applicationId, otherAdmin),
      'AUTH.OUT_OF_SCOPE',
    );
    await expectAppError(
      world.applicationQueries.get(submitted.applicationId, expert(1)),
      'AUTH.OUT_OF_SCOPE',
    );
    expect(
      (await world.applicationQueries.list({ callId: call.callId }, admin)).map((a) => a.orgId).sort(),
    ).toEqual(['O-1', 'O-9']);
    expect((await world.applicationQueries.list({}, member('O-1'))).map((a) => a.applicationId)).toEqual([
      submitted.applicationId,
    ]);
  });
});

describe('EligibilityService', () => {
  it('checks each rule against the organisation as registered, with a reason for each, after the call closes', async () => {
    const world = projectsWorld();
    const call = await world.openCall({
      eligibility: [
        { kind: 'registration', accepted: ['registered'] },
        { kind: 'party_building', accepted: ['branch', 'joint_branch'] },
        { kind: 'incubation_graduated' },
        { kind: 'in_area' },
        { kind: 'field_of_service', fields: ['养老服务', '青少年服务'] },
        { kind: 'max_request', maxFen: 25_000_000 },
      ],
    });
    world.orgs.set('O-1', organisation('O-1', { incubation: { graduatedAt: '2025-12-01T00:00:00Z' } }));
    world.orgs.set(
      'O-2',
      organisation('O-2', {
        registration: 'community_filed',
        partyBuilding: { kind: 'group', formedAt: '2024-05-01' },
        streetId: 'sz/nanshan/shekou',
      }),
    );
    const good = await world.apply(call.callId, 'O-1');
    const bad = await world.apply(call.callId, 'O-2', { requestFen: 30_000_000, field: '文体活动' });
    const early = await expectAppError(
      world.eligibility.run(call.callId, admin),
      'SOCIALORG.CALL_ILLEGAL_STEP',
    );
    expect(early.message).toBe('资格审查在申报截止后、开始评审前进行');
    expect(await world.closeAndCheck(call)).toEqual({
      callId: call.callId,
      checked: 2,
      passed: 1,
      failed: 1,
    });
    expect((await world.applicationQueries.get(good.applicationId, member('O-1'))).eligibility).toMatchObject(
      {
        passed: true,
        results: [
          { rule: 'registration', passed: true, reason: '登记类型为“民政登记”，符合要求' },
          { rule: 'party_building', passed: true, reason: '已建立党支部，符合要求' },
          { rule: 'incubation_graduated', passed: true, reason: '已于 2025-12-01 孵化出壳' },
          { rule: 'in_area', passed: true, reason: '组织所在街道在本次申报范围内' },
          { rule: 'field_of_service', passed: true, reason: '服务领域“养老服务”符合要求' },
          { rule: 'max_request', passed: true, reason: '申请金额 200,000.00元 未超过上限 250,000.00元' },
        ],
      },
    );
    const failed = await world.applicationQueries.get(bad.applicationId, member('O-2'));
    expect(failed.state).toBe('ineligible');
    expect(failed.eligibility?.results.map((r) => r.reason)).toEqual([
      '登记类型为“社区备案”，本次申报要求“民政登记”',
      '党组织类型为“党小组”，本次申报要求已建立“党支部”或“联合党支部”',
      '未入驻过孵化基地，本次申报要求已孵化出壳',
      '组织所在街道（sz/nanshan/shekou）不在本次申报范围（sz/futian/xiangmihu）内',
      '服务领域“文体活动”不在本次申报范围内，本次申报限：养老服务、青少年服务',
      '申请金额 300,000.00元 超过单个项目上限 250,000.00元',
    ]);
    expect(world.outbox.dataOf('socialorg.application.eligibility-checked')).toEqual([
      expect.objectContaining({ applicationId: good.applicationId, passed: true, failed: [] }),
      expect.objectContaining({
        applicationId: bad.applicationId,
        passed: false,
        failed: [
          'registration',
          'party_building',
          'incubation_graduated',
          'in_area',
          'field_of_service',
          'max_request',
        ],
      }),
    ]);
    // a second run has nothing left to check
    expect(await world.eligibility.run(call.callId, admin)).toMatchObject({
      checked: 0,
      passed: 1,
      failed: 1,
    });
  });
});

const draftOf = (view: Awaited<ReturnType<ReturnType<typeof projectsWorld>['apply']>>) => ({
  title: view.title,
  summary: view.summary,
  field: view.field,
  requestFen: view.requestFen,
  budgetLines: view.budgetLines,
  targets: view.targets,
  kpis: view.kpis,
  attachments: view.attachments,
});
