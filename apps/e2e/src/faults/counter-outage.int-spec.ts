import { attachStack, type RunningStack } from '@psc/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { idNumberFrom, launchBrowser, reportFailures, screenshot } from '../browser/browser';
import { signInAtCounter } from '../browser/screens';
import { SystemWorld } from '../world';
import { Counter } from './counter';

/**
 * At the counter in Chromium: the store goes away just as the clerk saves an intake. The form stays as it was, the
 * screen says it is retrying, and once the store is back the same submission opens exactly one case.
 */
describe('a save at the counter during a store outage', () => {
  const world = new SystemWorld(inject('stack'));
  let stack: RunningStack | null;
  let browser: Browser;
  reportFailures(() => browser);

  beforeAll(async () => {
    stack = await attachStack(inject('stack'));
    if (!stack) return; // external servers (MONGODB_URI/KAFKA_BROKERS) are not ours to kill
    await world.startAll(['catalogue', 'identity', 'affairs'], { catalogue: { SEED_CATALOGUE: 'true' } });
    await new Counter(world).ready();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await world.dispose();
  });

  it('keeps the form, says it is retrying and opens one case once the store is back', async (ctx) => {
    if (!stack) return ctx.skip();
    const gateway = world.apps.gateway!.url;
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInAtCounter(page, gateway, 'counter01', world.seedPassword);
    await page.click('[data-test=nav-intake]');
    await page.fill('#applicant-id', idNumberFrom('44030419900101004'));
    await page.fill('#applicant-name', '王五');
    await page.click('[data-test=identify]');
    await expect.poll(() => page.textContent('[data-test=applicant-message]')).toContain('首次登记');
    await page.fill('#applicant-phone', '13900000041');
    await page.click('[data-test=identify]');
    await expect.poll(() => page.textContent('[data-test=applicant]')).toContain('王*');
    await page.fill('[data-test=item-search]', 'dbsq');
    await page.click('[data-test=item-results] [data-code="MZ-001"]');
    await page.click('[data-test=tick-all]');
    await expect.poll(() => page.textContent('[data-test=submit]')).toBe('受理');

    await stack.kill('postgres');
    await page.click('[data-test=submit]');
    await page.waitForSelector('[data-test=submit-retrying]');
    expect(await page.textContent('[data-test=submit-retrying]')).toContain('暂时无法保存，正在重试');
    // what was entered is all still there
    expect(await page.textContent('[data-test=applicant]')).toContain('王*');
    expect(await page.textContent('[data-test=item]')).toContain('MZ-001');
    expect(await page.locator('[data-test=material] input:checked').count()).toBe(
      await page.locator('[data-test=material] input').count(),
    );
    await screenshot(page, 'faults-counter-retrying');

    await stack.revive();
    const result = await page.waitForSelector('[data-test=result-case-no]', { timeout: 60_000 });
    const caseNo = await result.textContent();
    const cases = await world
      .db('affairs')
      .collection<{ _id: string }>('cases')
      .find({ centreId: 'sz/futian/xiangmihu/c-001' }, { projection: { _id: 1 } })
      .toArray();
    expect(cases.map((c) => c._id)).toEqual([caseNo]);
  });
});
