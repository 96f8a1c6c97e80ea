import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';
import { launchBrowser, reportFailures, screenshot, watchErrors } from './browser';

// the desk width the portal is built for
const VIEWPORT = { width: 1280, height: 800 };

/**
 * The portal in Chromium against the real identity and socialorg: the demo organisation's account signs in, reads
 * its registry entry with the contact's phone masked, is stopped on the spot by an incomplete incubation application
 * (in Chinese), completes it and follows it; the street's administrator finds it waiting on the review board.
 */
describe('the portal in the browser', () => {
  const world = new SystemWorld(inject('stack'));
  let browser: Browser;
  reportFailures(() => browser);
  const gateway = () => world.apps.gateway!.url;

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
    // volunteer and insight too: an administrator's portal pages ask them, and a service that is not running answers
    // 503 through the gateway
    await world.startAll(['identity', 'socialorg', 'volunteer', 'insight']);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await world.dispose();
  });

  it('lets an organisation read its registry entry and apply to the incubation base', async () => {
    const { page, errors } = await signIn('org01');
    // the organisation's first page is its own, and the administrators' pages are not offered
    await page.waitForURL(`${gateway()}/portal/organisation`);
    const offered: (string | null)[] = [];
    for (const link of await page.locator('[data-nav]').all())
      offered.push(await link.getAttribute('data-nav'));
    expect(offered).toEqual([
      'my-organisation',
      'my-incubation',
      'open-calls',
      'my-applications',
      'my-agreements',
      'organiser-activities',
      'organiser-unit-records',
    ]);
    await expect.poll(() => page.textContent('[data-test=org-name]')).toBe('香岭社区长者服务中心');
    expect(await page.textContent('[data-test=party-kind]')).toContain('党支部');
    expect(await page.textContent('[data-contact]')).toContain('139****0001');
    await screenshot(page, 'portal-my-organisation');

    await page.click('[data-nav=my-incubation]');
    await page.waitForSelector('[data-test=apply-form]');
    await page.click('[data-test=apply]');
    // refused before anything is sent, in the schema's Chinese
    await expect.poll(() => page.textContent('[data-test=apply-form]')).toContain('请至少选择一项孵化需求');
    expect(await page.textContent('[data-test=apply-form]')).toContain('入驻计划至少 10 个字');
    await screenshot(page, 'portal-incubation-refused');

    await page.click('[data-need=office]');
    await page.click('[data-need=training]');
    await page.fill('textarea[data-test=plan]', '入驻后开展长者助餐与探访服务，培养低龄长者志愿者队伍。');
    await page.click('[data-test=apply]');
    await expect.poll(() => page.textContent('[data-test=incubation-state]')).toBe('待审核');
    expect(await page.textContent('[data-test=step]')).toContain('提交申请');
    expect(await page.locator('[data-test=apply-form]').count()).toBe(0);
    await screenshot(page, 'portal-incubation-applied');
    expect(errors).toEqual([]);
  });

  it('puts the application on the community centre’s review board', async () => {
    const { page, errors } = await signIn('centre01');
    await page.waitForURL(`${gateway()}/portal/admin/organisations`);
    await expect.poll(() => page.textContent('[data-test=coverage]')).toContain('1/1');
    await page.click('[data-nav=incubation-review]');
    await expect.poll(() => page.locator('[data-incubation]').count()).toBe(1);
    expect(await page.textContent('[data-incubation]')).toContain('香岭社区长者服务中心');
    expect(await page.locator('[data-incubation] [data-action=admit]').count()).toBe(1);
    await screenshot(page, 'portal-incubation-review');
    await page.click('[data-nav=lists-board]');
    await page.waitForSelector('[data-test=lists-summary]');
    await screenshot(page, 'portal-lists-board');
    expect(errors).toEqual([]);
  });
});
