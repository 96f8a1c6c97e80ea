import { validateIdNumber } from '@psc/util';
import { existsSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { repoRoot } from '@psc/testing';
import { afterEach } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless (`npm test` installs it when missing; `npx playwright install` cannot work here). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `no Chromium at ${CHROMIUM}: run npm test (it installs Debian's chromium) or set CHROMIUM_PATH`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** Collects what the page complains about, so a test can assert there was nothing. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/**
 * After a failed test, prints where each page still open was and what it showed (a banner's error message, a page
 * that never changed): a failure in CI can only be read from its log.
 */
export function reportFailures(browser: () => Browser | undefined): void {
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    const pages =
      browser()
        ?.contexts()
        .flatMap((context) => context.pages()) ?? [];
    for (const page of pages) {
      const text = await page
        .locator('body')
        .innerText({ timeout: 2000 })
        .catch((error: unknown) => `(unreadable: ${String(error)})`);
      process.stderr.write(
        `[open at the failure] ${page.url()}\n${text.replace(/\s+/g, ' ').slice(0, 800)}\n`,
      );
    }
  });
}

/** Screenshots land in tmp/screenshots for a person to look at; tests never compare pixels. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(repoRoot, 'tmp/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** A valid ID number for these 17 digits: the one final character the national check accepts. */
export function idNumberFrom(first17: string): string {
  for (const last of '0123456789X') {
    const candidate = first17 + last;
    if (validateIdNumber(candidate).ok) return candidate;
  }
  throw new Error(`no check character makes ${first17} valid (bad region or date?)`);
}

/** Taps keys of the kiosk's on-screen keypad or letter keyboard; kiosks have no physical keyboard. */
export async function tapKeys(page: Page, scope: string, keys: string): Promise<void> {
  for (const key of keys) await page.click(`${scope} [data-key="${key}"]`);
}
