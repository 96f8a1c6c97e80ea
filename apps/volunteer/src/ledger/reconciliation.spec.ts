import { describe, expect, it } from 'vitest';
import { mismatches, persistent } from './reconciliation';

const balance = (creditMinutes: number, honourMinutes = 0, entries = 1) => ({
  creditMinutes,
  honourMinutes,
  entries,
});

describe('reconciliation', () => {
  it('finds counters that are not the sum of their entries, counters with no entries, and negative ones', () => {
    const sums = new Map([
      ['v|r-1', balance(60)],
      ['v|r-2', balance(30)],
    ]);
    const counters = new Map([
      ['v|r-1', balance(60)],
      ['v|r-2', balance(45)],
      ['v|r-3', balance(-15, 0, 0)],
    ]);
    expect(mismatches(sums, counters)).toEqual([
      { key: 'v|r-2', field: 'creditMinutes', counter: 45, entries: 30 },
      { key: 'v|r-3', field: 'creditMinutes', counter: -15, entries: 0 },
    ]);
    expect(mismatches(sums, new Map(sums))).toEqual([]);
  });

  it('alarms only on what a second pass still finds', () => {
    const inFlight = { key: 'v|r-1', field: 'entries', counter: 1, entries: 2 };
    const stuck = { key: 'c|x', field: 'creditMinutes', counter: 5, entries: 0 };
    expect(persistent([inFlight, stuck], [stuck])).toEqual([stuck]);
  });
});
