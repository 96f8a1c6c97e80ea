import type { DomainEvent } from '@psc/contracts';
import { caseEvents, ticketEvents } from '@psc/contracts/insight/testing';
import { repoRoot, waitFor } from '@psc/testing';
import { shanghaiDay } from '@psc/util';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';
import { launchBrowser, reportFailures, screenshot, watchErrors } from './browser';

const VIEWPORT = { width: 1280, height: 900 };
const STREET = 'sz/futian/xiangmihu';
const C1 = `${STREET}/c-001`;
const C2 = `${STREET}/c-002`;
const OTHER_STREET = 'sz/futian/lianhua/c-001';
const PAGE_BUDGET = 300 * 1024;

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

/** A case handed over today after `trips` visits, and rated when `rating` is given. */
function handedOver(caseNo: string, centre: string, trips: number, rating?: number): DomainEvent[] {
  const c = caseEvents(caseNo, centre, 'MZ-001');
  const steps = [
    c.opened(at(90), trips > 1 ? 'correcting' : 'accepted', null),
    ...(trips > 1
      ? [c.step(at(80), { action: 'supplement', from: 'correcting', to: 'accepted', trips })]
      : []),
    c.step(at(70), { action: 'complete', from: 'accepted', to: 'completed', trips }),
    c.step(at(60), { action: 'deliver', from: 'completed', to: 'delivered', trips }),
  ];
  return rating
    ? [...steps, c.step(at(50), { action: 'rate', from: 'delivered', to: 'rated', trips, rating })]
    : steps;
}

/**
 * The dashboard in Chromium against the real identity, insight and gateway: today's cases at two centres of 香蜜湖
 * (and one at another street), published as affairs would; the street's administrator sees the street's figures
 * only, drills down to a centre, sees a case opened there arrive without reloading, and exports what is shown.
 */
