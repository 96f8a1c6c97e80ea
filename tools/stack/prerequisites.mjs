// Machine prerequisites: the Debian packages the stack and the system need beyond Node, installed with apt-get when
// missing (as root).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CACHE_DIR } from './layout.mjs';
import { withLock } from './lock.mjs';
import { run, since, StackError, which } from './processes.mjs';

/** @typedef {(line: string) => void} Log */

/** @param {string[]} packages @param {Log} log */
export async function aptInstall(packages, log) {
  if (process.getuid?.() !== 0) {
    throw new StackError('apt', `${packages.join(' ')} missing and not root: install it with apt-get`);
  }
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  await withLock(path.join(CACHE_DIR, '.lock-apt'), null, async () => {
    const t0 = Date.now();
    log(`[stack] installing ${packages.join(' ')} with apt-get…`);
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    await run('apt-get update', 'apt-get', ['update'], { env });
    await run('apt-get install', 'apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
      env,
    });
    log(`[stack] installed ${packages.join(' ')} ${since(t0)}`);
  });
}

/**
 * @param {string} cmd
 * @param {string} aptPackage
 * @param {Log} log
 * @returns {Promise<string>} its path
 */
export async function ensureCommand(cmd, aptPackage, log) {
  const found = which(cmd);
  if (found) return found;
  await aptInstall([aptPackage], log);
  return (
    which(cmd) ??
    Promise.reject(new StackError('prerequisites', `${cmd} still missing after installing ${aptPackage}`))
  );
}

// the face the volunteer service embeds in printed certificates (apps/volunteer/src/config.ts), whose glyphs every
// screenshot needs for its Chinese too; a machine that names its own font (CERTIFICATE_FONT) needs none
const hasCertificateFont = () =>
  Boolean(process.env.CERTIFICATE_FONT) ||
  spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).stdout?.includes('Noto Serif CJK');

/**
 * fonts-noto-cjk, and with `browser` Debian's Chromium, which the browser tests drive with playwright-core
 * (`npx playwright install` cannot reach its CDN here; CHROMIUM_PATH points elsewhere).
 * @param {{ browser?: boolean, log?: Log }} [options]
 */
export async function ensureSystemPackages({ browser = false, log = console.log } = {}) {
  const missing = [];
  if (browser && !fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) missing.push('chromium');
  if (!hasCertificateFont()) missing.push('fonts-noto-cjk');
  if (missing.length > 0) await aptInstall(missing, log);
}
