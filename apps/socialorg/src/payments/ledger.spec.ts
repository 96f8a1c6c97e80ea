import { AppError } from '@psc/server-kit';
import { expectAppError } from '@psc/testing/unit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertReconciles } from '../../test/ledger-checks';
import {
  appended,
  balances,
  close,
  commit,
  commitment,
  type Ledger,
  type LedgerEntry,
  paidTowards,
  pay,
  release,
} from './ledger';

const stamp = { by: 'u-admin', at: '2026-03-02T02:00:00.000Z' };
const paid = (tranche: number) => ({ tranche, voucher: `V-${tranche}`, paidOn: '2026-03-02', ...stamp });
const fresh = (budgetFen: number): Ledger => ({ budgetFen, entries: [] });

describe('ledger', () => {
  it('commits, pays and closes, keeping budget = committed + remaining to the 分', () => {
    let ledger = fresh(10_000_000);
    ledger = appended(ledger, commit(ledger, 'A-1', 3_000_001, stamp));
    ledger = appended(ledger, commit(ledger, 'A-2', 6_999_999, stamp));
    expect(balances(ledger)).toEqual({
      budgetFen: 10_000_000,
      committedFen: 10_000_000,
      remainingFen: 0,
      paidFen: 0,
      releasedFen: 0,
    });
    ledger = appended(ledger, pay(ledger, 'A-1', 900_000, paid(1)));
    ledger = appended(ledger, close(ledger, 'A-1', 'agreement_terminated', stamp));
    expect(commitment(ledger, 'A-1')).toEqual({
      key: 'A-1',
      committedFen: 3_000_001,
      releasedFen: 2_100_001,
      paidFen: 900_000,
      openFen: 0,
      closed: true,
    });
    expect(balances(ledger)).toMatchObject({
      committedFen: 7_899_999,
      remainingFen: 2_100_001,
      paidFen: 900_000,
    });
    expect(ledger.entries.map((e) => [e.seq, e.kind, e.amountFen])).toEqual([
      [1, 'commit', 3_000_001],
      [2, 'commit', 6_999_999],
      [3, 'pay', 900_000],
      [4, 'close', 2_100_001],
    ]);
  });

  it('refuses a commitment over what the budget has left, naming both amounts', async () => {
    const ledger = appended(fresh(5_000_000), commit(fresh(5_000_000), 'A-1', 4_000_000, stamp));
    const error = await expectAppError(
      () => commit(ledger, 'A-2', 1_000_001, stamp),
      'SOCIALORG.OVER_BUDGET',
    );
    expect(error.message).toBe('立项金额 10,000.01元 超出剩余预算 10,000.00元');
    expect(error.status).toBe(409);
  });

  it('refuses a payment over what is unpaid, and any payment once closed', async () => {
    let ledger = fresh(1_000_000);
    ledger = appended(ledger, commit(ledger, 'A-1', 1_000_000, stamp));
    ledger = appended(ledger, pay(ledger, 'A-1', 300_000, paid(1)));
    const over = await expectAppError(
      () => pay(ledger, 'A-1', 700_001, paid(2)),
      'SOCIALORG.PAYMENT_EXCEEDS',
    );
    expect(over.message).toBe('本次拨付 7,000.01元 超出尚未拨付的 7,000.00元');
    ledger = appended(ledger, close(ledger, 'A-1', 'agreement_terminated', stamp));
    await expectAppError(() => pay(ledger, 'A-1', 1, paid(2)), 'SOCIALORG.FUNDS_CLOSED');
    await expectAppError(() => close(ledger, 'A-1', 'again', stamp), 'SOCIALORG.FUNDS_CLOSED');
    await expectAppError(() => pay(ledger, 'A-9', 1, paid(1)), 'SOCIALORG.AWARD_NOT_FOUND');
    await expectAppError(() => commit(ledger, 'A-1', 1, stamp), 'SOCIALORG.CALL_ILLEGAL_STEP');
  });

  it('counts payments per tranche and refuses amounts that are not whole positive 分', async () => {
    let ledger = fresh(1_000_000);
    ledger = appended(ledger, commit(ledger, 'A-1', 1_000_000, stamp));
    ledger = appended(ledger, pay(ledger, 'A-1', 100_000, paid(2)), pay(ledger, 'A-1', 50_000, paid(1)));
    expect(paidTowards(ledger, 'A-1', 2)).toBe(100_000);
    expect(paidTowards(ledger, 'A-1', 3)).toBe(0);
    for (const bad of [0, -5, 1.5, Number.NaN])
      await expectAppError(() => pay(ledger, 'A-1', bad, paid(1)), 'COMMON.VALIDATION_FAILED');
  });
});

