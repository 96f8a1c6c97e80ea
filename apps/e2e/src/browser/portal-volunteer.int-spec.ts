import type { OrganiserActivityView } from '@psc/contracts/volunteer';
import { maskPhone } from '@psc/util';
import { waitFor } from '@psc/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';
import { idNumberFrom, launchBrowser, reportFailures, screenshot, tapKeys, watchErrors } from './browser';
import { identifyAtKiosk } from './screens';

const CENTRE = 'sz/futian/xiangmihu/c-001';
const DESK = { width: 1280, height: 800 };
const HOUR = 3600_000;
const ID_NUMBER = idNumberFrom('44030419850202003');
const PHONE = '13900000301';

/** "YYYY-MM-DD HH:mm" in Shanghai, as the organiser types it into the date picker. */
const typed = (at: number) => new Date(at + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The portal's volunteering pages in Chromium against the real identity and volunteer services: the centre's
 * administrator publishes an activity and gets its code to print; a resident signs in to the portal with the kiosk's
 * one-time code, registers and joins; checks in and out at the kiosk by the code; the organiser sees the attendance
 * and approves it, closes a check-out the volunteer forgot on an earlier activity and approves that; the volunteer
 * reads the credited hours. A certificate token that was tampered with is reported as not genuine.
 */
describe('volunteering in the portal', () => {
  const world = new SystemWorld(inject('stack'));
  let browser: Browser;
  reportFailures(() => browser);
  let counter: Record<string, string>;
  let residentId: string;
  const gateway = () => world.apps.gateway!.url;
  const api = (path: string) => `${gateway()}/api${path}`;

  async function desk(): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({
      viewport: DESK,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    return { page, errors: watchErrors(page) };
  }

  beforeAll(async () => {
    // socialorg too: an administrator lands on the organisation registry, and a service not running answers 503
    await world.startAll(['catalogue', 'identity', 'volunteer', 'socialorg'], {
      catalogue: { SEED_CATALOGUE: 'true' },
    });
    counter = { authorization: `Bearer ${await world.tokenFor('counter_staff', CENTRE)}` };
    // 张三, known to identity (the window registered them; the kiosk helper types this name); becoming a volunteer is
    // the portal's step
    const looked = await fetch(api('/identity/residents/lookup'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...counter },
      body: JSON.stringify({ idNumber: ID_NUMBER, name: '张三', phone: PHONE }),
    });
    expect(looked.status).toBe(200);
    ({ residentId } = (await looked.json()) as { residentId: string });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await world.dispose();
  });

  it('goes from publishing to credited hours across the portal and the kiosk', async () => {
    // the volunteer signs in with the one-time code and registers
    const volunteer = await desk();
    const v = volunteer.page;
    await v.goto(`${gateway()}/portal/volunteer`);
    await v.fill('#name', '张三');
    await v.fill('#id-number', ID_NUMBER);
    await screenshot(v, 'portal-volunteer-login');
    await v.click('[data-test=send-code]');
    const codeSentAt = Date.now();
    await expect.poll(() => v.textContent('[data-test=sent]')).toContain(maskPhone(PHONE));
    const code = await waitFor(
      async () => {
        const sms = (await (await fetch(api('/identity/dev/sms'), { headers: counter })).json()) as {
          to: string;
          text: string;
        }[];
        const text = sms.find((m) => m.to === maskPhone(PHONE))?.text;
        return text ? /验证码为 (\d{6})/.exec(text)?.[1] : undefined;
      },
      { what: 'the portal sign-in code in the development SMS log' },
    );
    await v.fill('#code', code);
    await v.click('[data-test=verify]');
    await v.fill('#real-name', '张三');
    await v.fill('#centre', CENTRE);
    await v.click('[data-test=register]');
    await v.waitForSelector('[data-test=tabs]');

    // the organiser publishes and is shown the code and QR code to print
    const organiser = await desk();
    const o = organiser.page;
    await o.goto(`${gateway()}/portal/`);
    await o.fill('#username', 'centre01');
    await o.fill('#password', world.seedPassword);
    await o.click('[data-test=login]');
    await o.click('[data-nav=admin-activities]');
    await o.click('[data-test=publish]');
    await o.click('[data-test=publish-confirm]');
    await expect.poll(() => o.textContent('[data-test=form-error]')).toContain('请填写活动名称');
    await o.fill('#title', '社区环境清洁日');
    await o.fill('#organiser-name', '香蜜湖党群服务中心');
    await o.fill('#place', '香蜜湖社区广场');
    const now = Date.now();
    const range = o.locator('[data-test=publish-dialog] .el-range-input');
    await range.nth(0).fill(typed(now - HOUR));
    await range.nth(1).fill(typed(now + 2 * HOUR));
    await range.nth(1).press('Enter');
    await screenshot(o, 'portal-organiser-publish');
    await o.click('[data-test=publish-confirm]');
    await o.waitForURL(/\/portal\/organiser\/activities\/[^/]+$/);
    const activityId = o.url().split('/').pop()!;
    await expect.poll(() => o.textContent('[data-test=code]')).toMatch(/^\d{6}$/);
    const activityCode = (await o.textContent('[data-test=code]'))!;
    expect(await o.locator('[data-test=poster] img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await screenshot(o, 'portal-organiser-activity');

    // the volunteer joins in the portal
    // the list was read before publishing: going away and back remounts it, but only once the hours page has come —
    // clicking back while its chunk still loads cancels that navigation and leaves the old, empty list standing
    await v.click('[data-nav=volunteer-hours]');
    await v.waitForSelector('[data-test=hours]');
    await v.click('[data-nav=volunteer-activities]');
    await v.click(`[data-activity="${activityId}"] [data-test=join]`);
    await expect.poll(() => v.textContent(`[data-activity="${activityId}"]`)).toContain('已报名');
    await screenshot(v, 'portal-volunteer-activities');

    // and checks in and out at the kiosk by tapping the code: identity sends one code per ID number a minute, so the
    // kiosk's waits that out rather than the rule being loosened for the test
    await v.waitForTimeout(Math.max(0, codeSentAt + 61_000 - Date.now()));
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(`${gateway()}/kiosk/?kiosk=k-portal-volunteer-e2e`);
    await kiosk.click('[data-test=volunteer]');
    await kiosk.click('[data-test=check-in]');
    await tapKeys(kiosk, '.base-keypad', activityCode);
    await kiosk.click('[data-test=submit-code]');
    await identifyAtKiosk(kiosk, gateway(), { idNumber: ID_NUMBER, phone: PHONE }, counter);
    await expect.poll(() => kiosk.textContent('[data-test=attended]')).toContain('签到成功');
    await kiosk.click('[data-test=done]');
    await kiosk.click('[data-test=check-out]');
    await tapKeys(kiosk, '.base-keypad', activityCode);
    await kiosk.click('[data-test=submit-code]');
    await expect.poll(() => kiosk.textContent('[data-test=attended]')).toContain('签退成功');

    // the organiser sees it waiting and approves (minutes later, so it is under a quarter hour: nothing to credit)
    await o.reload();
    await expect.poll(() => o.textContent('[data-test=attendance]')).toBe('待审核');
    await o.click('[data-test=approve]');
    await expect.poll(() => o.textContent('[data-test=notice]')).toContain('已审核 1 人的时长');
    expect(await o.textContent('[data-test=attendance]')).toBe('已审核');
    await screenshot(o, 'portal-organiser-approved');

    // an earlier activity the volunteer checked in to at its start and never checked out of (live time cannot be
    // wound back, so the check-in at the start is recorded as the organiser would record it)
    const admin = { authorization: `Bearer ${await world.tokenFor('centre_admin', CENTRE)}` };
    const startsAt = new Date(Date.now() - 2 * HOUR).toISOString();
    const earlier = (await (
      await fetch(api('/volunteer/activities'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...admin },
        body: JSON.stringify({
          title: '长者助餐服务',
          centreId: CENTRE,
          organiserName: '香蜜湖党群服务中心',
          place: '社区长者食堂',
          startsAt,
          endsAt: new Date(Date.now() + HOUR).toISOString(),
          capacity: 5,
        }),
      })
    ).json()) as OrganiserActivityView;
    const joined = await fetch(api(`/volunteer/activities/${earlier.activityId}/signups`), {
      method: 'POST',
      headers: await world.residentHeaders(residentId),
    });
    expect(joined.status).toBe(201);
    const checkedIn = await fetch(
      api(`/volunteer/activities/${earlier.activityId}/attendance/${residentId}`),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...admin },
        body: JSON.stringify({ step: 'check_in', at: startsAt }),
      },
    );
    expect(checkedIn.status).toBe(200);

    await o.goto(`${gateway()}/portal/organiser/activities/${earlier.activityId}`);
    await expect.poll(() => o.textContent('[data-test=forgotten]')).toContain('有 1 人签到后未签退');
    await o.click('[data-test=close]');
    await o.fill('#close-reason', '志愿者忘记签退，已电话核实');
    await o.click('[data-test=close-confirm]');
    await expect.poll(() => o.textContent('[data-test=attendance]')).toContain('待审核');
    await screenshot(o, 'portal-organiser-closed');
    await o.click('[data-test=approve]');
    await expect.poll(() => o.textContent('[data-test=notice]')).toContain('已审核 1 人的时长');

    // the volunteer reads the two hours credited
    await v.click('[data-nav=volunteer-hours]');
    await expect.poll(() => v.textContent('[data-test=credit]')).toBe('2');
    expect(await v.textContent('[data-test=honour]')).toBe('0');
    expect(await v.textContent('[data-test=hours]')).toContain('信用时长');
    expect(await v.textContent('.el-table')).toContain('长者助餐服务');
    await screenshot(v, 'portal-volunteer-hours');
    // the volunteer pages ask "am I registered?" (404 before registering) and "did I sign up?" (409 where not);
    // Chromium logs those answers, and nothing else may fail
    const unexpected = [...volunteer.errors, ...organiser.errors].filter(
      (e) => !/status of (404|409)\b/.test(e),
    );
    expect(unexpected).toEqual([]);
  });

  it('reports a tampered certificate code as not genuine', async () => {
    const { page } = await desk();
    await page.goto(`${gateway()}/portal/verify?t=${'eyJhbGciOiJFZERTQSJ9.e30.'.padEnd(60, 'A')}`);
    await expect.poll(() => page.textContent('[data-test=verdict]')).toContain('核验未通过');
    await screenshot(page, 'portal-certificate-forged');
  });
});
