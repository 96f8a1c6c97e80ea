import {
  type AffairsDashboard,
  type AffairsRates,
  type AffairsTally,
  AFFAIRS_TALLY_FIELDS,
} from '@psc/contracts/insight';
import type { CounterDoc } from './dashboard.model';

type Counts = Record<string, number>;

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function tallyOf(counts: Counts | undefined): AffairsTally {
  return Object.fromEntries(AFFAIRS_TALLY_FIELDS.map((f) => [f, counts?.[f] ?? 0])) as AffairsTally;
}

export function ratesOf(t: AffairsTally): AffairsRates {
  const ratings = t.rating1 + t.rating2 + t.rating3 + t.rating4 + t.rating5;
  const wait = ratio(t.waitSeconds, t.ticketsCalled);
  return {
    oneTrip: ratio(t.oneTrip, t.delivered),
    completedOnTime: ratio(t.completedOnTime, t.completed),
    meanHandlingDays: ratio(t.handlingDays, t.timed),
    meanPromisedDays: ratio(t.promisedDays, t.timed),
    good: ratio(t.rating4 + t.rating5, ratings),
    rectifiedOnTime: ratio(t.rectifiedOnTime, t.rectified + t.rectificationOverdue),
    meanWaitMinutes: wait === null ? null : wait / 60,
  };
}

const figures = (counts: Counts | undefined) => {
  const tally = tallyOf(counts);
  return { tally, rates: ratesOf(tally) };
};

function add(into: Map<string, Counts>, key: string, counts: Counts): void {
  const sum = into.get(key) ?? {};
  for (const [field, n] of Object.entries(counts)) sum[field] = (sum[field] ?? 0) + n;
  into.set(key, sum);
}

/**
 * The affairs section over a range: the period documents of the place (null where nothing happened), summed.
 * Counters add up across periods, which is why rates are derived here and never stored.
 */
export function affairsDashboard(
  scope: string,
  periods: string[],
  docs: (CounterDoc | null)[],
): AffairsDashboard {
  const total = new Map<string, Counts>();
  const items = new Map<string, Counts>();
  const children = new Map<string, Counts>();
  const hours = new Map<string, Counts>();
  for (const doc of docs) {
    if (!doc) continue;
    add(total, '', doc.total ?? {});
    for (const [code, counts] of Object.entries(doc.items ?? {})) add(items, code, counts);
    for (const [child, counts] of Object.entries(doc.children ?? {})) add(children, child, counts);
    for (const [hour, counts] of Object.entries(doc.hours ?? {})) add(hours, hour, counts);
  }
  const sorted = <T>(map: Map<string, Counts>, shape: (key: string, counts: Counts) => T) =>
    [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, counts]) => shape(key, counts));
  return {
    ...figures(total.get('')),
    series: periods.map((period, i) => ({ period, ...figures(docs[i]?.total) })),
    items: sorted(items, (itemCode, c) => ({ itemCode, ...figures(c) })),
    children: sorted(children, (child, c) => ({ scope: `${scope}/${child}`, ...figures(c) })),
    hours: sorted(hours, (hour, c) => ({ hour, ...figures(c) })),
  };
}
