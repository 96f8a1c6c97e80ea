import type { CaseView, TicketView } from '@psc/contracts/affairs';
import type { RunningApp } from '@psc/testing';
import { waitFor } from '@psc/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';
import { idNumberFrom, launchBrowser, reportFailures, screenshot, tapKeys, watchErrors } from './browser';
import { signInAtKiosk } from './screens';

const CENTRE = 'sz/futian/xiangmihu/c-001';
// a portrait floor-standing kiosk, and the TV over the hall
const KIOSK_VIEWPORT = { width: 1080, height: 1920 };
const HALL_VIEWPORT = { width: 1920, height: 1080 };
// the resident's own phone, opening the link texted on delivery
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/**
 * The resident kiosk's side of 办件 in Chromium against the real services: 取号 by touch with the ticket and the hall
 * display following the windows' calls live, progress by case number and the last 6 of the ID number (also as the
 * 一次性告知书's QR code opens it), and a signed-in resident rating a delivered case.
 */
describe('the kiosk queue, progress and rating in the browser', () => {
  const world = new SystemWorld(inject('stack'));
  let browser: Browser;
  reportFailures(() => browser);
  let idleGateway: RunningApp;
  let counter: Record<string, string>;
  let materials: { name: string; deferrable: boolean }[];
  let keySeq = 0;

  const gateway = () => world.apps.gateway!.url;
  const api = (path: string) => `${gateway()}/api${path}`;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(api(path), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...counter, ...headers },
      body: JSON.stringify(body),
    });

  /** A resident registered at the counter, as the window does before intake. */
  async function registerResident(idNumber: string, phone: string) {
    const response = await post('/identity/residents/lookup', { idNumber, name: '张三', phone });
    expect(response.status).toBe(200);
    return (await response.json()) as { residentId: string; idTail: string };
  }

  /** 一窗受理 of 最低生活保障申请 with one required material missing: the case waits in 补正. */
  async function openCorrectingCase(resident: { residentId: string; idTail: string }) {
    const missing = materials.find((m) => !m.deferrable)!.name;
    const body = {
      centreId: CENTRE,
      itemCode: 'MZ-001',
      residentId: resident.residentId,
      idTail: resident.idTail,
      materials: materials.map((m) => ({ name: m.name, provided: m.name !== missing })),
    };
    const opened = await post('/affairs/cases', body, { 'idempotency-key': `kiosk-e2e-${++keySeq}` });
    expect(opened.status).toBe(201);
    const view = (await opened.json()) as CaseView;
    expect(view.state).toBe('correcting');
    return { view, missing };
  }

  async function act(caseNo: string, body: Record<string, unknown>): Promise<CaseView> {
    const response = await post(`/affairs/cases/${caseNo}/actions`, body);
    expect(response.status).toBe(200);
    return (await response.json()) as CaseView;
  }

  /** The resident comes back with everything; the window finishes the case and hands the result over. */
  async function deliveredCase(resident: { residentId: string; idTail: string }, channel: 'onsite' | 'mail') {
    const { view } = await openCorrectingCase(resident);
    const accepted = await act(view.caseNo, {
      action: 'supplement',
      revision: view.revision,
      materials: materials.map((m) => ({ name: m.name, provided: true })),
    });
    const completed = await act(view.caseNo, { action: 'complete', revision: accepted.revision });
    const delivered = await act(view.caseNo, { action: 'deliver', revision: completed.revision, channel });
    expect(delivered.state).toBe('delivered');
    return delivered;
  }

  const signIn = (page: Page, idNumber: string, phone: string) =>
    signInAtKiosk(page, gateway(), { idNumber, phone }, counter);

  beforeAll(async () => {
    await world.startAll(['catalogue', 'insight', 'identity', 'affairs'], {
      catalogue: { SEED_CATALOGUE: 'true' },
    });
    // a second gateway over the same services whose kiosks fall idle after 6 s
    idleGateway = await world.startIdleGateway(6);
    counter = { authorization: `Bearer ${await world.tokenFor('counter_staff', CENTRE)}` };
    materials = (
      (await (await fetch(api('/catalogue/items/MZ-001'))).json()) as {
        materials: { name: string; deferrable: boolean }[];
      }
    ).materials;
    // affairs learns the seeded items from Kafka: intake refuses MZ-001 until it has
    const probe = await registerResident(idNumberFrom('44030419700101001'), '13900000100');
    await waitFor(
      async () => {
        const response = await post(
          '/affairs/cases',
          {
            centreId: CENTRE,
            itemCode: 'MZ-001',
            residentId: probe.residentId,
            idTail: probe.idTail,
            materials: materials.map((m) => ({ name: m.name, provided: true })),
          },
          { 'idempotency-key': `kiosk-e2e-probe-${++keySeq}` },
        );
        if (response.status === 201) return true;
        const { code } = (await response.json()) as { code: string };
        if (code !== 'AFFAIRS.ITEM_NOT_AVAILABLE') throw new Error(`intake refused: ${code}`);
        return false;
      },
      { timeoutMs: 90_000, intervalMs: 500, what: 'affairs to know the seeded MZ-001' },
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await world.dispose();
  });

  it('takes a ticket by touch, prints it, and follows the calls on the ticket and the hall display live', async () => {
    const hall = await browser.newPage({ viewport: HALL_VIEWPORT });
    const hallErrors = watchErrors(hall);
    await hall.goto(`${gateway()}/kiosk/hall`);
    await hall.waitForSelector('[data-test=hall]');
    expect(await hall.isVisible('.top-bar')).toBe(false);

    // someone took a number in the same queue a moment earlier
    const first = (await (
      await post('/affairs/queue/tickets', { centreId: CENTRE, theme: 'civil-assistance' })
    ).json()) as TicketView;
    expect(first.number).toBe('B001');

    const kiosk = await browser.newPage({ viewport: KIOSK_VIEWPORT });
    const errors = watchErrors(kiosk);
    await kiosk.goto(`${gateway()}/kiosk/?kiosk=k-affairs-e2e`);
    await kiosk.click('[data-test=take-ticket]');
    await kiosk.waitForURL(/\/kiosk\/queue$/);
    await kiosk.waitForSelector('[data-test=queue-theme]');
    await screenshot(kiosk, 'kiosk-queue');
    expect(await kiosk.locator('[data-test=queue-theme]').count()).toBe(11);
    const civil = '[data-test=queue-theme][data-theme=civil-assistance]';
    await expect.poll(() => kiosk.textContent(civil)).toContain('1 人在等候');
    await kiosk.click(civil);
    await kiosk.waitForURL(/\/kiosk\/queue\/tickets\/[\w-]+$/);
    expect(await kiosk.textContent('[data-test=ticket-number]')).toBe('B002');
    expect(await kiosk.textContent('[data-test=ticket]')).toContain('民政救助');
    expect(await kiosk.textContent('[data-test=ahead]')).toBe('1 人');
    expect(await kiosk.textContent('[data-test=wait]')).toMatch(/约 \d+ 分钟/);
    expect(await kiosk.textContent('[data-test=watch-screen]')).toContain('请留意叫号屏幕');
    await screenshot(kiosk, 'kiosk-ticket');

    // the receipt printer gets the slip alone
    await kiosk.emulateMedia({ media: 'print' });
    expect(await kiosk.isVisible('[data-test=ticket-slip]')).toBe(true);
    expect(await kiosk.isVisible('.top-bar')).toBe(false);
    expect(await kiosk.isVisible('[data-test=print]')).toBe(false);
    const slip = await kiosk.textContent('[data-test=ticket-slip]');
    expect(slip).toContain('B002');
    expect(slip).toContain('香岭社区党群服务中心');
    await screenshot(kiosk, 'kiosk-ticket-print');
    await kiosk.emulateMedia({ media: 'screen' });

    // window 2 calls the first in line: this ticket moves up, with no reload
    expect((await post('/affairs/queue/call', { centreId: CENTRE, window: '2' })).status).toBe(200);
    await expect.poll(() => kiosk.textContent('[data-test=ahead]')).toBe('下一位就是您');
    await expect.poll(() => hall.textContent('[data-test=hall-now]')).toContain('请 B001 号到 2 号窗口');

    // window 3 calls next: it is this ticket's turn, on the kiosk and on the hall display
    const called = await post('/affairs/queue/call', {
      centreId: CENTRE,
      window: '3',
      themes: ['civil-assistance'],
    });
    const calledTicket = (await called.json()) as TicketView;
    expect(calledTicket.number).toBe('B002');
    await expect.poll(() => kiosk.textContent('[data-test=ticket-called]')).toContain('请到 3 号窗口办理');
    await expect.poll(() => hall.textContent('[data-test=hall-now]')).toContain('请 B002 号到 3 号窗口');
    expect(await hall.textContent('[data-test=hall-calls]')).toContain('B001');
    await screenshot(kiosk, 'kiosk-ticket-called');

    // a number in another queue is counted on the display; a recall shows the call again, marked as such
    await post('/affairs/queue/tickets', { centreId: CENTRE, theme: 'social-security' });
    await expect.poll(() => hall.textContent('[data-test=hall-waiting]')).toContain('社会保障');
    expect((await post(`/affairs/queue/tickets/${calledTicket.ticketId}/recall`, {})).status).toBe(200);
    await expect.poll(() => hall.textContent('[data-test=hall-now]')).toContain('再次呼叫');
    expect(await hall.textContent('[data-test=hall-now]')).toContain('请 B002 号到 3 号窗口');
    await screenshot(hall, 'kiosk-hall');

    // home drops the ticket: nothing of it is left for the next person
    await kiosk.click('[data-test=done]');
    await kiosk.waitForURL(`${gateway()}/kiosk/`);
    expect(await kiosk.content()).not.toContain('B002');
    expect(errors).toEqual([]);
    expect(hallErrors).toEqual([]);
    await kiosk.close();
    await hall.close();
  });

  it('looks a case up by number and the last 6 of the ID number, and as the notice QR code opens it', async () => {
    const idNumber = idNumberFrom('44030419850312004');
    const resident = await registerResident(idNumber, '13900000101');
    const { view, missing } = await openCorrectingCase(resident);
    const wrongTail = resident.idTail.startsWith('9')
      ? `8${resident.idTail.slice(1)}`
      : `9${resident.idTail.slice(1)}`;

    const kiosk = await browser.newPage({ viewport: KIOSK_VIEWPORT });
    const errors = watchErrors(kiosk);
    await kiosk.goto(`${gateway()}/kiosk/`);
    await kiosk.click('[data-test=progress]');
    await kiosk.waitForURL(/\/kiosk\/progress$/);
    await tapKeys(kiosk, '.base-keypad', view.caseNo);
    // the number is complete: the keypad has moved on to the ID tail by itself
    await tapKeys(kiosk, '.base-keypad', wrongTail);
    await kiosk.click('[data-test=lookup]');
    await expect
      .poll(() => kiosk.textContent('[data-test=failure]'))
      .toContain('办件编号或身份证号码后 6 位不正确，请核对后重试');
    await screenshot(kiosk, 'kiosk-progress-wrong');

    await tapKeys(kiosk, '.base-keypad', resident.idTail);
    await kiosk.click('[data-test=lookup]');
    await kiosk.waitForSelector('[data-test=case-progress]');
    expect(await kiosk.textContent('[data-test=case-item]')).toBe('最低生活保障申请');
    expect(await kiosk.textContent('[data-test=case-state]')).toBe('待补正');
    expect(await kiosk.textContent('[data-test=missing]')).toContain('请带齐以下材料到窗口');
    expect(await kiosk.locator('[data-test=missing-material]').allTextContents()).toEqual([missing]);
    const steps = await kiosk.locator('[data-test=step]').allTextContents();
    expect(steps).toHaveLength(1);
    expect(steps[0]).toContain('窗口收件');
    expect(steps[0]).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d/);
    await screenshot(kiosk, 'kiosk-progress');

    await kiosk.click('[data-test=elder]');
    await screenshot(kiosk, 'kiosk-progress-elder');
    await kiosk.click('[data-test=language]');
    expect(await kiosk.textContent('[data-test=case-state]')).toBe('Materials missing');
    expect(await kiosk.textContent('[data-test=missing]')).toContain('Please bring these to the counter');
    await kiosk.click('[data-test=language]');
    await kiosk.click('[data-test=elder]');

    // the QR code on the 一次性告知书 brings the case number: only the last 6 are asked for
    await kiosk.goto(`${gateway()}/kiosk/progress?caseNo=${view.caseNo}`);
    expect(await kiosk.textContent('#case-no')).toContain(view.caseNo);
    expect(await kiosk.getAttribute('#id-tail', 'aria-pressed')).toBe('true');
    await tapKeys(kiosk, '.base-keypad', resident.idTail);
    await kiosk.click('[data-test=lookup]');
    await kiosk.waitForSelector('[data-test=case-progress]');
    expect(await kiosk.textContent('[data-test=case-state]')).toBe('待补正');

    // the wrong pair's 404 is the only complaint the console may carry
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await kiosk.close();
  });

  it('lets a signed-in resident rate a delivered case once, with a tapped comment', async () => {
    const idNumber = idNumberFrom('44030419900720005');
    const phone = '13900000102';
    const view = await deliveredCase(await registerResident(idNumber, phone), 'onsite');

    const kiosk = await browser.newPage({ viewport: KIOSK_VIEWPORT });
    const errors = watchErrors(kiosk);
    await signIn(kiosk, idNumber, phone);
    await kiosk.click('[data-test=my-cases]');
    await kiosk.waitForURL(/\/kiosk\/me\/cases$/);
    const row = `[data-test=my-case][data-case="${view.caseNo}"]`;
    await kiosk.waitForSelector('[data-test=my-cases], [data-test=cases-empty], [data-test=load-failure]');
    expect(await kiosk.textContent('main')).toContain(view.caseNo);
    await screenshot(kiosk, 'kiosk-my-cases');
    expect(await kiosk.textContent(`${row} [data-test=my-case-state]`)).toBe('已送达');
    await kiosk.click(`${row} [data-test=show-progress]`);
    expect(await kiosk.locator(`${row} [data-test=step]`).count()).toBe(4);
    await kiosk.click(`${row} [data-test=rate]`);
    await kiosk.waitForURL(/\/kiosk\/me\/cases\/\d{11}\/rating$/);
    await kiosk.waitForSelector('[data-test=score]');
    expect(await kiosk.locator('[data-test=score]').allTextContents()).toEqual([
      expect.stringContaining('非常满意'),
      expect.stringContaining('满意'),
      expect.stringContaining('基本满意'),
      expect.stringContaining('不满意'),
      expect.stringContaining('非常不满意'),
    ]);
    await kiosk.click('[data-test=score][data-score="2"]');
    await kiosk.click('[data-test=preset][data-preset=longWait]');
    await kiosk.click('[data-test=preset][data-preset=unclearMaterials]');
    expect(await kiosk.getAttribute('[data-score="2"]', 'aria-checked')).toBe('true');
    await screenshot(kiosk, 'kiosk-rating');
    await kiosk.click('[data-test=elder]');
    await screenshot(kiosk, 'kiosk-rating-elder');
    await kiosk.click('[data-test=elder]');

    await kiosk.click('[data-test=submit-rating]');
    await kiosk.waitForSelector('[data-test=rating-thanks]');
    expect(await kiosk.textContent('[data-test=rating-thanks]')).toContain('不满意');
    expect(await kiosk.textContent('[data-test=rectification-promise]')).toBe(
      '我们会在 5 个工作日内联系您并整改',
    );
    await screenshot(kiosk, 'kiosk-rating-thanks');

    const stored = (await (
      await fetch(api(`/affairs/cases/${view.caseNo}`), { headers: counter })
    ).json()) as CaseView;
    expect(stored.state).toBe('rated');
    expect(stored.rating).toMatchObject({ score: 2, comment: '等待时间长；材料要求不清楚' });

    // once is all: the list says 已评价 and offers no second rating
    await kiosk.click('[data-test=back-to-cases]');
    await kiosk.waitForSelector(row);
    expect(await kiosk.textContent(`${row} [data-test=my-case-state]`)).toBe('已评价');
    expect(await kiosk.locator(`${row} [data-test=rate]`).count()).toBe(0);
    await kiosk.goto(`${gateway()}/kiosk/`);
    expect(errors).toEqual([]);
    await kiosk.close();
  });

  it('rates a delivered case from the link texted to the applicant’s phone, which no idle reset takes away', async () => {
    const resident = await registerResident(idNumberFrom('44030419881212007'), '13900000104');
    const view = await deliveredCase(resident, 'mail');

    let text = '';
    await waitFor(
      async () => {
        const sent = (await (await fetch(api('/identity/dev/sms'), { headers: counter })).json()) as {
          to: string;
          text: string;
        }[];
        text = sent.find((m) => m.to === '139****0104' && m.text.includes(view.caseNo))?.text ?? '';
        return text !== '';
      },
      { what: 'the rating text' },
    );
    const link = new URL(/https?:\/\/\S+$/.exec(text)?.[0] ?? '');
    const phone = await browser.newPage(PHONE);
    const errors = watchErrors(phone);
    // the gateway whose kiosks fall idle after 6 s: a page on the resident's own phone is left alone
    await phone.goto(`${idleGateway.url}${link.pathname}${link.search}`);
    await phone.waitForSelector('[data-test=rate-case]');
    expect(await phone.textContent('[data-test=rate-case]')).toContain('最低生活保障');
    await phone.waitForTimeout(7500);
    expect(new URL(phone.url()).pathname).toBe(link.pathname);
    await phone.tap('[data-test=score][data-score="5"]');
    await phone.tap('[data-test=preset][data-preset=oneTrip]');
    await screenshot(phone, 'kiosk-rating-link-phone');
    await phone.tap('[data-test=submit-rating]');
    await phone.waitForSelector('[data-test=rating-thanks]');
    expect(await phone.locator('[data-test=back-to-cases]').count()).toBe(0);
    await screenshot(phone, 'kiosk-rating-link-thanks');
    const stored = (await (
      await fetch(api(`/affairs/cases/${view.caseNo}`), { headers: counter })
    ).json()) as CaseView;
    expect(stored).toMatchObject({ state: 'rated', rating: { score: 5, comment: '一次就办成', via: 'sms' } });

    // the link again, or altered: said plainly, with no retry that could not help
    await phone.reload();
    await phone.waitForSelector('[data-test=cannot-rate]');
    expect(await phone.textContent('[data-test=cannot-rate]')).toBe('该办件已评价，或尚未送达，暂时不能评价');
    expect(errors).toEqual([]);
    await phone.goto(`${idleGateway.url}${link.pathname}?t=${'x'.repeat(22)}`);
    await phone.waitForSelector('[data-test=cannot-rate]');
    expect(await phone.textContent('[data-test=cannot-rate]')).toContain('评价链接不正确');
    await screenshot(phone, 'kiosk-rating-link-wrong');
    // the browser logs the refused request itself; the page raised nothing
    expect(errors).toEqual([expect.stringContaining('404 (Not Found)')]);
    await phone.close();
  });

  it('forgets a looked-up case when the kiosk is left idle', async () => {
    const resident = await registerResident(idNumberFrom('44030419650505006'), '13900000103');
    const { view } = await openCorrectingCase(resident);
    const base = `${idleGateway.url}/kiosk/`;
    const kiosk = await browser.newPage({ viewport: KIOSK_VIEWPORT });
    await kiosk.goto(`${base}progress?caseNo=${view.caseNo}`);
    await tapKeys(kiosk, '.base-keypad', resident.idTail);
    await kiosk.click('[data-test=lookup]');
    await kiosk.waitForSelector('[data-test=case-progress]');

    await kiosk.waitForSelector('[data-test=idle-warning]', { timeout: 10_000 });
    await kiosk.waitForURL(base, { timeout: 10_000 });
    expect(await kiosk.content()).not.toContain(view.caseNo);
    await kiosk.close();
  });
});
