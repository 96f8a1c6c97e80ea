import type { NeedView } from '@psc/contracts/socialorg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';
import { idNumberFrom, launchBrowser, reportFailures, screenshot, tapKeys, watchErrors } from './browser';
import { identifyAtKiosk } from './screens';

const CENTRE = 'sz/futian/xiangmihu/c-001';
const KIOSK_VIEWPORT = { width: 1080, height: 1920 };
const ID_NUMBER = idNumberFrom('44030419800101003');
const PHONE = '13900000202';

/**
 * 三张清单 at the kiosk in Chromium against the real services: a resident identifies, posts a need typed on the
 * touch keyboard, is told on the spot when it is too short or carries a phone number, and sees it received.
 */
describe('posting a need at the kiosk in the browser', () => {
  const world = new SystemWorld(inject('stack'));
  let browser: Browser;
  reportFailures(() => browser);
  let counter: Record<string, string>;

  const gateway = () => world.apps.gateway!.url;

  beforeAll(async () => {
    await world.startAll(['catalogue', 'identity', 'socialorg'], { catalogue: { SEED_CATALOGUE: 'true' } });
    counter = { authorization: `Bearer ${await world.tokenFor('counter_staff', CENTRE)}` };
    // the resident is known to identity already, as after a visit to the window
    const looked = await fetch(`${gateway()}/api/identity/residents/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...counter },
      body: JSON.stringify({ idNumber: ID_NUMBER, name: '张三', phone: PHONE }),
    });
    expect(looked.status).toBe(200);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await world.dispose();
  });

  async function type(page: Page, pinyin: string, char: string) {
    await tapKeys(page, '.letter-keyboard', pinyin);
    await page.click(`[data-char="${char}"]`);
  }

  it('takes a need after identifying, refusing a short title and a phone number in its own words', async () => {
    const page = await browser.newPage({ viewport: KIOSK_VIEWPORT });
    const errors = watchErrors(page);
    await page.goto(`${gateway()}/kiosk/?kiosk=k-needs-e2e`);
    await page.click('[data-test=needs]');
    await page.waitForURL(/\/kiosk\/identify\?next=/);
    await identifyAtKiosk(page, gateway(), { idNumber: ID_NUMBER, phone: PHONE }, counter);
    await page.waitForURL(/\/kiosk\/needs$/);

    await page.click('[data-category=elderly]');
    await type(page, 'pei', '陪');
    await page.click('[data-test=post-need]');
    await expect.poll(() => page.textContent('[data-test=need-error]')).toContain('需求标题至少 2 个字');

    await type(page, 'lao', '老');
    await type(page, 'ren', '人');
    await type(page, 'xia', '下');
    await type(page, 'qi', '棋');
    await page.click('#need-detail');
    for (const digit of PHONE) await page.click(`[data-digit="${digit}"]`);
    await page.click('[data-test=post-need]');
    await expect.poll(() => page.textContent('[data-test=need-error]')).toContain('不能填写电话号码');
    await screenshot(page, 'kiosk-needs-refused');

    await page.click('.letter-keyboard [data-key="clear"]');
    await page.click('[data-test=post-need]');
    await expect.poll(() => page.textContent('[data-test=need-received]')).toContain('已收到您的需求');
    expect(await page.textContent('[data-test=my-needs]')).toContain('陪老人下棋');
    await page.click('[data-test=elder]');
    await screenshot(page, 'kiosk-needs-received-elder');

    // what the board of the community shows is what the resident typed, waiting to be matched
    const admin = { authorization: `Bearer ${await world.tokenFor('centre_admin', CENTRE)}` };
    const board = (await (
      await fetch(`${gateway()}/api/socialorg/lists/board?scope=${encodeURIComponent(CENTRE)}`, {
        headers: admin,
      })
    ).json()) as { needs: NeedView[] };
    expect(board.needs).toEqual([
      expect.objectContaining({
        title: '陪老人下棋',
        category: 'elderly',
        postedBy: 'resident',
        state: 'open',
      }),
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
