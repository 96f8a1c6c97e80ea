// A cross-process mutex on a folder (mkdir is atomic).

import fs from 'node:fs';
import path from 'node:path';
import { isAlive, sleep, tailLines } from './processes.mjs';

/**
 * Runs fn while holding lockDir. The cache is shared by the dev stack and concurrent test stacks, so only one of
 * them may fill it; a lock whose owner died is taken over.
 * @template T
 * @param {string} lockDir
 * @param {(() => void) | null} onWait called once if the lock is held by someone else
 * @param {() => T | Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function withLock(lockDir, onWait, fn) {
  const owner = path.join(lockDir, 'owner');
  let told = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir, { recursive: false });
      fs.writeFileSync(owner, String(process.pid));
      break;
    } catch (e) {
      if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'EEXIST') throw e;
      const pid = Number(tailLines(owner, 1)) || 0;
      if (pid && pid !== process.pid && !isAlive(pid)) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!pid) {
        // Just created by someone who has not written the owner yet, or left empty by a crash.
        const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
        if (age > 10_000) fs.rmSync(lockDir, { recursive: true, force: true });
      }
      if (!told && onWait) onWait();
      told = true;
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}
