// Machine prerequisites: commands the stack needs, installed with apt-get when missing (as root).

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
