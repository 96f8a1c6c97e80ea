import { yuan } from '@psc/contracts/socialorg';
import { AppError } from '@psc/server-kit';

/**
 * The money of one fund — a call's budget, a subsidy scheme's budget — as an append-only list of entries in 分.
 * A commitment (an award, a granted claim) takes money from the budget; payments draw on it; a release gives part
 * of what is unpaid back to the budget; closing a commitment gives back all of it, and nothing is paid from it after.
 *
 *   budget    = committed + remaining       committed = Σ commit − Σ release − Σ close
 *   for each commitment: paid ≤ committed, and paid = committed once closed
 *
 * Entries are never edited; a refused operation adds nothing. The functions below decide an entry from the entries
 * so far; writing it, on the revision it was decided against, is the repository's part.
 */

export type LedgerEntryKind = 'commit' | 'pay' | 'release' | 'close';

export interface LedgerEntry {
  /** 1, 2, 3 … in the order written */
  seq: number;
  kind: LedgerEntryKind;
  /** the commitment: an application of a call, a claim of a scheme */
  key: string;
  amountFen: number;
  /** a payment: which tranche of the agreement it pays (1-based); null where there are none */
  tranche: number | null;
  voucher: string | null;
  paidOn: string | null;
  /** a release or close: why the money went back */
  cause: string | null;
  by: string;
  at: string;
}

export interface Ledger {
  budgetFen: number;
  entries: readonly LedgerEntry[];
}

export interface Commitment {
  key: string;
  committedFen: number;
  /** given back by releases and the close */
  releasedFen: number;
  paidFen: number;
  /** committed − released − paid: what may still be paid, or released */
  openFen: number;
  closed: boolean;
}

export interface Balances {
  budgetFen: number;
  /** committed net of what was given back; payments are part of it */
  committedFen: number;
  remainingFen: number;
  paidFen: number;
  releasedFen: number;
}

type Stamp = Pick<LedgerEntry, 'by' | 'at'>;

export function balances(ledger: Ledger): Balances {
  let committed = 0;
  let released = 0;
  let paid = 0;
  for (const e of ledger.entries) {
    if (e.kind === 'commit') committed += e.amountFen;
    else if (e.kind === 'pay') paid += e.amountFen;
    else released += e.amountFen;
  }
  return {
    budgetFen: ledger.budgetFen,
    committedFen: committed - released,
    remainingFen: ledger.budgetFen - committed + released,
    paidFen: paid,
    releasedFen: released,
  };
}

/** The commitment under `key`, or null when nothing was committed under it. */
export function commitment(ledger: Ledger, key: string): Commitment | null {
  const entries = ledger.entries.filter((e) => e.key === key);
  if (!entries.some((e) => e.kind === 'commit')) return null;
  const sum = (kinds: LedgerEntryKind[]) =>
    entries.filter((e) => kinds.includes(e.kind)).reduce((total, e) => total + e.amountFen, 0);
  const committedFen = sum(['commit']);
  const releasedFen = sum(['release', 'close']);
  const paidFen = sum(['pay']);
  return {
    key,
    committedFen,
    releasedFen,
    paidFen,
    openFen: committedFen - releasedFen - paidFen,
    closed: entries.some((e) => e.kind === 'close'),
  };
}

/** What has been paid under `key` towards one tranche. */
export const paidTowards = (ledger: Ledger, key: string, tranche: number): number =>
  ledger.entries
    .filter((e) => e.kind === 'pay' && e.key === key && e.tranche === tranche)
    .reduce((total, e) => total + e.amountFen, 0);

const entry = (ledger: Ledger, fields: Omit<LedgerEntry, 'seq'>): LedgerEntry => ({
  seq: ledger.entries.length + 1,
  ...fields,
});

const blank = { tranche: null, voucher: null, paidOn: null, cause: null };

const assertAmount = (amountFen: number) => {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0)
    throw new AppError('COMMON.VALIDATION_FAILED', `金额须为正的整数分：${amountFen}`);
};

function open(ledger: Ledger, key: string): Commitment {
  const found = commitment(ledger, key);
  if (!found) throw new AppError('SOCIALORG.AWARD_NOT_FOUND', '该项目没有立项资金');
  if (found.closed) throw new AppError('SOCIALORG.FUNDS_CLOSED', undefined, { key, paidFen: found.paidFen });
  return found;
}

/** Commits `amountFen` of the budget to `key`, once; refused when the budget has not that much left. */
export function commit(
  ledger: Ledger,
  key: string,
  amountFen: number,
  stamp: Stamp,
  what = '立项金额',
): LedgerEntry {
  assertAmount(amountFen);
  if (commitment(ledger, key))
    throw new AppError('SOCIALORG.CALL_ILLEGAL_STEP', '该项目已经立项，不能重复立项');
  const { remainingFen } = balances(ledger);
  if (amountFen > remainingFen)
    throw new AppError(
      'SOCIALORG.OVER_BUDGET',
      `${what} ${yuan(amountFen)} 超出剩余预算 ${yuan(remainingFen)}`,
      { amountFen, remainingFen },
    );
  return entry(ledger, { kind: 'commit', key, amountFen, ...blank, ...stamp });
}

/** Pays `amountFen` under `key`; refused past what is open, and once the commitment is closed. */
export function pay(
  ledger: Ledger,
  key: string,
  amountFen: number,
  payment: { tranche: number | null; voucher: string; paidOn: string } & Stamp,
): LedgerEntry {
  assertAmount(amountFen);
  const { openFen } = open(ledger, key);
  if (amountFen > openFen)
    throw new AppError(
      'SOCIALORG.PAYMENT_EXCEEDS',
      `本次拨付 ${yuan(amountFen)} 超出尚未拨付的 ${yuan(openFen)}`,
      { amountFen, openFen },
    );
  return entry(ledger, { kind: 'pay', key, amountFen, cause: null, ...payment });
}

/** Gives `amountFen` of what is unpaid under `key` back to the budget; the commitment stays open for the rest. */
export function release(
  ledger: Ledger,
  key: string,
  amountFen: number,
  cause: string,
  stamp: Stamp,
): LedgerEntry {
  assertAmount(amountFen);
  const { openFen } = open(ledger, key);
  if (amountFen > openFen)
    throw new AppError(
      'SOCIALORG.PAYMENT_EXCEEDS',
      `释放金额 ${yuan(amountFen)} 超出尚未拨付的 ${yuan(openFen)}`,
      { amountFen, openFen },
    );
  return entry(ledger, { kind: 'release', key, amountFen, ...blank, cause, ...stamp });
}

/** Closes `key`: whatever is unpaid (possibly nothing) goes back to the budget, and nothing more is paid from it. */
export function close(ledger: Ledger, key: string, cause: string, stamp: Stamp): LedgerEntry {
  const { openFen } = open(ledger, key);
  return entry(ledger, { kind: 'close', key, amountFen: openFen, ...blank, cause, ...stamp });
}

/** The ledger with `next` written after the entries so far. */
export const appended = (ledger: Ledger, ...next: LedgerEntry[]): Ledger => ({
  budgetFen: ledger.budgetFen,
  entries: [...ledger.entries, ...next],
});
