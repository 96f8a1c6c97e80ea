import type { RunningApp } from '@psc/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';
import { launchBrowser, reportFailures, screenshot, tapKeys, watchErrors } from './browser';

type Marked = typeof globalThis & { kioskTestMarker?: string };

// a portrait floor-standing kiosk
const KIOSK_VIEWPORT = { width: 1080, height: 1920 };

/**
 * The resident kiosk's catalogue in Chromium against the real services with the 108-item seed: finding an item by
 * pinyin initials on the on-screen keyboard, the item page with its materials, elder mode, the idle reset and a
 * publish that reaches an open kiosk without a reload.
 */
describe('the kiosk catalogue in the browser', () => {
  const world = new SystemWorld(inject('stack'));
  let browser: Browser;
  reportFailures(() => browser);
  let idleGateway: RunningApp;

  beforeAll(async () => {
    await world.start('catalogue', { SEED_CATALOGUE: 'true' });
    await world.start('insight');
    await world.startGateway();
    // a second gateway over the same services whose kiosks fall idle after 6 s
    idleGateway = await world.startIdleGateway(6);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await world.dispose();
  });

  const kioskUrl = () => `${world.apps.gateway!.url}/kiosk/`;
  // the e2e project has no DOM types, so what runs in the page is passed as text
  const fontSize = (page: Page, selector: string) =>
    page.evaluate<number>(
      `parseFloat(getComputedStyle(document.querySelector(${JSON.stringify(selector)})).fontSize)`,
    );

  it('finds 最低生活保障申请 by its initials on the on-screen keyboard and shows every material', async () => {
    const page = await browser.newPage({ viewport: KIOSK_VIEWPORT });
    const errors = watchErrors(page);
    await page.goto(kioskUrl());
    await expect.poll(() => page.textContent('[data-test=centre-name]')).toBe('香岭社区党群服务中心');
    expect(await page.textContent('[data-test=today-hours]')).toMatch(/\d\d:\d\d–\d\d:\d\d|休息/);
    expect(await page.locator('[data-test=theme]').count()).toBe(11);
    expect(await page.textContent('[data-theme=civil-assistance]')).toContain('12 项');
    await page.waitForSelector('[data-test=popular] [data-test=item-card]');
    await screenshot(page, 'kiosk-home');

    await page.click('[data-test=search]');
    await page.waitForSelector('[data-test=search-empty]');
    await tapKeys(page, '.letter-keyboard', 'dbsqx');
    await expect.poll(() => page.textContent('[data-test=no-results]')).toContain('首字母');
    await page.click('.letter-keyboard [data-key=backspace]');
    await page.waitForSelector('[data-test=results] [data-code="MZ-001"]');
    expect(await page.textContent('[data-test=query]')).toContain('dbsq');
    await screenshot(page, 'kiosk-search-results');

    await page.click('[data-test=results] [data-code="MZ-001"]');
    await page.waitForURL(/\/kiosk\/items\/MZ-001$/);
    expect(await page.textContent('[data-test=item-name]')).toBe('最低生活保障申请');
    expect(await page.textContent('[data-test=visits]')).toBe('最多跑一次');
    expect(await page.textContent('[data-test=fee]')).toBe('免费');
    expect(await page.textContent('[data-test=time-limit]')).toContain('承诺 20 个工作日');
    const materials = await page.locator('[data-test=material]').allTextContents();
    expect(materials).toHaveLength(6);
    expect(materials[0]).toContain('家庭成员居民身份证');
    expect(materials[0]).toContain('原件及复印件');
    expect(materials[0]).toContain('必须提供');
    expect(materials[1]).toContain('户口簿');
    expect(materials[1]).toContain('可容缺');
    const marks = await page.locator('[data-test=material-status]').allTextContents();
    expect(marks.filter((m) => m === '可容缺')).toHaveLength(2);
    expect(await page.getAttribute('[data-test=qr]', 'src')).toMatch(/^data:image\/png;base64,/);
    await screenshot(page, 'kiosk-item');

    // printing shows the A4 checklist alone: no top bar, no buttons
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('[data-test=print-sheet]')).toBe(true);
    expect(await page.isVisible('.top-bar')).toBe(false);
    expect(await page.isVisible('[data-test=print]')).toBe(false);
    expect(await page.textContent('[data-test=print-sheet]')).toContain('残疾人证或重病诊断证明');
    await screenshot(page, 'kiosk-print');
    await page.emulateMedia({ media: 'screen' });
    expect(await page.isVisible('[data-test=print-sheet]')).toBe(false);

    expect(errors).toEqual([]);
    await page.close();
  });

  it('makes the text larger in elder mode, one tap away on the item page', async () => {
    const page = await browser.newPage({ viewport: KIOSK_VIEWPORT });
    await page.goto(`${kioskUrl()}items/MZ-001`);
    await page.waitForSelector('[data-test=material]');
    const before = {
      heading: await fontSize(page, '[data-test=item-name]'),
      body: await fontSize(page, '.item__material-name'),
    };

    await page.click('[data-test=elder]');
    expect(await page.getAttribute('html', 'data-elder')).toBe('true');
    const after = {
      heading: await fontSize(page, '[data-test=item-name]'),
      body: await fontSize(page, '.item__material-name'),
    };
    expect(after.heading).toBeGreaterThan(before.heading);
    expect(after.body).toBeGreaterThanOrEqual(before.body * 1.25);
    expect(after.body).toBeGreaterThanOrEqual(32);
    // the answers fold away so the materials stay near the top
    expect(await page.getAttribute('.item__faq', 'open')).toBeNull();
    await screenshot(page, 'kiosk-item-elder');

    await page.click('[data-test=home]');
    await page.waitForSelector('[data-test=theme]');
    expect(await fontSize(page, '.home__theme-name')).toBeGreaterThanOrEqual(40);
    await screenshot(page, 'kiosk-home-elder');
    await page.close();
  });

  it('forgets the search text and returns home when the kiosk is left idle', async () => {
    const page = await browser.newPage({ viewport: KIOSK_VIEWPORT });
    const base = `${idleGateway.url}/kiosk/`;
    await page.goto(base);
    await page.click('[data-test=search]');
    await tapKeys(page, '.letter-keyboard', 'dbsq');
    await page.waitForSelector('[data-test=results] [data-code="MZ-001"]');

    await page.waitForSelector('[data-test=idle-warning]', { timeout: 10_000 });
    await page.waitForURL(base, { timeout: 10_000 });
    await page.waitForSelector('[data-test=theme]');

    await page.click('[data-test=search]');
    await page.waitForSelector('[data-test=search-empty]');
    expect(await page.textContent('[data-test=query]')).not.toContain('dbsq');
    await page.close();
  });

  it('keeps showing what it read through a network loss, and says it may be out of date', async () => {
    const page = await browser.newPage({ viewport: KIOSK_VIEWPORT });
    await page.goto(kioskUrl());
    await page.waitForSelector('[data-test=popular] [data-code="MZ-001"]');
    await page.click('[data-test=popular] [data-code="MZ-001"]');
    await page.waitForSelector('[data-test=material]');
    expect(await page.isVisible('[data-test=offline]')).toBe(false);

    // the browser still believes it is online: only the failed requests tell
    await page.route('**/api/catalogue/**', (route) => route.abort('internetdisconnected'));
    await page.click('[data-test=home]');
    await page.waitForSelector('[data-test=offline]');
    expect(await page.textContent('[data-test=offline]')).toContain('网络连接中断，显示的内容可能不是最新的');
    expect(await page.textContent('[data-test=centre-name]')).toBe('香岭社区党群服务中心');
    await page.click('[data-test=popular] [data-code="MZ-001"]');
    await expect.poll(() => page.locator('[data-test=material]').count()).toBe(6);
    await screenshot(page, 'kiosk-item-offline');

    await page.unroute('**/api/catalogue/**');
    await page.click('[data-test=home]');
    await page.waitForSelector('[data-test=offline]', { state: 'detached' });
    await page.close();
  });

  it('shows a newly published version on an open kiosk without reloading the page', async () => {
    const page = await browser.newPage({ viewport: KIOSK_VIEWPORT });
    const errors = watchErrors(page);
    await page.goto(kioskUrl());
    await page.click('[data-theme=civil-assistance]');
    await page.waitForSelector('[data-test=theme-items] [data-code="MZ-002"]');
    // runs in the page: a reload would drop it
    await page.evaluate(() => {
      (globalThis as Marked).kioskTestMarker = 'still here';
    });

    await publishRenamed('MZ-002', '特困人员救助供养申请（新版）');
    await expect
      .poll(() => page.textContent('[data-test=theme-items] [data-code="MZ-002"]'), { timeout: 30_000 })
      .toContain('特困人员救助供养申请（新版）');

    await page.click('[data-test=theme-items] [data-code="MZ-002"]');
    await page.waitForURL(/\/kiosk\/items\/MZ-002$/);
    expect(await page.textContent('[data-test=item-name]')).toBe('特困人员救助供养申请（新版）');

    await publishRenamed('MZ-002', '特困人员供养申请');
    await expect
      .poll(() => page.textContent('[data-test=item-name]'), { timeout: 30_000 })
      .toBe('特困人员供养申请');
    expect(await page.textContent('[data-test=item-updated]')).toContain('第 3 版');
    expect(await page.evaluate(() => (globalThis as Marked).kioskTestMarker)).toBe('still here');
    await screenshot(page, 'kiosk-item-updated');
    expect(errors).toEqual([]);
    await page.close();
  });

  /** What a city administrator does in the editor: change the draft, then publish it as the next version. */
  async function publishRenamed(code: string, name: string) {
    const api = `${world.apps.gateway!.url}/api/catalogue/items/${code}`;
    const headers = { 'content-type': 'application/json', ...world.adminHeaders };
    const current = (await (await fetch(`${api}/draft`, { headers })).json()) as {
      revision: number;
      draft: Record<string, unknown>;
    };
    const { code: _code, ...draft } = current.draft;
    const saved = await fetch(`${api}/draft`, {
      method: 'PUT',
      headers: { ...headers, 'if-match': String(current.revision) },
      body: JSON.stringify({ ...draft, name }),
    });
    expect(saved.status).toBe(200);
    expect((await fetch(`${api}/publish`, { method: 'POST', headers })).status).toBe(201);
  }
});
