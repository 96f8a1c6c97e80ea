import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';
import { idNumberFrom, launchBrowser, reportFailures, screenshot, tapKeys, watchErrors } from './browser';
import { signInAtCounter, signInAtKiosk } from './screens';

type Marked = typeof globalThis & { kioskTestMarker?: string };

const CENTRE = 'sz/futian/xiangmihu/c-001';
const STATION = 'sz/futian/xiangmihu/c-001-y01';
// a portrait floor-standing kiosk, and a desk screen
const KIOSK_VIEWPORT = { width: 1080, height: 1920 };
const DESK_VIEWPORT = { width: 1440, height: 900 };

/**
 * The kiosk search as residents say things, the 15-minute circle and 场地预约 in Chromium against the real services:
 * a sentence typed on the on-screen keyboard (pinyin, then the characters), suggestions for what matches nothing,
 * a phrasing staff attach at the counter reaching an open kiosk without a reload, nearby centres on an item page,
 * a 驿站's home, and booking a room.
 */
describe('the kiosk understands residents, shows the 15-minute circle and books rooms', () => {
  const world = new SystemWorld(inject('stack'));
  let browser: Browser;
  reportFailures(() => browser);
  let counter: Record<string, string>;

  const gateway = () => world.apps.gateway!.url;

  beforeAll(async () => {
    await world.startAll(['catalogue', 'identity'], { catalogue: { SEED_CATALOGUE: 'true' } });
    counter = { authorization: `Bearer ${await world.tokenFor('counter_staff', CENTRE)}` };
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await world.dispose();
  });

  async function kiosk(path = '') {
    const page = await browser.newPage({ viewport: KIOSK_VIEWPORT });
    await page.goto(`${gateway()}/kiosk/${path}`);
    return page;
  }

  /** Types Chinese as a resident does on the kiosk: each character's pinyin on the keyboard, then the character. */
  async function typeSentence(page: Page, syllables: [string, string][]) {
    for (const [pinyin, char] of syllables) {
      await tapKeys(page, '.letter-keyboard', pinyin);
      await page.click(`[data-test=candidates] [data-char="${char}"]`);
    }
  }

  it('finds 四点半课堂 for a sentence typed on the on-screen keyboard', async () => {
    const page = await kiosk();
    const errors = watchErrors(page);
    await page.click('[data-test=search]');
    await typeSentence(page, [
      ['hai', '孩'],
      ['zi', '子'],
      ['fang', '放'],
      ['xue', '学'],
      ['mei', '没'],
      ['ren', '人'],
      ['jie', '接'],
    ]);
    expect(await page.textContent('[data-test=query]')).toContain('孩子放学没人接');
    await page.waitForSelector('[data-test=match-words]');
    await expect
      .poll(() => page.getAttribute('[data-test=results] [data-test=item-card]', 'data-code'))
      .toBe('CD-003');
    await screenshot(page, 'kiosk-search-sentence');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers the closest items and the themes when a query matches nothing', async () => {
    const page = await kiosk();
    await page.click('[data-test=search]');
    await typeSentence(page, [
      ['huo', '火'],
      ['xing', '星'],
    ]);
    await page.waitForSelector('[data-test=suggestions] [data-code="MZ-010"]'); // 殡葬: 火化费减免
    expect(await page.locator('[data-test=suggestion-themes] a').count()).toBe(11);
    expect(await page.textContent('[data-test=suggestions]')).toContain('您是不是要找');
    await screenshot(page, 'kiosk-search-suggestions');
    await page.close();
  });

  it('finds an item by a phrasing staff attached at the counter, on a kiosk already showing the query', async () => {
    const phrase: [string, string][] = [
      ['lou', '楼'],
      ['shang', '上'],
      ['lou', '漏'],
      ['shui', '水'],
    ];
    // one resident searches in vain and walks away: the search is counted
    const first = await kiosk();
    await first.click('[data-test=search]');
    await typeSentence(first, phrase);
    await first.waitForSelector('[data-test=suggestions]');
    await first.click('[data-test=home]');
    // another kiosk shows the same search, still finding nothing
    const second = await kiosk();
    await second.click('[data-test=search]');
    await typeSentence(second, phrase);
    await second.waitForSelector('[data-test=suggestions]');
    await second.evaluate(() => {
      (globalThis as Marked).kioskTestMarker = 'still here';
    });

    const desk = await browser.newPage({ viewport: DESK_VIEWPORT });
    await signInAtCounter(desk, gateway(), 'counter01', world.seedPassword);
    await desk.click('[data-test=nav-misses]');
    const row = '[data-test=miss-row][data-text="楼上漏水"]';
    // the catalogue writes the counts every few seconds: the page may have read before, so staff tap 刷新
    await expect
      .poll(
        async () => {
          if ((await desk.locator(row).count()) === 0) await desk.click('[data-test=refresh]');
          return desk.locator(row).count();
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toBe(1);
    expect(await desk.textContent(row)).toContain('仍然找不到');
    await screenshot(desk, 'counter-misses');
    await desk.click(`${row} [data-test=attach]`);
    await desk.fill('[data-test=attach-search]', '人民调解');
    await desk.click('[data-test=attach-dialog] [data-code="FL-002"]');
    await screenshot(desk, 'counter-misses-attach');
    await desk.click('[data-test=attach-confirm]');
    await expect.poll(() => desk.textContent('[data-test=attached]')).toContain('人民调解申请');
    await expect.poll(() => desk.textContent(row)).toContain('人民调解申请');

    // the second kiosk asks again when the published version arrives
    await second.waitForSelector('[data-test=results] [data-code="FL-002"]', { timeout: 30_000 });
    expect(await second.evaluate(() => (globalThis as Marked).kioskTestMarker)).toBe('still here');
    await screenshot(second, 'kiosk-search-attached');
    await Promise.all([first.close(), second.close(), desk.close()]);
  });

  it('shows the nearby centres offering an item, and at a 驿站 where the rest is done', async () => {
    const page = await kiosk('items/CD-001');
    await page.waitForSelector('[data-test=nearby] [data-test=nearby-centre]');
    const first = page.locator('[data-test=nearby-centre]').first();
    expect(await first.getAttribute('data-centre')).toBe(STATION);
    expect(await first.locator('[data-test=distance]').textContent()).toContain('303 米 · 步行约 6 分钟');
    await page.locator('[data-test=nearby]').scrollIntoViewIfNeeded();
    await screenshot(page, 'kiosk-item-nearby');
    await page.close();

    // this kiosk stands in the 驿站
    const station = await browser.newPage({ viewport: KIOSK_VIEWPORT });
    await station.route('**/config.json', async (route) => {
      const response = await route.fetch();
      const config = (await response.json()) as Record<string, unknown>;
      await route.fulfill({ response, json: { ...config, centreId: STATION } });
    });
    await station.goto(`${gateway()}/kiosk/`);
    await expect.poll(() => station.textContent('[data-test=centre-name]')).toBe('香榭里花园小区党群驿站');
    await station.waitForSelector('[data-test=elsewhere]');
    const elsewhere = await station.textContent('[data-test=elsewhere]');
    expect(elsewhere).toContain('香岭社区党群服务中心');
    expect(elsewhere).toContain('共 85 项');
    await screenshot(station, 'kiosk-station-home');
    await station.close();
  });

  it('books a room for a resident signed in at the kiosk, and the counter sees it', async () => {
    const idNumber = idNumberFrom('44030419600101002');
    const phone = '13900000202';
    const lookup = await fetch(`${gateway()}/api/identity/residents/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...counter },
      body: JSON.stringify({ idNumber, name: '张三', phone }),
    });
    expect(lookup.status).toBe(200);
    const page = await browser.newPage({ viewport: KIOSK_VIEWPORT });
    await signInAtKiosk(page, gateway(), { idNumber, phone }, counter);
    await page.click('[data-test=home]');
    await page.click('[data-test=rooms]');
    await page.waitForSelector('[data-room=calligraphy]');
    await page.click('[data-room=calligraphy]');
    await page.click('.rooms__day:nth-child(2)'); // tomorrow: every slot still ahead
    await page.waitForSelector('[data-test=rules]');
    await page.click('[data-state=free]');
    await page.waitForSelector('[data-test=confirm]');
    await screenshot(page, 'kiosk-rooms');
    await page.click('[data-test=book]');
    await page.waitForSelector('[data-test=booked]');
    expect(await page.textContent('[data-test=booked]')).toContain('书画室');
    await screenshot(page, 'kiosk-rooms-booked');

    // the counter sees it among tomorrow's bookings, as a personal booking with its number only
    const desk = await browser.newPage({ viewport: DESK_VIEWPORT });
    await signInAtCounter(desk, gateway(), 'counter01', world.seedPassword);
    await desk.click('[data-test=nav-rooms]');
    await desk.waitForSelector('[data-test=room-today][data-room=calligraphy]');
    const tomorrow = await desk.locator('[data-test=rooms-date] option').nth(1).getAttribute('value');
    await desk.selectOption('[data-test=rooms-date]', tomorrow ?? '');
    const booking = '[data-test=room-today][data-room=calligraphy] [data-test=booking]';
    await desk.waitForSelector(`${booking}[data-status=booked]`);
    expect(await desk.textContent(booking)).toContain('个人预约');
    expect(await desk.textContent(booking)).not.toContain('张三');
    await screenshot(desk, 'counter-rooms');

    // the resident changes their mind at the kiosk: the counter sees the cancellation live
    await page.click('[data-test=see-mine]');
    await page.click('[data-test=my-booking] [data-test=cancel-booking]');
    await page.waitForSelector('[data-test=my-booking][data-status=cancelled]');
    await screenshot(page, 'kiosk-rooms-mine');
    await desk.waitForSelector(`${booking}[data-status=cancelled]`, { timeout: 20_000 });
    await Promise.all([page.close(), desk.close()]);
  });
});
