import type { BalanceView } from '@psc/contracts/volunteer';
import { EMPTY_BALANCE } from './ledger';
import type { Mismatch } from './reconciliation.model';

const FIELDS = ['creditMinutes', 'honourMinutes', 'entries'] as const;

/** Every total that is not the sum of its entries, or is below zero (which no sum of this ledger can be). */
export function mismatches(
  sums: ReadonlyMap<string, BalanceView>,
  counters: ReadonlyMap<string, BalanceView>,
): Mismatch[] {
  const found: Mismatch[] = [];
  for (const key of new Set([...sums.keys(), ...counters.keys()])) {
    const sum = sums.get(key) ?? EMPTY_BALANCE;
    const counter = counters.get(key) ?? EMPTY_BALANCE;
    for (const field of FIELDS) {
      if (counter[field] !== sum[field] || counter[field] < 0)
        found.push({ key, field, counter: counter[field], entries: sum[field] });
    }
  }
  return found.sort((a, b) => a.key.localeCompare(b.key) || a.field.localeCompare(b.field));
}

/** What two passes agree on: a difference seen once may be an entry whose event was still on its way. */
export const persistent = (first: Mismatch[], second: Mismatch[]) =>
  second.filter((m) => first.some((f) => f.key === m.key && f.field === m.field));
