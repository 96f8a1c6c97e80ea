import type { CaseProgress, CaseView } from '@psc/contracts/affairs';
import { waitFor } from '@psc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';

const CENTRE = 'sz/futian/xiangmihu/c-001';

/** 一窗受理 to 评价 through the gateway, against an item version affairs learnt from the catalogue's events. */
describe('affairs: cases from intake to rating', () => {
  const world = new SystemWorld(inject('stack'));
  const code = world.nextCode();
  const headers: Record<string, Record<string, string>> = {};
  const api = (path: string) => `${world.apps.gateway!.url}/api${path}`;
  const send = async (who: string, method: string, path: string, body?: unknown, extra = {}) =>
    fetch(api(path), {
      method,
      headers: { 'content-type': 'application/json', ...headers[who], ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const all = (provided: boolean, except: string[] = []) =>
    ['居民身份证', '户口簿', '收入证明'].map((name) => ({
      name,
      provided: except.includes(name) ? !provided : provided,
    }));
  const baseItem = {
    name: '最低生活保障申请',
    theme: 'civil-assistance',
    summary: '为家庭人均收入低于当地低保标准的居民提供基本生活保障。',
    department: '区民政局',
    legalBasis: ['《社会救助暂行办法》第九条'],
    conditions: ['家庭人均收入低于当地最低生活保障标准'],
    materials: [
      { name: '居民身份证', form: 'original_and_copy', copies: 1, deferrable: false },
      { name: '户口簿', form: 'original', copies: 1, deferrable: false },
      { name: '收入证明', form: 'original', copies: 1, deferrable: true },
    ],
    legalDays: 20,
    promisedDays: 10,
    visits: 1,
    delivery: ['window'],
  };
  let keySeq = 0;
  const open = (
    materials: { name: string; provided: boolean }[],
    key = `intake-${process.pid}-${++keySeq}`,
    applicant = { residentId: 'resident-1', idTail: '12345X' },
  ) =>
    send(
      'counter',
      'POST',
      '/affairs/cases',
      { centreId: CENTRE, itemCode: code, ...applicant, materials },
      { 'idempotency-key': key },
    );
  const act = (who: string, caseNo: string, body: Record<string, unknown>) =>
    send(who, 'POST', `/affairs/cases/${caseNo}/actions`, body);

  beforeAll(async () => {
    // identity too: it texts the rating link on delivery
    await world.startAll(['catalogue', 'insight', 'identity', 'affairs']);
    const bearer = async (role: Parameters<typeof world.tokenFor>[0], scope = CENTRE) => ({
      authorization: `Bearer ${await world.tokenFor(role, scope)}`,
    });
    headers.counter = { ...(await bearer('counter_staff')), 'x-screen': 'counter' };
    headers.otherCounter = await bearer('counter_staff', 'sz/futian/lianhua/c-001');
    headers.dept = await bearer('dept_reviewer', 'sz/futian');
    headers.admin = await bearer('centre_admin');
    headers.resident = await world.residentHeaders('resident-1');
    headers.stranger = await world.residentHeaders('resident-2');

    const item = { ...baseItem, code };
    const admin = { 'content-type': 'application/json', ...world.adminHeaders };
    expect(
      (await fetch(api('/catalogue/items'), { method: 'POST', headers: admin, body: JSON.stringify(item) }))
        .status,
    ).toBe(201);
    expect(
      (await fetch(api(`/catalogue/items/${code}/publish`), { method: 'POST', headers: admin })).status,
    ).toBe(201);
    // affairs learns the version from Kafka, never by calling the catalogue
    await waitFor(async () => (await open(all(true))).status === 201, {
      what: 'affairs to know the published item',
    });
  });
  afterAll(() => world.dispose());

  it('sends an intake missing a required material to 补正 with everything missing, and accepts it on the return visit', async () => {
    const opened = await open(all(true, ['户口簿', '收入证明']));
    expect(opened.status).toBe(201);
    const first = (await opened.json()) as CaseView;
    expect(first).toMatchObject({
      state: 'correcting',
      missing: ['户口簿', '收入证明'],
      trips: 1,
      due: null,
    });
    expect(first.caseNo).toMatch(/^\d{11}$/);

    const stillMissing = await act('counter', first.caseNo, {
      action: 'supplement',
      revision: 1,
      materials: all(true, ['户口簿']),
    });
    expect(stillMissing.status).toBe(400);
    expect(((await stillMissing.json()) as { message: string }).message).toBe('仍缺少必须提交的材料：户口簿');

    const back = (await (
      await act('counter', first.caseNo, { action: 'supplement', revision: 1, materials: all(true) })
    ).json()) as CaseView;
    expect(back).toMatchObject({ state: 'accepted', trips: 2, missing: [], revision: 2 });
    expect(back.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const assigned = (await (
      await act('counter', back.caseNo, {
        action: 'assign',
        revision: 2,
        assignee: { kind: 'department', name: '区民政局' },
      })
    ).json()) as CaseView;
    expect(assigned.state).toBe('assigned');
    const completed = (await (
      await act('dept', back.caseNo, { action: 'complete', revision: 3 })
    ).json()) as CaseView;
    expect(completed.state).toBe('completed');
    const delivered = (await (
      await act('counter', back.caseNo, { action: 'deliver', revision: 4, channel: 'mail' })
    ).json()) as CaseView;
    expect(delivered).toMatchObject({ state: 'delivered', trips: 2, deliveredVia: 'mail' });

    const mine = (await (await send('resident', 'GET', '/affairs/cases/mine')).json()) as CaseProgress[];
    expect(mine.find((c) => c.caseNo === back.caseNo)).toMatchObject({ canRate: true });
    expect(await (await send('stranger', 'GET', '/affairs/cases/mine')).json()).toEqual([]);

    const byStranger = await send('stranger', 'POST', `/affairs/cases/${back.caseNo}/rating`, { score: 5 });
    expect(byStranger.status).toBe(403);
    const rated = (await (
      await send('resident', 'POST', `/affairs/cases/${back.caseNo}/rating`, { score: 4, comment: '很方便' })
    ).json()) as CaseView;
    expect(rated).toMatchObject({ state: 'rated', rectification: null });
    expect(rated.history.map((h) => `${h.action}:${h.role}`)).toEqual([
      'open:counter_staff',
      'supplement:counter_staff',
      'assign:counter_staff',
      'complete:dept_reviewer',
      'deliver:counter_staff',
      'rate:resident',
    ]);
    const again = await send('resident', 'POST', `/affairs/cases/${back.caseNo}/rating`, { score: 5 });
    expect(((await again.json()) as { code: string }).code).toBe('AFFAIRS.ALREADY_RATED');
  });

  it('accepts on promise (容缺) when only a material allowed to follow is missing', async () => {
    const accepted = (await (await open(all(true, ['收入证明']))).json()) as CaseView;
    expect(accepted).toMatchObject({ state: 'accepted', deferred: { names: ['收入证明'] } });
    expect(accepted.deferred.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const brought = (await (
      await send('counter', 'POST', `/affairs/cases/${accepted.caseNo}/deferred`, {
        revision: 1,
        inPerson: true,
      })
    ).json()) as CaseView;
    expect(brought).toMatchObject({ state: 'accepted', trips: 2, deferred: { supplied: true }, revision: 2 });
    const again = await send('counter', 'POST', `/affairs/cases/${accepted.caseNo}/deferred`, {
      revision: 2,
      inPerson: false,
    });
    expect(again.status).toBe(409);
  });

  it('refuses every illegal step with 409 and says what the case can do now', async () => {
    const c = (await (await open(all(true))).json()) as CaseView;
    const early = await act('counter', c.caseNo, { action: 'deliver', revision: 1, channel: 'window' });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { message: string }).message).toBe(
      '办件当前为“已受理”，不能“送达/领取”；现在可以：分办、办结、要求补正、不予受理',
    );
    const refused = (await (
      await act('counter', c.caseNo, { action: 'refuse', revision: 1, reason: '不符合申请条件' })
    ).json()) as CaseView;
    expect(refused.state).toBe('refused');
    const afterEnd = await act('counter', c.caseNo, {
      action: 'assign',
      revision: 2,
      assignee: { kind: 'proxy', name: '志愿者李四' },
    });
    expect(((await afterEnd.json()) as { message: string }).message).toContain('该办件已结束');
    const noReason = await act('counter', c.caseNo, { action: 'refuse', revision: 2 });
    expect(noReason.status).toBe(400);
    const rateByStaff = await act('counter', c.caseNo, { action: 'rate', revision: 2 });
    expect(rateByStaff.status).toBe(403);
  });

  it('lets exactly one of two staff acting on one case at once win, and tells the other', async () => {
    const c = (await (await open(all(true))).json()) as CaseView;
    const [a, b] = await Promise.all([
      act('counter', c.caseNo, {
        action: 'assign',
        revision: 1,
        assignee: { kind: 'department', name: '区民政局' },
      }),
      act('admin', c.caseNo, { action: 'refuse', revision: 1, reason: '材料不实' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = (await (a.status === 409 ? a : b).json()) as { code: string; message: string };
    expect(loser.code).toBe('AFFAIRS.CASE_CHANGED');
    expect(loser.message).toMatch(/^该办件刚被其他工作人员“(分办|不予受理)”/);
    expect(
      (
        await world
          .db('affairs')
          .collection('cases')
          .findOne({ _id: c.caseNo as never })
      )?.revision,
    ).toBe(2);
  });

  it('opens one case for a double-tapped submission', async () => {
    const key = `double-${process.pid}`;
    const [a, b] = await Promise.all([open(all(true), key), open(all(true), key)]);
    const [ca, cb] = (await Promise.all([a.json(), b.json()])) as CaseView[];
    expect(ca.caseNo).toBe(cb.caseNo);
    expect(await world.db('affairs').collection('cases').countDocuments({ idempotencyKey: key })).toBe(1);
    const missingKey = await send('counter', 'POST', '/affairs/cases', {
      centreId: CENTRE,
      itemCode: code,
      residentId: 'resident-1',
      idTail: '12345X',
      materials: all(true),
    });
    expect(missingKey.status).toBe(400);
    expect(((await missingKey.json()) as { message: string }).message).toContain('Idempotency-Key');
  });

  it('opens a rectification on a 差评 that only that centre’s administrator answers, once', async () => {
    const c = (await (await open(all(true))).json()) as CaseView;
    await act('counter', c.caseNo, { action: 'complete', revision: 1 });
    await act('counter', c.caseNo, { action: 'deliver', revision: 2, channel: 'window' });
    const rated = (await (
      await send('resident', 'POST', `/affairs/cases/${c.caseNo}/rating`, {
        score: 2,
        comment: '等待时间太长',
      })
    ).json()) as CaseView;
    expect(rated.rectification).toMatchObject({ answer: null });
    expect(rated.trips).toBe(2);
    const outsider = await send('otherCounter', 'POST', `/affairs/cases/${c.caseNo}/rectification`, {
      answer: '已加开窗口',
    });
    expect(outsider.status).toBe(403);
    const answered = (await (
      await send('admin', 'POST', `/affairs/cases/${c.caseNo}/rectification`, {
        answer: '高峰时段加开一个综合窗口',
      })
    ).json()) as CaseView;
    expect(answered.rectification?.answer).toBe('高峰时段加开一个综合窗口');
    const twice = await send('admin', 'POST', `/affairs/cases/${c.caseNo}/rectification`, {
      answer: '再次答复内容',
    });
    expect(twice.status).toBe(409);
  });

  it('shows progress to whoever has the case number and the last 6 of the ID number, and nothing otherwise', async () => {
    const c = (await (await open(all(true))).json()) as CaseView;
    const ok = await fetch(api(`/affairs/cases/${c.caseNo}/progress?idTail=12345x`));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      caseNo: c.caseNo,
      itemName: '最低生活保障申请',
      state: 'accepted',
    });
    const wrong = await fetch(api(`/affairs/cases/${c.caseNo}/progress?idTail=123456`));
    expect(wrong.status).toBe(404);
    expect(((await wrong.json()) as { message: string }).message).toBe(
      '办件编号或身份证号码后 6 位不正确，请核对后重试',
    );
    // walking through the million possible tails stops after a few wrong tries, even for the right one
    for (let i = 0; i < 4; i++) await fetch(api(`/affairs/cases/${c.caseNo}/progress?idTail=00000${i}`));
    const paused = await fetch(api(`/affairs/cases/${c.caseNo}/progress?idTail=12345X`));
    expect(paused.status).toBe(429);
  });

  it('updates the centre’s one-trip rate in insight once results are delivered', async () => {
    const c = (await (await open(all(true))).json()) as CaseView;
    await act('counter', c.caseNo, { action: 'complete', revision: 1 });
    await act('counter', c.caseNo, { action: 'deliver', revision: 2, channel: 'mail' });
    // delivered so far in this file: two cases after a second visit, this one in a single visit
    const url = `${world.apps.gateway!.url}/api/insight/affairs/one-trip?centreId=${encodeURIComponent(CENTRE)}`;
    let seen: { total: { delivered: number; oneTrip: number; rate: number } } | undefined;
    await waitFor(
      async () => {
        seen = (await (await fetch(url, { headers: headers.admin })).json()) as typeof seen;
        return seen?.total.delivered === 3;
      },
      { what: 'insight to count three delivered cases' },
    );
    expect(seen?.total).toEqual({ delivered: 3, oneTrip: 1, rate: 1 / 3 });
  });

  it('warns once, without touching the revision staff act on, when a case comes within a working day of due', async () => {
    const urgent = world.nextCode();
    const admin = { 'content-type': 'application/json', ...world.adminHeaders };
    const item = { ...baseItem, code: urgent, name: '临时救助紧急申请', legalDays: 1, promisedDays: 1 };
    await fetch(api('/catalogue/items'), { method: 'POST', headers: admin, body: JSON.stringify(item) });
    await fetch(api(`/catalogue/items/${urgent}/publish`), { method: 'POST', headers: admin });
    let opened: Response | undefined;
    await waitFor(
      async () => {
        opened = await send(
          'counter',
          'POST',
          '/affairs/cases',
          {
            centreId: CENTRE,
            itemCode: urgent,
            residentId: 'resident-1',
            idTail: '12345X',
            materials: all(true),
          },
          { 'idempotency-key': `urgent-${process.pid}` },
        );
        return opened.status === 201;
      },
      { what: 'affairs to know the one-day item' },
    );
    const c = (await opened!.json()) as CaseView;
    const cases = world
      .db('affairs')
      .collection<{ _id: string; slaAlerted: string | null; revision: number }>('cases');
    await waitFor(async () => (await cases.findOne({ _id: c.caseNo }))?.slaAlerted === 'due_soon', {
      what: 'the due-soon alert',
    });
    expect((await cases.findOne({ _id: c.caseNo }))?.revision).toBe(1);
    const viewed = (await (await send('counter', 'GET', `/affairs/cases/${c.caseNo}`)).json()) as CaseView;
    expect(viewed.sla).toBe('due_soon');
    // a workbench opened after the alert went out still sees it standing
    const standing = await send(
      'counter',
      'GET',
      `/affairs/cases/alerts?centreId=${encodeURIComponent(CENTRE)}`,
    );
    expect(await standing.json()).toContainEqual({
      caseNo: c.caseNo,
      kind: 'due_soon',
      due: c.due,
      assignee: null,
    });
    const elsewhere = await send(
      'otherCounter',
      'GET',
      `/affairs/cases/alerts?centreId=${encodeURIComponent(CENTRE)}`,
    );
    expect(elsewhere.status).toBe(403);
  });

  it('texts a rating link on delivery that rates the case once, as the applicant, without signing in', async () => {
    const phone = '13912340042';
    const looked = await send('counter', 'POST', '/identity/residents/lookup', {
      idNumber: '110101199003070011',
      name: '李短信',
      phone,
    });
    expect(looked.status).toBe(200);
    const applicant = (await looked.json()) as { residentId: string; idTail: string };
    const c = (await (await open(all(true), undefined, applicant)).json()) as CaseView;
    await act('counter', c.caseNo, { action: 'complete', revision: 1 });
    expect((await act('counter', c.caseNo, { action: 'deliver', revision: 2, channel: 'mail' })).status).toBe(
      200,
    );

    // identity holds the phone number: it texts the link, and the resident's access log says why it was read
    const textsFor = async () =>
      (
        (await (await send('counter', 'GET', '/identity/dev/sms')).json()) as { to: string; text: string }[]
      ).filter((m) => m.to === '139****0042' && m.text.includes(c.caseNo));
    let texts: { text: string }[] = [];
    await waitFor(async () => (texts = await textsFor()).length > 0, { what: 'the rating text' });
    expect(texts[0]?.text).toContain('“最低生活保障申请”已办结');
    const link = new URL(/https?:\/\/\S+$/.exec(texts[0]?.text ?? '')?.[0] ?? '');
    expect(link.pathname).toBe(`/kiosk/rate/${c.caseNo}`);
    const token = link.searchParams.get('t') ?? '';
    const audit = await world
      .db('identity')
      .collection('pii_audit')
      .findOne({ subjectId: applicant.residentId, actorKind: 'system' });
    expect(audit).toMatchObject({ fields: ['phone'], action: 'read', purpose: '办件办结后短信邀请评价' });

    const linkUrl = (t: string) => `/affairs/cases/${c.caseNo}/rating-link?t=${encodeURIComponent(t)}`;
    // one character changed; a fixed replacement would leave the token whole one time in 64
    const forged = await fetch(api(linkUrl(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)));
    expect(forged.status).toBe(404);
    expect(((await forged.json()) as { code: string }).code).toBe('AFFAIRS.RATING_LINK_INVALID');
    const shown = await fetch(api(linkUrl(token)));
    expect(await shown.json()).toMatchObject({ caseNo: c.caseNo, state: 'delivered', canRate: true });

    const rate = (body: Record<string, unknown>) =>
      fetch(api(`/affairs/cases/${c.caseNo}/rating-link`), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const rated = (await (await rate({ token, score: 1, comment: '材料要求不清楚' })).json()) as CaseView;
    expect(rated).toMatchObject({ state: 'rated', rating: { score: 1, via: 'sms' } });
    expect(rated.rectification).toMatchObject({ answer: null });
    expect(rated.history.at(-1)).toMatchObject({
      action: 'rate',
      by: applicant.residentId,
      role: 'resident',
    });
    const again = await rate({ token, score: 5 });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('AFFAIRS.ALREADY_RATED');
    // one text per delivered case, however often the sender polls
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await textsFor()).toHaveLength(1);
  });

  it('flags a 容缺 promise not kept by its day, and stops once the materials are brought', async () => {
    const c = (await (await open(all(true, ['收入证明']))).json()) as CaseView;
    const cases = world
      .db('affairs')
      .collection<{ _id: string; deferred: { due: string; flagged?: boolean } }>('cases');
    // promised for a day that has passed, as far as the watch knows
    await cases.updateOne({ _id: c.caseNo }, { $set: { 'deferred.due': '2026-01-05' } });
    await waitFor(async () => (await cases.findOne({ _id: c.caseNo }))?.deferred.flagged === true, {
      what: 'the broken promise to be flagged',
    });
    const alerts = `/affairs/cases/alerts?centreId=${encodeURIComponent(CENTRE)}`;
    const promiseAlert = { caseNo: c.caseNo, kind: 'promise_overdue', due: '2026-01-05', assignee: null };
    expect(await (await send('counter', 'GET', alerts)).json()).toContainEqual(promiseAlert);
    const shown = (await (await send('counter', 'GET', `/affairs/cases/${c.caseNo}`)).json()) as CaseView;
    expect(shown.deferred).toMatchObject({ supplied: false, overdue: true });
    // the flag is not a step: staff act on the revision they saw
    expect(shown.revision).toBe(1);

    await send('counter', 'POST', `/affairs/cases/${c.caseNo}/deferred`, { revision: 1, inPerson: true });
    expect(await (await send('counter', 'GET', alerts)).json()).not.toContainEqual(promiseAlert);
  });
});
