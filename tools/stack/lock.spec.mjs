import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withLock } from './lock.mjs';

const tmpLock = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'psc-lock-spec-')), '.lock');

describe('withLock', () => {
  it('lets one holder in at a time and tells the one that waits', async () => {
    const lock = tmpLock();
    /** @type {string[]} */
    const events = [];
    let waited = 0;
    /** @type {() => void} */
    let release = () => {};
    const first = withLock(lock, null, async () => {
      events.push('first in');
      await new Promise((resolve) => (release = () => resolve(undefined)));
      events.push('first out');
    });
    const second = withLock(
      lock,
      () => {
        waited++;
        release();
      },
      () => events.push('second in'),
    );
    await Promise.all([first, second]);
    expect(events).toEqual(['first in', 'first out', 'second in']);
    expect(waited).toBe(1);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('takes over a lock whose owner has died', async () => {
    const lock = tmpLock();
    const dead = spawnSync('true');
    fs.mkdirSync(lock);
    fs.writeFileSync(path.join(lock, 'owner'), String(dead.pid));
    await expect(withLock(lock, null, () => 'in')).resolves.toBe('in');
  });

  it('releases the lock when the holder throws', async () => {
    const lock = tmpLock();
    await expect(
      withLock(lock, null, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(fs.existsSync(lock)).toBe(false);
  });
});
