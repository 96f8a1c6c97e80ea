import type {
  AgreementView,
  ApplicationReviewsView,
  ApplicationView,
  CallView,
  FileView,
  OrganisationView,
  ProjectVolunteerHoursView,
} from '@psc/contracts/socialorg';
import { buildEvent } from '@psc/contracts';
import { waitFor } from '@psc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';
import { PDF, socialorgApi, upload } from './socialorg-api';

const STREET = 'sz/futian/xiangmihu';
const DEMO_ORG = 'org-demo-001';
// the time organisations get to apply: long enough for the steps below through the gateway
const APPLYING_MS = 45_000;

/**
 * A purchased-service project through the gateway against the real Kafka and store: the seeded organisation's
 * staff apply to a 公益创投 call with an attachment, three experts review (one conflicted out) without seeing each
 * other's scores until all are in, the call is ranked and publicised, an objection is answered, the project is
 * awarded, contracted and paid 30/40/30 against a milestone report with evidence and an evaluation. Every illegal
 * step is a 409 saying why; another organisation's staff are refused the application with 403.
 */
describe('socialorg: a purchased-service project from the call to the last tranche', () => {
  const world = new SystemWorld(inject('stack'));
  const api = socialorgApi(world);
  // reviewers are assigned by their account's id, the subject of their token
  const subOf = (who: string) =>
    (JSON.parse(Buffer.from(api.token(who)!.split('.')[1], 'base64url').toString()) as { sub: string }).sub;
  let call: CallView;
  let application: ApplicationView;
  let agreement: AgreementView;

  beforeAll(async () => {
    await world.startAll(['identity', 'socialorg']);
    for (const demo of ['centre01', 'street01', 'org01', 'expert01', 'expert02', 'expert03'])
      await api.signIn(demo);
    const other = await api.call<OrganisationView>('centre01', 'POST', '/socialorg/organisations', {
      registration: 'registered',
      creditCode: '52440304MJL0002004',
      centreId: `${STREET}/c-001`,
      name: '香岭青少年成长服务社',
      type: 'service_agency',
      fields: ['elderly'],
      address: '深圳市福田区香岭路 20 号',
      foundedOn: '2022-03-01',
      partyBuilding: { kind: 'none', partyMembers: 1 },
    });
    expect(other.status).toBe(201);
    await api.orgAccount('centre01', other.body.orgId, 'youth01');
  });
  afterAll(() => world.dispose());

  it('opens a call whose criteria weigh 100, and takes an application with budget lines that add up', async () => {
    const opensAt = new Date();
    const created = await api.call<CallView>('street01', 'POST', '/socialorg/calls', {
      kind: 'venture_philanthropy',
      title: '2026年香蜜湖街道公益创投',
      description: '面向辖区社会组织征集为老、为小服务项目。',
      ownerScope: STREET,
      budgetFen: 50_000_000,
      opensAt: opensAt.toISOString(),
      closesAt: new Date(opensAt.getTime() + APPLYING_MS).toISOString(),
      publicityDays: 5,
      passMark: 60,
      aggregation: 'mean',
      minReviewers: 2,
      criteria: [
        { key: 'need', name: '需求分析', weight: 30, description: '' },
        { key: 'design', name: '项目设计', weight: 40, description: '' },
        { key: 'budget', name: '预算合理性', weight: 30, description: '' },
      ],
      tieBreak: [{ kind: 'criterion', key: 'design' }, { kind: 'earlier_submission' }],
      eligibility: [{ kind: 'in_area' }, { kind: 'party_building', accepted: ['branch', 'joint_branch'] }],
    });
    expect(created.status).toBe(201);
    const opened = await api.call<CallView>(
      'street01',
      'POST',
      `/socialorg/calls/${created.body.callId}/actions`,
      {
        action: 'open',
      },
    );
    expect(opened).toMatchObject({ status: 200, body: { state: 'open' } });
    call = opened.body;

    const attachment = await api.call<FileView>(
      'org01',
      'POST',
      '/socialorg/files',
      upload(DEMO_ORG, 'application', '项目书.pdf', PDF),
    );
    expect(attachment).toMatchObject({ status: 201, body: { kind: 'application', mime: 'application/pdf' } });
    const body = {
      callId: call.callId,
      orgId: DEMO_ORG,
      title: '香岭长者关爱行动',
      summary: '为香岭社区独居长者提供探访、助餐和健康讲座服务。',
      field: '养老服务',
      requestFen: 20_000_001,
      budgetLines: [
        { item: '人员经费', amountFen: 15_000_000, note: '' },
        { item: '活动物料', amountFen: 5_000_000, note: '' },
      ],
      targets: ['服务独居长者 100 人'],
      kpis: [
        { name: '探访人次', target: 1200, unit: '人次' },
        { name: '志愿服务时长', target: 200, unit: '小时' },
      ],
      attachments: [attachment.body.fileId],
    };
    const unbalanced = await api.call('org01', 'POST', '/socialorg/applications', body);
    expect(unbalanced.status).toBe(400);
    expect(JSON.stringify(unbalanced.body)).toContain('预算');
    const draft = await api.call<ApplicationView>('org01', 'POST', '/socialorg/applications', {
      ...body,
      budgetLines: [...body.budgetLines, { item: '宣传印刷', amountFen: 1, note: '' }],
    });
    expect(draft).toMatchObject({
      status: 201,
      body: { state: 'draft', attachments: [attachment.body.fileId] },
    });
    const submitted = await api.call<ApplicationView>(
      'org01',
      'POST',
      `/socialorg/applications/${draft.body.applicationId}/actions`,
      { action: 'submit', revision: draft.body.revision },
    );
    expect(submitted).toMatchObject({ status: 200, body: { state: 'submitted' } });
    application = submitted.body;
  });

  it("refuses another organisation's staff the application, and illegal steps with 409", async () => {
    const foreign = await api.call('youth01', 'GET', `/socialorg/applications/${application.applicationId}`);
    expect(foreign.status).toBe(403);
    const again = await api.call(
      'org01',
      'POST',
      `/socialorg/applications/${application.applicationId}/actions`,
      {
        action: 'submit',
        revision: application.revision,
      },
    );
    expect(again).toMatchObject({ status: 409, body: { code: 'SOCIALORG.APPLICATION_ILLEGAL_STEP' } });
    const early = await api.call('street01', 'POST', `/socialorg/calls/${call.callId}/actions`, {
      action: 'close',
    });
    expect(early).toMatchObject({ status: 409, body: { code: 'SOCIALORG.CALL_ILLEGAL_STEP' } });
    expect((early.body as { message: string }).message).toContain('截止前不能关闭申报');
    const rankEarly = await api.call('street01', 'POST', `/socialorg/calls/${call.callId}/actions`, {
      action: 'publicise',
    });
    expect(rankEarly.status).toBe(409);
  });

  it('closes at the stated time, checks eligibility with reasons and starts the review', async () => {
    // the stated closing time is a promise to applicants: the close is refused until it has passed
    await waitFor(
      async () =>
        (await api.call('street01', 'POST', `/socialorg/calls/${call.callId}/actions`, { action: 'close' }))
          .status === 200,
      // once a second: polling faster spends the gateway's 300 requests a minute before the steps that follow
      {
        what: 'the call to close after its closing time',
        timeoutMs: APPLYING_MS + 30_000,
        intervalMs: 1_000,
      },
    );
    const checked = await api.call('street01', 'POST', `/socialorg/calls/${call.callId}/eligibility`);
    expect(checked).toMatchObject({ status: 200, body: { checked: 1, passed: 1, failed: 0 } });
    const assigned = await api.call(
      'street01',
      'POST',
      `/socialorg/applications/${application.applicationId}/reviewers`,
      { reviewers: ['expert01', 'expert02', 'expert03'].map(subOf) },
    );
    expect(assigned.status).toBe(200);
    const started = await api.call('street01', 'POST', `/socialorg/calls/${call.callId}/scoring`);
    expect(started.status).toBe(200);
  });

  it('keeps a conflicted reviewer out and hides the scores until every review is in', async () => {
    const review = (path: string) => `/socialorg/applications/${application.applicationId}/review/${path}`;
    const sheet = (s: number) => ({ scores: { need: 30 * s, design: 40 * s, budget: 30 * s }, comment: '' });
    const conflicted = await api.call('expert03', 'POST', review('declaration'), {
      conflict: true,
      statement: '本人曾任该组织理事',
    });
    expect(conflicted).toMatchObject({ status: 200, body: { state: 'conflicted' } });
    const barred = await api.call('expert03', 'POST', review('sheet'), sheet(0.9));
    expect(barred.status).toBe(409);
    const undeclared = await api.call('expert01', 'POST', review('sheet'), sheet(0.9));
    expect(undeclared.status).toBe(409);
    for (const expert of ['expert01', 'expert02'])
      expect(
        (await api.call(expert, 'POST', review('declaration'), { conflict: false, statement: '' })).status,
      ).toBe(200);
    expect((await api.call('expert01', 'POST', review('sheet'), sheet(0.9))).status).toBe(200);

    const reviewsPath = `/socialorg/applications/${application.applicationId}/reviews`;
    const half = await api.call<ApplicationReviewsView>('expert02', 'GET', reviewsPath);
    expect(half.body.complete).toBe(false);
    expect(half.body.reviews.find((r) => r.reviewerId === subOf('expert01'))).toMatchObject({
      scores: null,
      total: null,
    });
    expect((await api.call('expert02', 'POST', review('sheet'), sheet(0.8))).status).toBe(200);
    const all = await api.call<ApplicationReviewsView>('expert02', 'GET', reviewsPath);
    expect(all.body.complete).toBe(true);
    expect(all.body.reviews.find((r) => r.reviewerId === subOf('expert01'))).toMatchObject({ total: 90 });
  });

  it('ranks, publicises for working days, answers an objection, and awards only after the notice', async () => {
    const ranked = await api.call('street01', 'POST', `/socialorg/calls/${call.callId}/ranking`);
    expect(ranked.status).toBe(200);
    const ranking = await api.call<{ entries: { applicationId: string; rank: number; funded: boolean }[] }>(
      'street01',
      'GET',
      `/socialorg/calls/${call.callId}/ranking`,
    );
    expect(ranking.body.entries).toEqual([
      expect.objectContaining({ applicationId: application.applicationId, rank: 1, funded: true }),
    ]);
    const publicised = await api.call<CallView>(
      'street01',
      'POST',
      `/socialorg/calls/${call.callId}/actions`,
      {
        action: 'publicise',
      },
    );
    expect(publicised).toMatchObject({ status: 200, body: { state: 'publicised' } });
    // raising answers the call as its objector may read it: with their own objection in it
    const raised = await api.call<CallView>('youth01', 'POST', `/socialorg/calls/${call.callId}/objections`, {
      applicationId: application.applicationId,
      text: '该项目预算中人员经费占比过高，请核实。',
    });
    expect(raised.status).toBe(201);
    expect(raised.body.objections).toHaveLength(1);
    const objection = raised.body.objections[0];
    const unanswered = await api.call('street01', 'POST', `/socialorg/calls/${call.callId}/actions`, {
      action: 'award',
    });
    expect(unanswered.status).toBe(409);
    const answer = `/socialorg/calls/${call.callId}/objections/${objection.objectionId}/answer`;
    const answered = await api.call('street01', 'POST', answer, {
      answer: '经核实，人员经费占比符合申报指南要求。',
      upheld: false,
    });
    expect(answered.status).toBe(200);
    expect(
      (await api.call('street01', 'POST', answer, { answer: '再次答复内容', upheld: false })).status,
    ).toBe(409);
    const running = await api.call('street01', 'POST', `/socialorg/calls/${call.callId}/actions`, {
      action: 'award',
    });
    expect(running).toMatchObject({ status: 409, body: { code: 'SOCIALORG.PUBLICITY_RUNNING' } });

    // five working days pass: the notice is moved into the past in the store, as the calendar would
    await world
      .db('socialorg')
      .collection('calls')
      .updateOne(
        { _id: call.callId as never },
        { $set: { 'publicity.endsAt': new Date(Date.now() - 1000) } },
      );
    const awarded = await api.call<CallView>('street01', 'POST', `/socialorg/calls/${call.callId}/actions`, {
      action: 'award',
    });
    expect(awarded).toMatchObject({ status: 200, body: { state: 'awarded' } });
  });

  it('contracts 30/40/30 and pays each tranche once its condition is met, never past what remains', async () => {
    const signed = await api.call<AgreementView>('street01', 'POST', '/socialorg/agreements', {
      applicationId: application.applicationId,
      contractedFen: 20_000_001,
      signedOn: '2026-04-01',
      endsOn: '2026-12-31',
      milestones: [
        { key: 'midterm', name: '中期评估', dueOn: '2026-07-31' },
        { key: 'final', name: '结项报告', dueOn: '2026-12-15' },
      ],
      split: 'percent',
      tranches: [
        { releaseOn: 'signing', milestone: null, percent: 30, amountFen: null },
        { releaseOn: 'milestone', milestone: 'midterm', percent: 40, amountFen: null },
        { releaseOn: 'evaluation', milestone: null, percent: 30, amountFen: null },
      ],
    });
    expect(signed.status).toBe(201);
    agreement = signed.body;
    expect(agreement.tranches.map((t) => t.amountFen)).toEqual([6_000_000, 8_000_000, 6_000_001]);
    const payments = `/socialorg/agreements/${agreement.agreementId}/payments`;
    const pay = (tranche: number, amountFen: number) => ({
      tranche,
      amountFen,
      voucher: `PZ-2026-${tranche}`,
      paidOn: '2026-04-02',
    });

    const over = await api.call<{ code: string; message: string }>(
      'street01',
      'POST',
      payments,
      pay(1, 6_000_001),
    );
    expect(over).toMatchObject({ status: 409, body: { code: 'SOCIALORG.PAYMENT_EXCEEDS' } });
    expect(over.body.message).toContain('60,000.00元');
    expect((await api.call('street01', 'POST', payments, pay(1, 6_000_000))).status).toBe(201);
    const notYet = await api.call('street01', 'POST', payments, pay(2, 8_000_000));
    expect(notYet).toMatchObject({ status: 409, body: { code: 'SOCIALORG.TRANCHE_NOT_PAYABLE' } });

    const evidence = await api.call<FileView>(
      'org01',
      'POST',
      '/socialorg/files',
      upload(DEMO_ORG, 'milestone', '中期签到表.pdf', PDF),
    );
    expect(evidence.status).toBe(201);
    const milestone = `/socialorg/agreements/${agreement.agreementId}/milestones/midterm`;
    const report = {
      summary: '完成中期走访 600 人次，开展健康讲座 6 场。',
      evidence: [evidence.body.fileId],
      kpis: [{ name: '探访人次', actual: 600 }],
    };
    expect((await api.call('youth01', 'POST', `${milestone}/report`, report)).status).toBe(403);
    expect((await api.call('org01', 'POST', `${milestone}/report`, report)).status).toBe(200);
    const accepted = await api.call('street01', 'POST', `${milestone}/decision`, {
      decision: 'accept',
      comment: '',
    });
    expect(accepted.status).toBe(200);
    expect((await api.call('street01', 'POST', `${milestone}/decision`, { decision: 'accept' })).status).toBe(
      409,
    );
    expect((await api.call('street01', 'POST', payments, pay(2, 8_000_000))).status).toBe(201);

    // the evaluation waits for every milestone: the final report is accepted first
    const final = `/socialorg/agreements/${agreement.agreementId}/milestones/final`;
    const early = await api.call(
      'street01',
      'POST',
      `/socialorg/agreements/${agreement.agreementId}/evaluation`,
      {
        grade: 'good',
        score: 86,
        comment: '服务目标全部完成，长者满意度高。',
      },
    );
    expect(early).toMatchObject({ status: 409 });
    expect((early.body as { message: string }).message).toContain('结项报告');
    expect(
      (
        await api.call('org01', 'POST', `${final}/report`, {
          ...report,
          summary: '全年服务完成，提交结项报告。',
        })
      ).status,
    ).toBe(200);
    expect(
      (await api.call('street01', 'POST', `${final}/decision`, { decision: 'accept', comment: '' })).status,
    ).toBe(200);

    const evaluated = await api.call(
      'street01',
      'POST',
      `/socialorg/agreements/${agreement.agreementId}/evaluation`,
      {
        grade: 'good',
        score: 86,
        comment: '服务目标全部完成，长者满意度高。',
      },
    );
    expect(evaluated.status).toBe(200);
    expect((await api.call('street01', 'POST', payments, pay(3, 6_000_001))).status).toBe(201);
    const done = await api.call<AgreementView>(
      'org01',
      'GET',
      `/socialorg/agreements/${agreement.agreementId}`,
    );
    expect(done.body).toMatchObject({ contractedFen: 20_000_001, paidFen: 20_000_001, unpaidFen: 0 });
    expect((await api.call('youth01', 'GET', `/socialorg/agreements/${agreement.agreementId}`)).status).toBe(
      403,
    );
  });

  it('counts volunteer hours served in the project towards its hour KPI, once however often they arrive', async () => {
    const credited = buildEvent(
      'volunteer.hours.credited',
      'e2e-entry-1',
      {
        entryId: 'e2e-entry-1',
        volunteerId: 'v-e2e',
        kind: 'credit',
        minutes: 150,
        source: 'attendance',
        sourceRef: 'act-e2e',
        activityId: 'act-e2e',
        centreId: `${STREET}/c-001`,
        teamId: null,
        projectId: agreement.agreementId,
        servedOn: '2026-12-01',
        approvedBy: 'u-organiser',
        reason: null,
        reverses: null,
        at: '2026-12-01T10:00:00.000Z',
      },
      'volunteer',
    );
    const producer = world.kafka.producer();
    await producer.connect();
    const message = { key: credited.key, value: JSON.stringify(credited) };
    // a redelivery in the same batch and one on its own
    await producer.send({ topic: world.topic('volunteer.hours.v1'), messages: [message, message] });
    await producer.send({ topic: world.topic('volunteer.hours.v1'), messages: [message] });
    await producer.disconnect();
    await waitFor(
      async () => {
        const metrics = await (await fetch(`${world.apps.socialorg!.url}/metrics`)).text();
        return /consumer_events_total\{[^}]*outcome="duplicate"\} [2-9]/.test(metrics);
      },
      { what: 'the copies of the credited entry to be recognised as duplicates', timeoutMs: 60_000 },
    );
    const hours = `/socialorg/agreements/${agreement.agreementId}/volunteer-hours`;
    const progress = await api.call<ProjectVolunteerHoursView>('street01', 'GET', hours);
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({ minutes: 150, entries: 1 });
    expect(progress.body.kpis).toEqual([
      { name: '探访人次', target: 1200, unit: '人次', actual: 600, source: 'milestone_report' },
      { name: '志愿服务时长', target: 200, unit: '小时', actual: 2.5, source: 'volunteer_hours' },
    ]);
    expect((await api.call('org01', 'GET', hours)).status).toBe(200);
    expect((await api.call('youth01', 'GET', hours)).status).toBe(403);
  });

  it('announces every step on Kafka, each event valid against the registry', async () => {
    const calls = await api.events(
      'socialorg.call.v1',
      (seen) => seen.filter((e) => e.type === 'socialorg.call.tranche-paid').length === 3,
    );
    expect(new Set(calls.map((e) => e.type))).toEqual(
      new Set([
        'socialorg.call.drafted',
        'socialorg.call.transitioned',
        'socialorg.call.publicised',
        'socialorg.call.objection-raised',
        'socialorg.call.objection-answered',
        'socialorg.call.awarded',
        'socialorg.call.tranche-paid',
      ]),
    );
    const agreements = await api.events('socialorg.agreement.v1', (seen) =>
      seen.some((e) => e.type === 'socialorg.agreement.evaluated'),
    );
    expect(agreements.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'socialorg.agreement.signed',
        'socialorg.agreement.milestone-reported',
        'socialorg.agreement.milestone-decided',
        'socialorg.agreement.evaluated',
      ]),
    );
  });
});
