import type { ApplicationView, CallView } from '@psc/contracts/socialorg';
import { waitFor } from '@psc/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { socialorgApi } from '../socialorg/socialorg-api';
import { SystemWorld } from '../world';
import { launchBrowser, reportFailures, screenshot, watchErrors } from './browser';

const VIEWPORT = { width: 1280, height: 800 };
const STREET = 'sz/futian/xiangmihu';
// long enough for the organisation to fill the form in the browser before the call closes
const APPLYING_MS = 60_000;

/**
 * A purchased-service call in Chromium against the real identity and socialorg: the demo organisation applies with
 * a budget that does not add up and is refused on the spot in Chinese, fixes it and submits; three experts review,
 * one declaring a conflict first; the street's administrator ranks the call and publishes the 公示.
 */
describe('the portal: a call from the application to the 公示', () => {
  const world = new SystemWorld(inject('stack'));
  const api = socialorgApi(world);
  let browser: Browser;
  reportFailures(() => browser);
  const gateway = () => world.apps.gateway!.url;
  let call: CallView;
  let applicationId: string;

  async function signIn(username: string): Promise<{ page: Page; errors: string[] }> {
    const page = await (await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' })).newPage();
    const errors = watchErrors(page);
    await page.goto(`${gateway()}/portal/`);
    await page.waitForURL(/\/portal\/login/);
    await page.fill('#username', username);
    await page.fill('#password', world.seedPassword);
    await page.click('[data-test=login]');
    await page.waitForSelector('[data-test=nav]');
    return { page, errors };
  }

  beforeAll(async () => {
    // volunteer and insight too: an administrator's portal pages ask them (activities, the dashboard), and a service
    // that is not running answers 503 through the gateway
    await world.startAll(['identity', 'socialorg', 'volunteer', 'insight']);
    browser = await launchBrowser();
    for (const demo of ['street01', 'org01', 'expert01', 'expert02', 'expert03']) await api.signIn(demo);
    const opensAt = new Date();
    const created = await api.call<CallView>('street01', 'POST', '/socialorg/calls', {
      kind: 'livelihood_micro',
      title: '2026年香蜜湖街道民生微实事',
      description: '面向辖区社会组织征集为老服务项目。',
      ownerScope: STREET,
      budgetFen: 30_000_000,
      opensAt: opensAt.toISOString(),
      closesAt: new Date(opensAt.getTime() + APPLYING_MS).toISOString(),
      publicityDays: 5,
      passMark: 60,
      aggregation: 'mean',
      minReviewers: 2,
      criteria: [
        { key: 'need', name: '需求分析', weight: 40, description: '服务对象需求是否清楚' },
        { key: 'design', name: '项目设计', weight: 60, description: '' },
      ],
      tieBreak: [{ kind: 'earlier_submission' }],
      eligibility: [{ kind: 'in_area' }],
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
    expect(opened.status).toBe(200);
    call = opened.body;
  });
  afterAll(async () => {
    await browser?.close();
    await world.dispose();
  });

  it('refuses a budget that does not add up as it is typed, in Chinese, and takes it once fixed', async () => {
    const { page, errors } = await signIn('org01');
    await page.click('[data-nav=open-calls]');
    await page.click(`[data-call="${call.callId}"] [data-action=apply]`);
    await page.waitForSelector('[data-test=application-form]');
    expect(await page.textContent('[data-test=call-terms]')).toContain('需求分析');

    await page.fill('input[data-test=title]', '香岭长者助餐行动');
    await page.fill('textarea[data-test=summary]', '为香岭社区独居长者提供助餐和上门探访服务。');
    await page.fill('[data-test=request] input', '50000');
    await page.fill('[data-line="0"] input[data-test=line-item]', '人员经费');
    await page.fill('[data-line="0"] [data-test=line-amount] input', '30000');
    await page.locator('[data-line="0"] [data-test=line-amount] input').blur();
    // the lines fall short by 20,000元: said before anything is sent
    await expect.poll(() => page.textContent('[data-test=budget-check]')).toContain('相差 20,000.00元');
    await page.fill('input[data-test=target]', '服务独居长者 60 人');
    await page.fill('input[data-test=kpi-name]', '助餐人次');
    await page.fill('[data-test=kpi-target] input', '3000');
    await page.fill('input[data-test=kpi-unit]', '人次');
    await page.click('[data-test=submit-application]');
    await expect
      .poll(() => page.textContent('[data-test=refused]'))
      .toContain('与申请金额 50,000.00元 不一致');
    await screenshot(page, 'portal-application-refused');

    await page.click('[data-test=add-line]');
    await page.fill('[data-line="1"] input[data-test=line-item]', '餐费补贴');
    await page.fill('[data-line="1"] [data-test=line-amount] input', '20000');
    await page.locator('[data-line="1"] [data-test=line-amount] input').blur();
    await page.waitForSelector('[data-test=budget-ok]');
    expect(await page.textContent('[data-test=lines-total]')).toContain('50,000.00');
    await page.setInputFiles('[data-test=attach]', {
      name: '项目书.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await page.waitForSelector('[data-test=attached]');
    await screenshot(page, 'portal-application-balanced');
    await page.click('[data-test=submit-application]');
    await page.waitForURL(`${gateway()}/portal/applications`);
    await expect.poll(() => page.textContent('[data-test=application-state]')).toContain('已提交');
    await screenshot(page, 'portal-my-applications');
    expect(errors).toEqual([]);

    const mine = await api.call<ApplicationView[]>(
      'org01',
      'GET',
      `/socialorg/applications?callId=${call.callId}`,
    );
    applicationId = mine.body[0].applicationId;
    expect(mine.body[0]).toMatchObject({ requestFen: 5_000_000, state: 'submitted' });
  });

  it('has one expert declare a conflict and two score, each seeing the declaration before the sheet', async () => {
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
    expect((await api.call('street01', 'POST', `/socialorg/calls/${call.callId}/eligibility`)).status).toBe(
      200,
    );
    const reviewers = ['expert01', 'expert02', 'expert03'].map(
      (who) =>
        (JSON.parse(Buffer.from(api.token(who)!.split('.')[1], 'base64url').toString()) as { sub: string })
          .sub,
    );
    const assigned = await api.call(
      'street01',
      'POST',
      `/socialorg/applications/${applicationId}/reviewers`,
      {
        reviewers,
      },
    );
    expect(assigned.status).toBe(200);
    expect((await api.call('street01', 'POST', `/socialorg/calls/${call.callId}/scoring`)).status).toBe(200);

    const conflicted = await signIn('expert03');
    await conflicted.page.click(`[data-task="${applicationId}"]`);
    await conflicted.page.waitForSelector('[data-test=declaration]');
    expect(await conflicted.page.locator('[data-test=score-sheet]').count()).toBe(0);
    await conflicted.page.click('[data-conflict=yes]');
    await conflicted.page.click('[data-test=declare]');
    // a conflict needs its reason, asked for in Chinese
    await expect
      .poll(() => conflicted.page.textContent('[data-test=review-error]'))
      .toContain('请说明存在的利益关系');
    await conflicted.page.fill('textarea[data-test=statement]', '本人曾任该组织理事');
    await conflicted.page.click('[data-test=declare]');
    await conflicted.page.waitForSelector('[data-test=recused]');
    await screenshot(conflicted.page, 'portal-review-recused');
    expect(conflicted.errors).toEqual([]);

    for (const [expert, need, design] of [
      ['expert01', '35', '50'],
      ['expert02', '30', '48'],
    ] as const) {
      const { page, errors } = await signIn(expert);
      await page.click(`[data-task="${applicationId}"]`);
      await page.click('[data-conflict=no]');
      await page.click('[data-test=declare]');
      await page.waitForSelector('[data-test=score-sheet]');
      await page.fill('[data-score=need] input', need);
      await page.fill('[data-score=design] input', design);
      await page.locator('[data-score=design] input').blur();
      await expect
        .poll(() => page.textContent('[data-test=sheet-total]'))
        .toContain(`${Number(need) + Number(design)}.0`);
      if (expert === 'expert01') await screenshot(page, 'portal-review-sheet');
      await page.click('[data-test=submit-sheet]');
      await expect.poll(() => page.textContent(`[data-task="${applicationId}"]`)).toContain('已评分');
      if (expert === 'expert01') {
        // the second expert has not scored: the first sees no one else's total
        expect(await page.textContent('[data-test=panel]')).toContain('全部专家评完后才显示');
        await screenshot(page, 'portal-review-panel-hidden');
      }
      expect(errors).toEqual([]);
    }
  });

  it('lets the administrator rank the call and publish the 公示', async () => {
    const { page, errors } = await signIn('street01');
    await page.click('[data-nav=calls-desk]');
    await page.click(`[data-call="${call.callId}"] [data-test=open-call]`);
    await page.click('[data-action=rank]');
    await page.waitForSelector('[data-test=ranking] [data-rank="1"]');
    expect(await page.textContent('[data-test=ranking]')).toContain('香岭长者助餐行动');
    await page.click('[data-action=publicise]');
    await expect.poll(() => page.textContent('[data-test=call-state]')).toContain('公示中');
    expect(await page.textContent('[data-test=publicity]')).toContain('工作日');
    await screenshot(page, 'portal-call-publicised');
    expect(errors).toEqual([]);
    const notice = await api.call<{ entries: { applicationId: string; amountFen: number }[] }>(
      'street01',
      'GET',
      `/socialorg/calls/${call.callId}/publicity`,
    );
    expect(notice.body.entries).toEqual([expect.objectContaining({ applicationId, amountFen: 5_000_000 })]);
  });
});
