import { expect } from 'vitest';
import { balances, commitment, type Ledger } from '../src/payments/ledger';

/** The money invariants of one fund, asserted: the ledger specs and the services' property specs share them. */
export function assertReconciles(ledger: Ledger): void {
  const totals = balances(ledger);
  expect(totals.committedFen + totals.remainingFen).toBe(ledger.budgetFen);
  expect(totals.remainingFen).toBeGreaterThanOrEqual(0);
  expect(totals.committedFen).toBeGreaterThanOrEqual(totals.paidFen);
  expect(totals.paidFen).toBe(
    ledger.entries.filter((e) => e.kind === 'pay').reduce((s, e) => s + e.amountFen, 0),
  );
  expect(ledger.entries.map((e) => e.seq)).toEqual(ledger.entries.map((_, i) => i + 1));
  for (const key of new Set(ledger.entries.map((e) => e.key))) {
    const c = commitment(ledger, key)!;
    expect(c.paidFen + c.releasedFen).toBeLessThanOrEqual(c.committedFen);
    expect(c.openFen).toBeGreaterThanOrEqual(0);
    if (c.closed) expect(c.paidFen + c.releasedFen).toBe(c.committedFen);
  }
  for (const e of ledger.entries) expect(Number.isSafeInteger(e.amountFen) && e.amountFen >= 0).toBe(true);
}
