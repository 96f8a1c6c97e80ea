import type { CaseListQuery, CaseState } from '@psc/contracts/affairs';
import { shanghaiDay } from '@psc/work-calendar';
import type { Case } from './case.model';

/**
 * The keys a centre's cases are read by. The store serves only equality on an indexed field from an index
 * (tools/stack/README.md, "Point reads that stay fast"): a filter on a centre alone, a sort or an `$in` reads every
 * case of the centre or of the city, a year's worth and more. Each key below selects a set that stays small however
 * old the store is: `live` the cases that still ask something of a centre, `centreWeek` one week's intake of one centre.
 */

/** States in which staff still have a step to take. */
const WORKING: readonly CaseState[] = ['correcting', 'accepted', 'assigned', 'completed'];

/** Cases whose time limits and flags can still raise an alert (SLA, 容缺 promise, unanswered 差评). */
export const ALERTING: readonly CaseState[] = ['accepted', 'assigned', 'rated'];

/** A step still to take, or a 差评 still to answer. */
export const isLive = (found: Pick<Case, 'state' | 'rectification'>): boolean =>
  WORKING.includes(found.state) ||
  (found.state === 'rated' && found.rectification !== null && !found.rectification.answer);

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Monday of the Shanghai week `at` falls in, as YYYY-MM-DD. */
export function weekOf(at: Date): string {
  const midnight = Date.parse(`${shanghaiDay(at)}T00:00:00Z`);
  const sinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return dayOf(midnight - sinceMonday * DAY_MS);
}

export const centreWeek = (centreId: string, openedAt: Date): string => `${centreId}|${weekOf(openedAt)}`;

/** The most a list answers: the newest cases first. */
export const LIST_LIMIT = 500;
/** How far back a list looks for finished cases; live ones are listed whatever their age. */
export const LIST_WEEKS = 13;
/** Weeks read at once, newest first: a busy centre has its list after the first, a quiet one after four reads. */
const WAVES = [1, 2, 4, 6];

/** This week's key and those of the LIST_WEEKS − 1 before it, newest first, in the groups they are read in. */
export function weekWaves(centreId: string, now: Date): string[][] {
  const monday = Date.parse(`${weekOf(now)}T00:00:00Z`);
  const keys = Array.from({ length: LIST_WEEKS }, (_, i) => `${centreId}|${dayOf(monday - i * 7 * DAY_MS)}`);
  const waves: string[][] = [];
  let from = 0;
  for (const size of WAVES) {
    waves.push(keys.slice(from, from + size));
    from += size;
  }
  return waves;
}

/** A list only live cases can be on: a working state, or a time-limit status, which only running cases have. */
export const onlyLive = (query: Pick<CaseListQuery, 'state' | 'sla'>): boolean =>
  query.sla !== undefined || (query.state !== undefined && WORKING.includes(query.state));

/** What the workbench's filters keep (its time-limit status is a property of the view, filtered there). */
export const listed =
  (query: Pick<CaseListQuery, 'state' | 'assignee'>) =>
  (found: Case): boolean =>
    (!query.state || found.state === query.state) &&
    (!query.assignee || found.assignee?.name === query.assignee);

/** The `limit` newest, each case once. */
export function newest(found: Iterable<Case>, limit = LIST_LIMIT): Case[] {
  const once = new Map<string, Case>();
  for (const c of found) once.set(c._id, c);
  return [...once.values()]
    .sort((a, b) => new Date(b.openedAt).getTime() - new Date(a.openedAt).getTime())
    .slice(0, limit);
}
