import { describe, expect, it } from 'vitest';
import { freePort, waitFor } from './apps';

describe('test helpers', () => {
  it('waits until the probe gives a value and returns it', async () => {
    let calls = 0;
    const value = await waitFor(async () => (++calls >= 3 ? 'ready' : undefined), { intervalMs: 1 });
    expect(value).toBe('ready');
    expect(calls).toBe(3);
  });

  it('says what it waited for and the last error when time runs out', async () => {
    const probe = () => Promise.reject(new Error('connection refused'));
    await expect(waitFor(probe, { timeoutMs: 30, intervalMs: 5, what: 'the broker' })).rejects.toThrow(
      /waiting for the broker: connection refused/,
    );
  });

  it('finds a port nobody listens on', async () => {
    const port = await freePort();
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });
});
