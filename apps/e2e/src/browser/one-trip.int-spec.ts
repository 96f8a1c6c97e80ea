import { waitFor } from '@psc/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';
import { idNumberFrom, launchBrowser, reportFailures, screenshot, watchErrors } from './browser';
import { actAtCounter, signInAtCounter, signInAtKiosk } from './screens';

const CENTRE = 'sz/futian/xiangmihu/c-001';
const KIOSK_VIEWPORT = { width: 1080, height: 1920 };
const DESK_VIEWPORT = { width: 1440, height: 900 };

/**
 * The whole 最多跑一次 path on the real services, by touch at the kiosk and by mouse at the counter: a resident takes
 * a ticket, is called to a window, is missing one material and leaves with a 一次性告知书, comes back once, the case
 * is completed and handed over, the resident rates it at the kiosk, and the centre's one-trip rate counts it.
 */
describe('one trip: from the ticket to the rating', () => {
  const world = new SystemWorld(inject('stack'));
  const gateway = () => world.apps.gateway!.url;
  let browser: Browser;
  reportFailures(() => browser);
  let staff: Record<string, string>;

  beforeAll(async () => {
    await world.startAll(['catalogue', 'insight', 'identity', 'affairs'], {
      catalogue: { SEED_CATALOGUE: 'true' },
    });
    staff = { authorization: `Bearer ${await world.tokenFor('counter_staff', CENTRE)}` };
    // affairs learns the seeded items from Kafka; an empty checklist of a known item is refused and opens nothing
    await waitFor(
      async () => {
        const probe = await fetch(`${gateway()}/api/affairs/cases`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': `probe-${Date.now()}`, ...staff },
          body: JSON.stringify({
            centreId: CENTRE,
            itemCode: 'MZ-001',
            residentId: 'r',
            idTail: '12345X',
            materials: [],
          }),
        });
        return ((await probe.json()) as { code: string }).code === 'AFFAIRS.CHECKLIST_INCOMPLETE';
      },
      { timeoutMs: 90_000, intervalMs: 500, what: 'affairs to know the seeded items' },
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await world.dispose();
  });

  it('takes a resident from a kiosk ticket through one return visit to a rating and the one-trip rate', async () => {
    const resident = { idNumber: idNumberFrom('44030419790812002'), phone: '13900000201' };
    const kiosk = await browser.newPage({ viewport: KIOSK_VIEWPORT });
    const counter = await browser.newPage({ viewport: DESK_VIEWPORT });
    const kioskErrors = watchErrors(kiosk);
    const counterErrors = watchErrors(counter);

    // 取号 at the kiosk
    await kiosk.goto(`${gateway()}/kiosk/?kiosk=k-journey`);
    await kiosk.click('[data-test=take-ticket]');
    // the home page has theme tiles too: a click before the queue page has loaded would browse the theme instead
    await kiosk.click('[data-test=queue-theme][data-theme=civil-assistance]');
    await kiosk.waitForURL(/\/kiosk\/queue\/tickets\/[\w-]+$/);
    const number = (await kiosk.textContent('[data-test=ticket-number]'))!;

    // 叫号 at window 1; the ticket on the kiosk says where to go
    await signInAtCounter(counter, gateway(), 'counter01', world.seedPassword);
    await counter.click('[data-test=nav-queue]');
    await counter.fill('[data-test=window]', '1');
    await counter.click('[data-theme=civil-assistance] input');
    await counter.click('[data-test=call]');
    await expect.poll(() => counter.textContent('[data-test=current-number]')).toBe(number);
    await expect.poll(() => kiosk.textContent('[data-test=ticket-called]')).toContain('请到 1 号窗口办理');

    // 一窗受理: the applicant is new, one required material is missing → 一次性告知书
    await counter.click('[data-test=start-intake]');
    await counter.fill('#applicant-id', resident.idNumber);
    await counter.fill('#applicant-name', '张三');
    await counter.click('[data-test=identify]');
    await expect.poll(() => counter.textContent('[data-test=applicant-message]')).toContain('首次登记');
    await counter.fill('#applicant-phone', resident.phone);
    await counter.click('[data-test=identify]');
    await expect.poll(() => counter.textContent('[data-test=applicant]')).toContain('张*');
    await counter.fill('[data-test=item-search]', 'dbsq');
    await counter.click('[data-test=item-results] [data-code="MZ-001"]');
    await counter.click('[data-test=tick-all]');
    await counter.click('[data-material="最低生活保障申请书"] input');
    await counter.click('[data-test=submit]');
    await counter.waitForSelector('[data-test=notice]');
    const caseNo = (await counter.textContent('[data-test=result-case-no]'))!;
    await counter.emulateMedia({ media: 'print' });
    await screenshot(counter, 'journey-notice-print');
    await counter.emulateMedia({ media: 'screen' });

    // the one return visit: the material is brought, the case is accepted, completed and handed over there and then
    await counter.click('[data-test=open-case]');
    await counter.waitForURL(new RegExp(`/counter/cases/${caseNo}$`));
    await actAtCounter(counter, 'supplement', '已受理', () =>
      counter.click('[data-material="最低生活保障申请书"] input'),
    );
    await actAtCounter(counter, 'complete', '已办结');
    await actAtCounter(counter, 'deliver', '已送达', () =>
      counter.selectOption('[data-test=channel]', 'onsite'),
    );
    expect(await counter.textContent('[data-test=case-trips]')).toContain('2');

    // 评价 at the kiosk, signed in as the applicant
    await signInAtKiosk(kiosk, gateway(), resident, staff);
    await kiosk.click('[data-test=my-cases]');
    const row = `[data-test=my-case][data-case="${caseNo}"]`;
    await kiosk.waitForSelector(row);
    await kiosk.click(`${row} [data-test=rate]`);
    await kiosk.click('[data-test=score][data-score="4"]');
    await kiosk.click('[data-test=submit-rating]');
    await kiosk.waitForSelector('[data-test=rating-thanks]');
    await screenshot(kiosk, 'journey-rated');

    // two visits for this case: counted, and not as one trip
    const oneTrip = `${gateway()}/api/insight/affairs/one-trip?centreId=${encodeURIComponent(CENTRE)}`;
    let rate: { total: { delivered: number; oneTrip: number; rate: number | null } } | undefined;
    await waitFor(
      async () => {
        rate = (await (await fetch(oneTrip, { headers: staff })).json()) as typeof rate;
        return rate?.total.delivered === 1;
      },
      { what: 'insight to count the delivered case' },
    );
    expect(rate?.total).toEqual({ delivered: 1, oneTrip: 0, rate: 0 });

    // the counter's only complaint is the 400 that asked for the new resident's phone
    expect(counterErrors).toEqual([expect.stringContaining('400')]);
    expect(kioskErrors).toEqual([]);
    await kiosk.close();
    await counter.close();
  });
});
