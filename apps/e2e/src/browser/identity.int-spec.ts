import { maskIdNumber, maskPhone } from '@psc/util';
import type { RunningApp } from '@psc/testing';
import { waitFor } from '@psc/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';
import { idNumberFrom, launchBrowser, reportFailures, screenshot, tapKeys, watchErrors } from './browser';

/**
 * The kiosk and the counter in Chromium against the real services: a resident identifies with ID number, name and a
 * code (read, as a tester would, from the counter's development SMS page), staff sign in, and an idle kiosk forgets
 * the person who walked away.
 */
describe('identification in the browser', () => {
  const world = new SystemWorld(inject('stack'));
  let browser: Browser;
  reportFailures(() => browser);
  let idleGateway: RunningApp;

  beforeAll(async () => {
    // the kiosk's home shows its centre's catalogue: without the seed it would complain of a missing centre; the
    // workbench reads the alerts standing for its centre from affairs
    await world.startAll(['catalogue', 'insight', 'identity', 'affairs'], {
      catalogue: { SEED_CATALOGUE: 'true' },
    });
    // a second gateway over the same services whose kiosks fall idle after 6 s
    idleGateway = await world.startIdleGateway(6);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await world.dispose();
  });

  const gateway = () => world.apps.gateway!.url;

  async function signInAtCounter(page: Page, password = world.seedPassword) {
    await page.goto(`${gateway()}/counter/`);
    await page.waitForURL(/\/counter\/login/);
    await page.fill('#username', 'counter01');
    await page.fill('#password', password);
    await page.click('[data-test=login]');
  }

  /** Kiosk step 1, by touch only: ID number on the keypad, the name in pinyin, the phone number. */
  async function requestCode(page: Page, kioskUrl: string, idNumber: string, phone: string) {
    await page.goto(kioskUrl);
    await page.click('[data-test=identify]');
    await tapKeys(page, '.base-keypad', idNumber);
    await tapKeys(page, '.letter-keyboard', 'zhang');
    await page.click('[data-char="张"]');
    await tapKeys(page, '.letter-keyboard', 'san');
    await page.click('[data-char="三"]');
    await page.click('#phone');
    await tapKeys(page, '.base-keypad', phone);
    await page.click('[data-test=send-code]');
    await page.waitForURL(/\/kiosk\/identify\/code$/);
  }

  it('lets staff sign in to the counter, keeps them through a reload and signs them out', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);

    await signInAtCounter(page, 'not-the-password-1');
    await expect.poll(() => page.textContent('[data-test=failure]')).toContain('用户名或密码不正确');
    expect(await page.inputValue('#password')).toBe('');

    await page.fill('#password', world.seedPassword);
    await page.click('[data-test=login]');
    await page.waitForURL(`${gateway()}/counter/`);
    expect(await page.textContent('[data-test=greeting]')).toContain('窗口演示账号');
    expect(await page.textContent('[data-test=roles]')).toContain('窗口工作人员');
    await screenshot(page, 'counter-workbench');

    await page.reload();
    expect(await page.textContent('[data-test=greeting]')).toContain('窗口演示账号');

    await page.click('[data-test=logout]');
    await page.waitForURL(/\/counter\/login/);
    await page.goto(`${gateway()}/counter/`);
    await page.waitForURL(/\/counter\/login\?next=/);
    // the failed login's 401 is the only complaint the console may carry
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
    await page.close();
  });

  it('identifies a resident at the kiosk with ID number, name and a one-time code, and ends on their own page', async () => {
    const idNumber = idNumberFrom('11010519800101003');
    const phone = '13900000001';
    const kiosk = await browser.newPage({ viewport: { width: 1280, height: 1024 } });
    const errors = watchErrors(kiosk);

    // a wrong check digit is refused on the spot, in Chinese, before anything is sent
    await kiosk.goto(`${gateway()}/kiosk/?kiosk=k-e2e-1`);
    await kiosk.click('[data-test=identify]');
    const wrong = idNumber.slice(0, 17) + (idNumber.endsWith('0') ? '1' : '0');
    await tapKeys(kiosk, '.base-keypad', wrong);
    await kiosk.click('[data-test=send-code]');
    await expect.poll(() => kiosk.textContent('.base-field__error')).toContain('校验位不正确');

    await requestCode(kiosk, `${gateway()}/kiosk/?kiosk=k-e2e-1`, idNumber, phone);
    expect(await kiosk.textContent('.base-banner')).toContain(maskPhone(phone));
    await screenshot(kiosk, 'kiosk-code');

    // the tester reads the code where the counter shows development SMS
    const counter = await browser.newPage();
    await signInAtCounter(counter);
    await counter.click('[data-test=dev-sms]');
    const row = await waitFor(
      async () => {
        const text = await counter.textContent('[data-test=sms]').catch(() => null);
        return text?.includes(maskPhone(phone)) ? text : undefined;
      },
      { what: 'the code on the development SMS page' },
    );
    const code = /验证码为 (\d{6})/.exec(row)![1];
    await counter.close();

    await tapKeys(kiosk, '.base-keypad', code);
    await kiosk.click('[data-test=verify]');
    await kiosk.waitForURL(/\/kiosk\/me$/);
    expect(await kiosk.textContent('[data-test=welcome]')).toContain('张*');
    expect(await kiosk.textContent('[data-test=id-number]')).toBe(maskIdNumber(idNumber));
    expect(await kiosk.content()).not.toContain(idNumber);
    await screenshot(kiosk, 'kiosk-me');

    await kiosk.click('[data-test=logout]');
    await kiosk.waitForURL(`${gateway()}/kiosk/`);
    expect(await kiosk.textContent('[data-test=identify]')).toContain('身份核验');
    expect(errors).toEqual([]);
    await kiosk.close();
  });

  it('clears the resident session when the kiosk is left idle, on the screen and on the server', async () => {
    const idNumber = idNumberFrom('44030419750615002');
    const phone = '13900000002';
    const base = idleGateway.url;
    const kiosk = await browser.newPage({ viewport: { width: 1280, height: 1024 } });
    await requestCode(kiosk, `${base}/kiosk/?kiosk=k-e2e-2`, idNumber, phone);

    const staff = { authorization: `Bearer ${await world.tokenFor('counter_staff')}` };
    const sms = (await (await fetch(`${base}/api/identity/dev/sms`, { headers: staff })).json()) as {
      to: string;
      text: string;
    }[];
    const code = /验证码为 (\d{6})/.exec(sms.find((m) => m.to === maskPhone(phone))!.text)![1];

    await tapKeys(kiosk, '.base-keypad', code);
    const [response] = await Promise.all([
      kiosk.waitForResponse((r) => r.url().endsWith('/api/identity/residents/session')),
      kiosk.click('[data-test=verify]'),
    ]);
    const { accessToken } = (await response.json()) as { accessToken: string };
    const { kioskSession } = response.request().postDataJSON() as { kioskSession: string };
    await kiosk.waitForURL(/\/kiosk\/me$/);
    await kiosk.click('[data-test=elder]');
    expect(await kiosk.getAttribute('html', 'data-elder')).toBe('true');

    // nobody touches the screen: a warning first, then back to the start with nothing of this person left
    await kiosk.waitForSelector('[data-test=idle-warning]', { timeout: 10_000 });
    await screenshot(kiosk, 'kiosk-idle-warning');
    await kiosk.waitForURL(`${base}/kiosk/`, { timeout: 10_000 });
    expect(await kiosk.getAttribute('html', 'data-elder')).toBe('false');
    await kiosk.goto(`${base}/kiosk/me`);
    await kiosk.waitForURL(/\/kiosk\/identify$/);
    const fields = await kiosk.locator('.base-display').allTextContents();
    expect(fields.join('')).not.toMatch(/\d{6}/);

    const me = await fetch(`${base}/api/identity/residents/me`, {
      headers: { authorization: `Bearer ${accessToken}`, 'x-kiosk-session': kioskSession },
    });
    expect(me.status).toBe(401);
    expect(((await me.json()) as { code: string }).code).toBe('AUTH.SESSION_ENDED');
    await kiosk.close();
  });
});
