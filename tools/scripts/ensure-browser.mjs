// Browser tests drive Debian's Chromium with playwright-core (`npx playwright install` cannot reach its CDN here).
// Installs chromium and a CJK font (or every screenshot shows boxes instead of Chinese) when they are missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const hasChineseFont = () => {
  const result = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim().length > 0;
};

export function ensureBrowser() {
  /** @type {string[]} */
  const missing = [];
  if (!existsSync(chromium)) missing.push('chromium');
  if (!hasChineseFont()) missing.push('fonts-noto-cjk');
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `browser tests need ${missing.join(' and ')}: sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  console.log(`[test] installing ${missing.join(', ')} from Debian's packages`);
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  if (!install()) {
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    if (!install()) throw new Error(`apt-get install ${missing.join(' ')} failed`);
  }
}
