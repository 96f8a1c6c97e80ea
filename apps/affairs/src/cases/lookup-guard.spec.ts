import { describe, expect, it } from 'vitest';
import { LOOKUP_FAILURES_ALLOWED, LOOKUP_WINDOW_MS, LookupGuard } from './lookup-guard';

describe('progress lookup guard', () => {
  it('pauses lookups of a case after repeated wrong ID tails, for that case only, until the window passes', () => {
    const guard = new LookupGuard();
    for (let i = 0; i < LOOKUP_FAILURES_ALLOWED; i++) {
      expect(guard.blocked('26112400001', 1000)).toBe(false);
      guard.failed('26112400001', 1000);
    }
    expect(guard.blocked('26112400001', 2000)).toBe(true);
    expect(guard.blocked('26112400002', 2000)).toBe(false);
    expect(guard.blocked('26112400001', 1000 + LOOKUP_WINDOW_MS + 1)).toBe(false);
  });
});