describe('the portal dashboard in the browser', () => {
  const world = new SystemWorld(inject('stack'));
  let browser: Browser;
  reportFailures(() => browser);
  const gateway = () => world.apps.gateway!.url;

  const publish = async (events: DomainEvent[]) => {
    const producer = world.kafka.producer();
    await producer.connect();
    for (const event of events) {
      const topic = event.type.startsWith('affairs.queue.') ? 'affairs.queue.v1' : 'affairs.case.v1';
      await producer.send({
        topic: world.topic(topic),
        messages: [{ key: event.key, value: JSON.stringify(event) }],
      });
    }
    await producer.disconnect();
  };

  // straight to the dashboard (the sign-in comes back to it): the portal's other pages read services not run here
  async function signIn(
    username: string,
    query = '',
  ): Promise<{ page: Page; errors: string[]; scripts: string[] }> {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${gateway()}/portal/admin/dashboard${query}`);
    await page.waitForURL(/\/portal\/login/);
    await page.fill('#username', username);
    await page.fill('#password', world.seedPassword);
    await page.click('[data-test=login]');
    await page.waitForURL(/\/portal\/admin\/dashboard/);
    await page.waitForSelector('[data-nav=dashboard].router-link-active');
    return { page, errors, scripts };
  }

  const figure = (page: Page, key: string) => page.textContent(`[data-figure=${key}] [data-test=value]`);

  beforeAll(async () => {
    await world.startAll(['identity', 'insight']);
    const ticket = ticketEvents('t-901', C1);
    await publish([
      ...handedOver('26120300001', C1, 1, 5),
      ...handedOver('26120300002', C1, 2, 2),
      ...handedOver('26120300003', C2, 1),
      ...handedOver('26120300004', OTHER_STREET, 1),
      ticket.issued(at(100)),
      ticket.called(at(85)),
    ]);
    // what the street's dashboard will show, read as the street's administrator would
    const token = await world.tokenFor('city_admin', 'sz');
    // the cases are of the last two hours: yesterday and today in Shanghai take them all
    const [from, to] = [shanghaiDay(new Date(Date.now() - 86_400_000)), shanghaiDay(new Date())];
    await waitFor(
      async () => {
        const r = await fetch(
          `${world.apps.insight!.url}/dashboard?scope=sz&from=${from}&to=${to}&grain=day`,
          { headers: { authorization: `Bearer ${token}` } },
        );
        return (
          ((await r.json()) as { affairs?: { tally: { delivered: number } } }).affairs?.tally.delivered === 4
        );
      },
      { timeoutMs: 90_000, intervalMs: 500, what: 'insight to count the published cases' },
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await world.dispose();
  });

  it('shows a street its figures, drills down to a centre, follows it live and exports it', async () => {
    const { page, errors, scripts } = await signIn('street01');
    await expect.poll(() => page.textContent('[data-test=scope]')).toContain('街道 xiangmihu');
    // 3 handed over at the street's two centres (莲花's is not theirs), 2 of them in one trip; ratings 5 and 2
    await expect.poll(() => figure(page, 'oneTrip')).toBe('66.7');
    expect(await page.textContent('[data-figure=oneTrip] [data-test=detail]')).toContain('2 / 3 件只跑一次');
    expect(await figure(page, 'good')).toBe('50.0');
    expect(await figure(page, 'wait')).toBe('15.0');
    const places: (string | null)[] = [];
    for (const row of await page.locator('[data-place]').all())
      places.push(await row.getAttribute('data-place'));
    expect(places).toEqual([C1, C2]);
    await page.waitForSelector('[data-chart=trend] canvas');
    await page.waitForSelector('[data-test=live]', { state: 'attached' });
    await screenshot(page, 'portal-dashboard-street');

    // the page's own JavaScript within budget, and ECharts fetched after it, in a chunk of its own
    const sizes = scripts.map((p) => ({
      p,
      gzip: gzipSync(readFileSync(path.join(repoRoot, 'dist/web', p.replace(/^\//, '')))).length,
    }));
    const charts = sizes.filter((s) => s.p.includes('/DashboardCharts-'));
    const rest = sizes.filter((s) => !s.p.includes('/DashboardCharts-'));
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const pageBytes = rest.reduce((sum, s) => sum + s.gzip, 0);
    process.stdout.write(
      `[portal dashboard JS, gzip] page ${kb(pageBytes)} in ${rest.length} files; charts ${kb(charts[0]?.gzip ?? 0)} on demand\n`,
    );
    expect(charts).toHaveLength(1);
    expect(pageBytes).toBeLessThanOrEqual(PAGE_BUDGET);

    await page.click(`[data-place="${C1}"] [data-action=drill]`);
    await expect.poll(() => page.textContent('[data-test=scope]')).toContain('中心 c-001');
    await expect.poll(() => figure(page, 'oneTrip')).toBe('50.0');
    expect(await figure(page, 'opened')).toBe('2');
    expect(await page.locator('[data-test=places]').count()).toBe(0);

    // a case opened at the counter now: the page reads again by itself
    await publish([caseEvents('26120300005', C1, 'YL-002').opened(at(0), 'accepted', null)]);
    await expect.poll(() => figure(page, 'opened'), { timeout: 30_000 }).toBe('3');
    await screenshot(page, 'portal-dashboard-centre');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-test=export-csv]'),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^数据看板-sz-futian-xiangmihu-c-001-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('总览');
    expect(lines[1]).toMatch(/^统计范围,sz\/futian\/xiangmihu\/c-001,时间范围,/);
    expect(lines).toContain('政务服务,最多跑一次率,50,%');
    expect(lines).toContain('政务服务,收件,3,件');
    const items = lines.slice(lines.indexOf('分事项'));
    expect(items[2]).toMatch(/^MZ-001,2,2,50,/);
    expect(items[3]).toMatch(/^YL-002,1,0,,/);
    expect(lines.slice(lines.indexOf('好差评') + 2, lines.indexOf('好差评') + 7)).toEqual([
      '1,0',
      '2,1',
      '3,0',
      '4,0',
      '5,1',
    ]);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=export-xlsx]')]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    // a workbook is a zip
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    // back up to the street by the breadcrumb
    await page.click(`[data-crumb="${STREET}"]`);
    await expect.poll(() => page.textContent('[data-test=scope]')).toContain('街道 xiangmihu');
    await expect.poll(() => figure(page, 'opened')).toBe('4');
    expect(errors).toEqual([]);
  });

  it('keeps a centre administrator to their centre', async () => {
    // asking for the street shows the centre: a place outside one's own is never asked for
    const { page, errors } = await signIn('centre01', `?scope=${encodeURIComponent(STREET)}`);
    await expect.poll(() => page.textContent('[data-test=scope]')).toContain('中心 c-001');
    expect(await page.locator('[data-crumb]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
