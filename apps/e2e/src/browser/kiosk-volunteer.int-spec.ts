import type { OrganiserActivityView, SignupView } from '@psc/contracts/volunteer';
import type { RunningApp } from '@psc/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';
import { idNumberFrom, launchBrowser, reportFailures, screenshot, tapKeys, watchErrors } from './browser';
import { identifyAtKiosk } from './screens';

const CENTRE = 'sz/futian/xiangmihu/c-001';
const KIOSK_VIEWPORT = { width: 1080, height: 1920 };
const HOUR = 3600_000;
const ID_NUMBER = idNumberFrom('44030419800101002');
const PHONE = '13900000201';

/**
 * 志愿服务 at the kiosk in Chromium against the real services: a volunteer finds today's activity, checks in by
 * tapping its 6-digit code and then identifying, checks out the same way, and sees the
 * hours screen; a kiosk left with a code half typed wipes it.
 */
describe('volunteering at the kiosk in the browser', () => {
  const world = new SystemWorld(inject('stack'));
  let browser: Browser;
  reportFailures(() => browser);
  let idleGateway: RunningApp;
  let admin: Record<string, string>;
  let counter: Record<string, string>;
  let activity: OrganiserActivityView;

  const gateway = () => world.apps.gateway!.url;
  const api = (path: string) => `${gateway()}/api${path}`;

  beforeAll(async () => {
    await world.startAll(['catalogue', 'identity', 'volunteer'], { catalogue: { SEED_CATALOGUE: 'true' } });
    idleGateway = await world.startIdleGateway(6);
    admin = { authorization: `Bearer ${await world.tokenFor('centre_admin', CENTRE)}` };
    counter = { authorization: `Bearer ${await world.tokenFor('counter_staff', CENTRE)}` };
    const now = Date.now();
    const published = await fetch(api('/volunteer/activities'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...admin },
      body: JSON.stringify({
        title: '长者食堂助餐服务',
        centreId: CENTRE,
        organiserName: '香蜜湖党群服务中心',
        place: '社区长者食堂',
        startsAt: new Date(now - HOUR).toISOString(),
        endsAt: new Date(now + 2 * HOUR).toISOString(),
        capacity: 10,
        category: 'service',
      }),
    });
    expect(published.status).toBe(201);
    activity = (await published.json()) as OrganiserActivityView;
    // the volunteer registered with the real name beforehand (the portal's or the window's step)
    const looked = await fetch(api('/identity/residents/lookup'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...counter },
      body: JSON.stringify({ idNumber: ID_NUMBER, name: '张三', phone: PHONE }),
    });
    expect(looked.status).toBe(200);
    const { residentId } = (await looked.json()) as { residentId: string };
    const registered = await fetch(api('/volunteer/volunteers/me'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await world.residentHeaders(residentId)) },
      body: JSON.stringify({ name: '张三', centreId: CENTRE }),
    });
    expect(registered.status).toBe(201);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await world.dispose();
  });

  it('checks a volunteer in and out by tapping the code, identifying once', async () => {
    const page = await browser.newPage({ viewport: KIOSK_VIEWPORT });
    const errors = watchErrors(page);
    await page.goto(`${gateway()}/kiosk/?kiosk=k-volunteer-e2e`);
    await page.click('[data-test=volunteer]');
    await page.waitForURL(/\/kiosk\/volunteer$/);
    await expect.poll(() => page.textContent('[data-test=activities]')).toContain('长者食堂助餐服务');
    await screenshot(page, 'kiosk-volunteer-home');

    await page.click('[data-test=check-in]');
    await tapKeys(page, '.base-keypad', activity.code);
    await screenshot(page, 'kiosk-volunteer-code');
    await page.click('[data-test=submit-code]');
    await page.waitForURL(/\/kiosk\/identify\?next=/);
    await identifyAtKiosk(page, gateway(), { idNumber: ID_NUMBER, phone: PHONE }, counter);
    // back on the check-in with the code kept, which goes through on its own
    await page.waitForURL(/\/kiosk\/volunteer\/attend\/in\?code=\d{6}$/);
    await expect.poll(() => page.textContent('[data-test=attended]')).toContain('签到成功');
    await screenshot(page, 'kiosk-volunteer-checked-in');

    await page.click('[data-test=done]');
    await page.click('[data-test=check-out]');
    await tapKeys(page, '.base-keypad', activity.code);
    await page.click('[data-test=submit-code]');
    await expect.poll(() => page.textContent('[data-test=attended]')).toContain('签退成功');
    expect(await page.textContent('[data-test=served]')).toContain('待组织者审核');
    await screenshot(page, 'kiosk-volunteer-checked-out');

    const signups = (await (
      await fetch(api(`/volunteer/activities/${activity.activityId}/signups`), { headers: admin })
    ).json()) as SignupView[];
    expect(signups).toEqual([
      expect.objectContaining({ maskedName: '张*', state: 'confirmed', attendance: 'checked_out' }),
    ]);

    await page.click('[data-test=done]');
    await page.click('[data-test=my-hours]');
    await page.waitForSelector('[data-test=hours]');
    expect(await page.textContent('[data-test=star]')).toContain('尚未评星');
    await page.click('[data-test=elder]');
    await screenshot(page, 'kiosk-volunteer-hours-elder');
    expect(errors).toEqual([]);
  });

  it('wipes a half-typed code when the kiosk falls idle', async () => {
    const base = `${idleGateway.url}/kiosk/`;
    const page = await browser.newPage({ viewport: KIOSK_VIEWPORT });
    await page.goto(`${base}volunteer/attend/in`);
    await tapKeys(page, '.base-keypad', '98765');
    expect(await page.textContent('#activity-code')).toContain('98765');
    await page.waitForSelector('[data-test=idle-warning]', { timeout: 10_000 });
    await page.waitForURL(base, { timeout: 10_000 });
    expect(await page.content()).not.toContain('98765');
    await page.close();
  });
});