// ----------------------------------------------------------------------------------------------------------------
// Property: over any sequence of awards, payments, releases and cancellations the money reconciles, every refusal
// is exactly the one an independent model predicts, and a refusal changes nothing.
// ----------------------------------------------------------------------------------------------------------------

type Op =
  | { op: 'commit'; key: string; amount: number }
  | { op: 'pay'; key: string; amount: number }
  | { op: 'release'; key: string; amount: number }
  | { op: 'close'; key: string };

const keys = fc.constantFrom('A-1', 'A-2', 'A-3', 'A-4');
const amount = fc.oneof(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 5_000_000 }));
const ops = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('commit' as const), key: keys, amount }),
    fc.record({ op: fc.constant('pay' as const), key: keys, amount }),
    fc.record({ op: fc.constant('release' as const), key: keys, amount }),
    fc.record({ op: fc.constant('close' as const), key: keys }),
  ),
  { maxLength: 60 },
);

/** The rules said plainly, to hold the ledger's refusals against. */
function modelAllows(
  model: Map<string, { committed: number; paid: number; released: number; closed: boolean }>,
  budget: number,
  op: Op,
): boolean {
  const entry = model.get(op.key);
  const committed = [...model.values()].reduce((s, m) => s + m.committed - m.released, 0);
  const openOf = (m: NonNullable<typeof entry>) => m.committed - m.released - m.paid;
  switch (op.op) {
    case 'commit':
      return !entry && op.amount <= budget - committed;
    case 'pay':
    case 'release':
      return !!entry && !entry.closed && op.amount <= openOf(entry);
    case 'close':
      return !!entry && !entry.closed;
  }
}

function apply(ledger: Ledger, op: Op): LedgerEntry {
  switch (op.op) {
    case 'commit':
      return commit(ledger, op.key, op.amount, stamp);
    case 'pay':
      return pay(ledger, op.key, op.amount, paid(1));
    case 'release':
      return release(ledger, op.key, op.amount, 'contract_below_award', stamp);
    case 'close':
      return close(ledger, op.key, 'agreement_terminated', stamp);
  }
}

describe('ledger invariants (property)', () => {
  it('reconciles to the 分 after every step, refuses exactly what the rules refuse, and only ever appends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), ops, (budget, sequence) => {
        let ledger = fresh(budget);
        const model = new Map<
          string,
          { committed: number; paid: number; released: number; closed: boolean }
        >();
        for (const op of sequence) {
          const before = ledger;
          const allowed = modelAllows(model, budget, op);
          let written: LedgerEntry | undefined;
          try {
            written = apply(ledger, op);
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            // a commitment that is not there is 404; everything else the rules refuse is a 409 conflict
            expect((error as AppError).status).toBe(op.op !== 'commit' && !model.has(op.key) ? 404 : 409);
          }
          expect(written !== undefined, JSON.stringify(op)).toBe(allowed);
          if (written) {
            ledger = appended(ledger, written);
            const m = model.get(op.key) ?? { committed: 0, paid: 0, released: 0, closed: false };
            if (op.op === 'commit') m.committed += op.amount;
            if (op.op === 'pay') m.paid += op.amount;
            if (op.op === 'release') m.released += op.amount;
            if (op.op === 'close') {
              m.released = m.committed - m.paid;
              m.closed = true;
            }
            model.set(op.key, m);
          }
          // entries written before are never touched
          expect(ledger.entries.slice(0, before.entries.length)).toEqual(before.entries);
          assertReconciles(ledger);
        }
        const totals = balances(ledger);
        const modelCommitted = [...model.values()].reduce((s, m) => s + m.committed - m.released, 0);
        expect(totals.committedFen).toBe(modelCommitted);
        expect(totals.paidFen).toBe([...model.values()].reduce((s, m) => s + m.paid, 0));
      }),
      { numRuns: 300 },
    );
  });
});
