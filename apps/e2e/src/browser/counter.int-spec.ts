import type { CaseView, TicketView } from '@psc/contracts/affairs';
import { waitFor } from '@psc/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';
import { idNumberFrom, launchBrowser, reportFailures, screenshot, watchErrors } from './browser';
import { actAtCounter, signInAtCounter } from './screens';

const CENTRE = 'sz/futian/xiangmihu/c-001';
// a staff desktop
const VIEWPORT = { width: 1440, height: 900 };

/**
 * The counter workbench in Chromium against the real services with the seeded catalogue: a ticket called at the
 * window, an intake missing a required material (一次性告知书, printed), the return visit that completes the file,
 * the case through to delivery, the case list with its time-limit colours kept live, and a department's inbox.
 */
describe('the counter workbench in the browser', () => {
  const world = new SystemWorld(inject('stack'));
  let browser: Browser;
  reportFailures(() => browser);
  let staff: Record<string, string>;

  const gateway = () => world.apps.gateway!.url;
  const api = async <T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${gateway()}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...staff, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };

  /** A case opened through the API with every material of the item there, as another window would. */
  async function openAccepted(itemCode: string): Promise<CaseView> {
    const item = await api<{ materials: { name: string }[] }>('GET', `/catalogue/items/${itemCode}`);
    const opened = await api<CaseView>(
      'POST',
      '/affairs/cases',
      {
        centreId: CENTRE,
        itemCode,
        residentId: 'resident-e2e',
        idTail: '12345X',
        materials: item.body.materials.map((m) => ({ name: m.name, provided: true })),
      },
      { 'idempotency-key': `e2e-${itemCode}-${Date.now()}` },
    );
    expect(opened.status).toBe(201);
    return opened.body;
  }

  const signIn = (page: Page, username: string) =>
    signInAtCounter(page, gateway(), username, world.seedPassword);
  const act = actAtCounter;

  beforeAll(async () => {
    await world.start('catalogue', { SEED_CATALOGUE: 'true' });
    await world.start('insight');
    await world.start('identity');
    await world.start('affairs');
    await world.startGateway();
    staff = { authorization: `Bearer ${await world.tokenFor('counter_staff', CENTRE)}` };
    // affairs learns the seeded items from Kafka: until then an intake is refused with ITEM_NOT_AVAILABLE; an empty
    // checklist of a known item is refused for the checklist instead, and opens nothing
    await waitFor(
      async () =>
        (
          await api<{ code: string }>(
            'POST',
            '/affairs/cases',
            { centreId: CENTRE, itemCode: 'MZ-001', residentId: 'r', idTail: '12345X', materials: [] },
            { 'idempotency-key': `probe-${Date.now()}` },
          )
        ).body.code === 'AFFAIRS.CHECKLIST_INCOMPLETE',
      { timeoutMs: 90_000, intervalMs: 500, what: 'affairs to know the seeded items' },
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await world.dispose();
  });

  it('calls a ticket, takes in a case missing a material, prints the notice, and completes it on the return visit', async () => {
    const ticket = await api<TicketView>('POST', '/affairs/queue/tickets', {
      centreId: CENTRE,
      theme: 'civil-assistance',
    });
    expect(ticket.status).toBe(201);

    const page = await browser.newPage({ viewport: VIEWPORT });
    const errors = watchErrors(page);
    await signIn(page, 'counter01');
    await page.click('[data-test=nav-queue]');
    await page.fill('[data-test=window]', '3');
    await page.click('[data-theme=civil-assistance] input');
    await expect
      .poll(() => page.textContent('[data-theme=civil-assistance] [data-test=waiting-count]'))
      .toContain('1 人');
    expect(await page.textContent('[data-test=callable]')).toContain('1 人');
    await screenshot(page, 'counter-queue');

    await page.click('[data-test=call]');
    await expect.poll(() => page.textContent('[data-test=current-number]')).toBe(ticket.body.number);
    expect(await page.textContent('[data-test=header-ticket]')).toContain(ticket.body.number);
    await screenshot(page, 'counter-queue-called');
    await page.click('[data-test=start-intake]');
    await page.waitForURL(/\/counter\/intake$/);
    expect(await page.textContent('[data-test=intake-ticket]')).toContain(ticket.body.number);

    // a resident seen for the first time: the server asks for their phone, and the field appears
    await page.fill('#applicant-id', idNumberFrom('44030419850315003'));
    await page.fill('#applicant-name', '李四');
    await page.click('[data-test=identify]');
    await expect.poll(() => page.textContent('[data-test=applicant-message]')).toContain('首次登记');
    await page.fill('#applicant-phone', '13900000031');
    await page.click('[data-test=identify]');
    await expect.poll(() => page.textContent('[data-test=applicant]')).toContain('李*');
    expect(await page.textContent('[data-test=applicant]')).toContain('新登记');
    expect(await page.content()).not.toContain('440304198503150');

    await page.fill('[data-test=item-search]', 'dbsq');
    await page.click('[data-test=item-results] [data-code="MZ-001"]');
    await page.waitForSelector('[data-test=checklist]');
    expect(await page.locator('[data-test=material]').count()).toBe(6);
    await page.click('[data-test=tick-all]');
    await expect.poll(() => page.textContent('[data-test=submit]')).toBe('受理');
    await page.click('[data-material="最低生活保障申请书"] input');
    await expect.poll(() => page.textContent('[data-test=summary]')).toContain('最低生活保障申请书');
    await expect.poll(() => page.textContent('[data-test=submit]')).toBe('出具一次性告知书');
    await screenshot(page, 'counter-intake-checklist');

    await page.click('[data-test=submit]');
    await page.waitForSelector('[data-test=notice]');
    expect(await page.textContent('[data-test=result-state]')).toBe('待补正');
    expect(await page.textContent('[data-test=notice-title]')).toBe('一次性告知书');
    expect(await page.locator('[data-test=notice-material]').allTextContents()).toEqual([
      expect.stringContaining('最低生活保障申请书'),
    ]);
    const notice = (await page.textContent('[data-test=notice]'))!;
    expect(notice).toContain('李*');
    expect(notice).toContain('请您补齐上述材料后到窗口办理，我们将一次性受理');
    expect(notice).toContain('香岭社区党群服务中心');
    await page.waitForSelector('[data-test=notice-qr]');
    const caseNo = (await page.textContent('[data-test=result-case-no]'))!;
    await screenshot(page, 'counter-intake-result');
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('[data-test=print]')).toBe(false);
    await screenshot(page, 'counter-notice-print');
    await page.emulateMedia({ media: 'screen' });

    // the applicant comes back with it: every material ticked again, and the case is accepted
    await page.click('[data-test=open-case]');
    await page.waitForURL(new RegExp(`/counter/cases/${caseNo}$`));
    expect(await page.textContent('[data-test=case-state]')).toBe('待补正');
    await act(page, 'supplement', '已受理', async () => {
      expect(await page.isChecked('[data-material="户口簿"] input')).toBe(true);
      expect(await page.isChecked('[data-material="最低生活保障申请书"] input')).toBe(false);
      await page.click('[data-material="最低生活保障申请书"] input');
      await screenshot(page, 'counter-supplement-dialog');
    });
    expect(await page.textContent('[data-test=case-trips]')).toContain('2');
    await screenshot(page, 'counter-case-detail');
    await act(page, 'complete', '已办结');
    await act(page, 'deliver', '已送达', () => page.selectOption('[data-test=channel]', 'onsite'));
    // handed over during the visit: no third trip
    expect(await page.textContent('[data-test=case-trips]')).toContain('2');
    expect(await page.locator('[data-test=history] li').count()).toBe(4);
    expect(await page.textContent('[data-test=actions]')).toContain('当前没有您可以进行的操作');
    // the one complaint: the 400 that asked for the new resident's phone
    expect(errors).toEqual([expect.stringContaining('400')]);
    await page.close();
  });

  it('lists the centre’s cases with their time-limit state in colour and words, and keeps the list live', async () => {
    // the workbench is open first: time-limit alerts are heard live, not replayed
    const page = await browser.newPage({ viewport: VIEWPORT });
    const errors = watchErrors(page);
    await signIn(page, 'counter01');
    await page.click('[data-test=nav-cases]');
    await page.waitForURL(/\/counter\/cases$/);
    // the list has answered (with whatever earlier tests left in it)
    await page.waitForSelector('[data-test=case-count]');

    const soon = await openAccepted('MZ-009'); // 当场办结: due today
    const late = await openAccepted('MZ-001');
    // accepted two months ago and due a month ago, as far as the time limit knows
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000);
    await world
      .db('affairs')
      .collection<{ _id: string }>('cases')
      .updateOne(
        { _id: late.caseNo },
        {
          $set: {
            openedAt: daysAgo(60),
            acceptedAt: daysAgo(60),
            due: daysAgo(30).toISOString().slice(0, 10),
          },
        },
      );
    // the direct write raised no event: read the list again. The live update may have drawn the row already, with
    // the time limit before the write, so wait for the new state rather than for the row
    await page.click('[data-test=refresh]');
    const sla = (caseNo: string) => page.getAttribute(`[data-case-no="${caseNo}"] [data-sla]`, 'data-sla');
    await expect.poll(() => sla(late.caseNo)).toBe('overdue');
    expect(await sla(soon.caseNo)).toBe('due_soon');
    expect(await page.textContent(`[data-case-no="${late.caseNo}"]`)).toContain('已超期');
    // the service's time-limit watch raises its alerts, and every page of the workbench shows them
    await expect.poll(() => page.textContent('[data-test=alerts]')).toContain(`办件 ${late.caseNo} 已超期`);
    await expect.poll(() => page.textContent('[data-test=alerts]')).toContain(`办件 ${soon.caseNo} 即将到期`);
    expect(await page.locator('[data-test=alert]').count()).toBe(2);
    // the centre's administrator signs in afterwards: the alerts still stand for them
    const later = await browser.newPage({ viewport: VIEWPORT });
    await signIn(later, 'centre01');
    await expect.poll(() => later.textContent('[data-test=alerts]')).toContain(`办件 ${late.caseNo} 已超期`);
    expect(await later.textContent('[data-test=alerts]')).toContain(`办件 ${soon.caseNo} 即将到期`);
    await screenshot(later, 'counter-alerts-standing');
    await later.close();

    // another window opens a case: it appears without a reload
    const fresh = await openAccepted('MZ-001');
    await page.waitForSelector(`[data-case-no="${fresh.caseNo}"]`, { timeout: 15_000 });
    expect(await sla(fresh.caseNo)).toBe('on_track');
    await screenshot(page, 'counter-case-list');

    await page.selectOption('[data-test=filter-sla]', 'overdue');
    await expect.poll(() => page.locator('[data-test=case-row]').count()).toBe(1);
    expect(await page.getAttribute('[data-test=case-row]', 'data-case-no')).toBe(late.caseNo);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a department reviewer their inbox, and refuses a step on a case that moved on meanwhile', async () => {
    const opened = await openAccepted('MZ-001');
    const assigned = await api<CaseView>('POST', `/affairs/cases/${opened.caseNo}/actions`, {
      action: 'assign',
      revision: 1,
      assignee: { kind: 'department', name: '福田区民政局' },
    });
    expect(assigned.body.state).toBe('assigned');

    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, 'dept01');
    expect(await page.isVisible('[data-test=nav-queue]')).toBe(false);
    await page.click('[data-test=nav-inbox]');
    await page.click(`[data-case-no="${opened.caseNo}"]`);
    await page.waitForURL(new RegExp(`/counter/cases/${opened.caseNo}$`));
    await page.waitForSelector('[data-test=actions] [data-action]');
    expect(await page.locator('[data-test=actions] [data-action]').allTextContents()).toEqual([
      '办结',
      '要求补正',
      '退件',
    ]);
    await screenshot(page, 'counter-dept-case');

    // a return needs a reason the applicant will read
    await page.click('[data-action=return]');
    await page.click('[data-test=action-confirm]');
    await expect.poll(() => page.textContent('[data-test=action-dialog]')).toContain('须写明原因');
    await page.fill('#reason', '申请人户籍不在本区，请到户籍所在地申请');
    // meanwhile the window finishes the case: the reviewer's step is refused with what happened, not applied
    expect(
      (
        await api<CaseView>('POST', `/affairs/cases/${opened.caseNo}/actions`, {
          action: 'complete',
          revision: 2,
        })
      ).body.state,
    ).toBe('completed');
    await expect.poll(() => page.textContent('[data-test=case-state]')).toBe('已办结');
    expect(await page.inputValue('#reason')).toBe('申请人户籍不在本区，请到户籍所在地申请');
    await page.click('[data-test=action-confirm]');
    await expect.poll(() => page.textContent('[data-test=detail-outcome]')).toContain('刚被其他工作人员');
    expect(await page.isVisible('[data-test=action-dialog]')).toBe(false);
    expect(await page.textContent('[data-test=case-state]')).toBe('已办结');
    await screenshot(page, 'counter-dept-conflict');
    expect(errors).toEqual([expect.stringContaining('409')]);
    await context.close();
  });
  it('lets the centre administrator answer a 差评 within its deadline', async () => {
    const opened = await openAccepted('MZ-001');
    await api('POST', `/affairs/cases/${opened.caseNo}/actions`, { action: 'complete', revision: 1 });
    await api('POST', `/affairs/cases/${opened.caseNo}/actions`, {
      action: 'deliver',
      revision: 2,
      channel: 'mail',
    });
    const rated = await api<CaseView>(
      'POST',
      `/affairs/cases/${opened.caseNo}/rating`,
      { score: 2, comment: '排队时间太长' },
      await world.residentHeaders('resident-e2e'),
    );
    expect(rated.body.state).toBe('rated');

    const page = await browser.newPage({ viewport: VIEWPORT });
    const errors = watchErrors(page);
    await signIn(page, 'centre01');
    await page.click('[data-test=nav-rectifications]');
    expect(await page.textContent(`[data-case-no="${opened.caseNo}"]`)).toContain('待答复');
    await page.click(`[data-case-no="${opened.caseNo}"]`);
    expect(await page.textContent('[data-test=rating]')).toContain('不满意');
    expect(await page.textContent('[data-test=rating]')).toContain('排队时间太长');
    await page.fill('#answer', '已回访申请人，高峰时段加开一个综合窗口');
    await screenshot(page, 'counter-rectification');
    await page.click('[data-test=submit-answer]');
    await expect
      .poll(() => page.textContent('[data-test=rectification]'))
      .toContain('高峰时段加开一个综合窗口');
    expect(await page.isVisible('#answer')).toBe(false);

    await page.click('[data-test=back]');
    await expect.poll(() => page.textContent(`[data-case-no="${opened.caseNo}"]`)).toContain('已答复');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('records 容缺 materials brought to the window as a second trip, and shows how the result was delivered', async () => {
    const item = await api<{ materials: { name: string; deferrable: boolean }[] }>(
      'GET',
      '/catalogue/items/MZ-001',
    );
    const deferrable = item.body.materials.find((m) => m.deferrable)!.name;
    const opened = await api<CaseView>(
      'POST',
      '/affairs/cases',
      {
        centreId: CENTRE,
        itemCode: 'MZ-001',
        residentId: 'resident-e2e',
        idTail: '12345X',
        materials: item.body.materials.map((m) => ({ name: m.name, provided: m.name !== deferrable })),
      },
      { 'idempotency-key': `e2e-deferred-${Date.now()}` },
    );
    expect(opened.body.deferred.names).toEqual([deferrable]);

    const page = await browser.newPage({ viewport: VIEWPORT });
    const errors = watchErrors(page);
    await signIn(page, 'counter01');
    await page.goto(`${gateway()}/counter/cases/${opened.body.caseNo}`);
    await page.click('[data-test=deferred-in-person]');
    await expect.poll(() => page.textContent('[data-test=history]')).toContain('补交容缺材料');
    expect(await page.isVisible('[data-test=deferred-in-person]')).toBe(false);
    await act(page, 'complete', '已办结');
    await act(page, 'deliver', '已送达', () => page.selectOption('#channel', 'mail'));
    expect(await page.textContent('[data-test=delivered-via]')).toBe('邮寄送达');
    const after = await api<CaseView>('GET', `/affairs/cases/${opened.body.caseNo}`);
    expect(after.body).toMatchObject({ trips: 2, deferred: { supplied: true } });
    expect(errors).toEqual([]);
    await page.close();
  });
});
