import { maskPhone } from '@psc/util';
import { waitFor } from '@psc/testing';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { tapKeys } from './browser';

/** Staff sign in to the counter workbench with a seeded demo account. */
export async function signInAtCounter(page: Page, gateway: string, username: string, password: string) {
  await page.goto(`${gateway}/counter/`);
  await page.waitForURL(/\/counter\/login/);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('[data-test=login]');
  await page.waitForURL(`${gateway}/counter/`);
}

/** On the counter's case page: opens the step's dialog, lets `fill` complete it, confirms, waits for the state. */
export async function actAtCounter(page: Page, action: string, state: string, fill?: () => Promise<unknown>) {
  await page.click(`[data-action=${action}]`);
  await page.waitForSelector('[data-test=action-dialog]');
  await fill?.();
  await page.click('[data-test=action-confirm]');
  await expect.poll(() => page.textContent('[data-test=case-state]')).toBe(state);
}

/**
 * A resident named 张三 signs in at the kiosk by touch: ID number on the keypad, the name in pinyin, the phone, and
 * the one-time code read where the counter's development SMS page reads it (`staff` may read that log).
 */
export async function signInAtKiosk(
  page: Page,
  gateway: string,
  resident: { idNumber: string; phone: string },
  staff: Record<string, string>,
) {
  await page.goto(`${gateway}/kiosk/?kiosk=k-e2e`);
  await page.click('[data-test=identify]');
  await identifyAtKiosk(page, gateway, resident, staff);
  await page.waitForURL(/\/kiosk\/me$/);
}

/** The identify screens from wherever they were opened; the caller waits for where they lead. */
export async function identifyAtKiosk(
  page: Page,
  gateway: string,
  resident: { idNumber: string; phone: string },
  staff: Record<string, string>,
) {
  await tapKeys(page, '.base-keypad', resident.idNumber);
  await tapKeys(page, '.letter-keyboard', 'zhang');
  await page.click('[data-char="张"]');
  await tapKeys(page, '.letter-keyboard', 'san');
  await page.click('[data-char="三"]');
  await page.click('#phone');
  await tapKeys(page, '.base-keypad', resident.phone);
  await page.click('[data-test=send-code]');
  await page.waitForURL(/\/kiosk\/identify\/code(\?.*)?$/);
  const code = await waitFor(
    async () => {
      const sms = (await (await fetch(`${gateway}/api/identity/dev/sms`, { headers: staff })).json()) as {
        to: string;
        text: string;
      }[];
      const text = sms.find((m) => m.to === maskPhone(resident.phone) && m.text.includes('验证码'))?.text;
      return text ? /验证码为 (\d{6})/.exec(text)?.[1] : undefined;
    },
    { what: 'the one-time code in the development SMS log' },
  );
  await tapKeys(page, '.base-keypad', code);
  await page.click('[data-test=verify]');
}
