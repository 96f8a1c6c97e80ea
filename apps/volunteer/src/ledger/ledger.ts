import type { EventData } from '@psc/contracts';
import type { BalanceView } from '@psc/contracts/volunteer';
import type { LedgerEntry } from './ledger-entry.model';

/**
 * The ledger's arithmetic, pure: which totals an entry moves and by how much. The consumer applies it to the
 * counters and the reconciliation recomputes it from the entries, so the two can only agree or be caught.
 */

type Moved = Pick<LedgerEntry, 'volunteerId' | 'kind' | 'minutes' | 'centreId' | 'teamId' | 'servedOn'>;

export interface BalanceKey {
  id: string;
  /** the centre's monthly report this row belongs to */
  report?: string;
}

/** Every total an entry counts toward; periods are those of the day served, so a reversal lands where it should. */
export function balanceKeys(entry: Moved): BalanceKey[] {
  const year = entry.servedOn.slice(0, 4);
  const month = entry.servedOn.slice(0, 7);
  const periods = (prefix: string) => [prefix, `${prefix}|${year}`, `${prefix}|${month}`];
  return [
    ...periods(`v|${entry.volunteerId}`),
    ...(entry.teamId ? periods(`t|${entry.teamId}`) : []),
    ...periods(`c|${entry.centreId}`),
    { id: `cv|${entry.centreId}|${month}|${entry.volunteerId}`, report: `${entry.centreId}|${month}` },
  ].map((key) => (typeof key === 'string' ? { id: key } : key));
}

export const minutesField = (kind: LedgerEntry['kind']) =>
  kind === 'credit' ? 'creditMinutes' : 'honourMinutes';

/** The counter updates of one entry: `$inc` only, so a batch's updates of one total merge exactly. */
export function balanceUpdates(entry: Moved): { id: string; update: Record<string, unknown> }[] {
  const inc = { [minutesField(entry.kind)]: entry.minutes, entries: entry.minutes < 0 ? -1 : 1 };
  return balanceKeys(entry).map(({ id, report }) => ({
    id,
    update: report ? { $inc: inc, $set: { report } } : { $inc: inc },
  }));
}

export const EMPTY_BALANCE: BalanceView = { creditMinutes: 0, honourMinutes: 0, entries: 0 };

/** Adds one entry to `sums`, keyed as the counters are. */
export function addToSums(sums: Map<string, BalanceView>, entry: Moved): void {
  for (const { id } of balanceKeys(entry)) {
    const sum = sums.get(id) ?? { ...EMPTY_BALANCE };
    sum[minutesField(entry.kind)] += entry.minutes;
    sum.entries += entry.minutes < 0 ? -1 : 1;
    sums.set(id, sum);
  }
}

/** The totals the entries add up to: what the reconciliation expects the counters to hold. */
export function sumEntries(entries: Iterable<Moved>): Map<string, BalanceView> {
  const sums = new Map<string, BalanceView>();
  for (const entry of entries) addToSums(sums, entry);
  return sums;
}

/** The event an entry is published with: `volunteer.hours.credited`, or `.reversed` for a reversal. */
export function entryEvent(entry: LedgerEntry) {
  const data: EventData<'volunteer.hours.credited'> = {
    entryId: entry._id,
    volunteerId: entry.volunteerId,
    kind: entry.kind,
    minutes: entry.minutes,
    source: entry.source,
    sourceRef: entry.sourceRef,
    activityId: entry.activityId,
    centreId: entry.centreId,
    teamId: entry.teamId,
    projectId: entry.projectId,
    servedOn: entry.servedOn,
    approvedBy: entry.approvedBy,
    reason: entry.reason,
    reverses: entry.reverses,
    at: entry.at.toISOString(),
  };
  return entry.reverses
    ? { type: 'volunteer.hours.reversed' as const, data }
    : { type: 'volunteer.hours.credited' as const, data };
}

export const reversalId = (entryId: string) => `rev:${entryId}`;

/** The entry that cancels `original`: the same totals, minus its minutes, with who and why. */
export function reversalOf(original: LedgerEntry, approvedBy: string, reason: string, at: Date): LedgerEntry {
  return {
    ...original,
    _id: reversalId(original._id),
    minutes: -original.minutes,
    approvedBy,
    reason,
    reverses: original._id,
    at,
  };
}

/** The net minutes per entry after reversals: what a volunteer's statement and certificate list. */
export function standing(entries: readonly LedgerEntry[]): LedgerEntry[] {
  const reversed = new Set(entries.flatMap((e) => (e.reverses ? [e.reverses] : [])));
  return entries.filter((e) => !e.reverses && !reversed.has(e._id));
}
