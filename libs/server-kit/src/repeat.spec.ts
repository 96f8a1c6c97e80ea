import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { repeat } from './repeat';

describe('repeat', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs on every tick but never twice at once, and goes on after a failure', async () => {
    let started = 0;
    let finish: (() => void) | undefined;
    const errors: unknown[] = [];
    const loop = repeat(
      100,
      () => {
        started += 1;
        if (started === 2) return Promise.reject(new Error('store away'));
        return new Promise<void>((resolve) => (finish = resolve));
      },
      (error) => errors.push(error),
    );
    await vi.advanceTimersByTimeAsync(350);
    expect(started).toBe(1); // the first run is still going: three ticks passed it by
    finish?.();
    await vi.advanceTimersByTimeAsync(100);
    expect(started).toBe(2);
    expect(errors).toEqual([new Error('store away')]);
    await vi.advanceTimersByTimeAsync(100);
    expect(started).toBe(3);
    const stopped = loop.stop();
    let done = false;
    void stopped.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(500);
    expect(done).toBe(false); // waits for the run under way
    finish?.();
    await stopped;
    expect(started).toBe(3);
  });
});
