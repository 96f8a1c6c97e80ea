import {
  type AffairsDashboard,
  type AffairsRates,
  type AffairsTally,
  AFFAIRS_TALLY_FIELDS,
  type RoomsDashboard,
  ROOMS_TALLY_FIELDS,
  type SocialorgDashboard,
  type SocialorgStanding,
  SOCIALORG_STANDING_FIELDS,
  SOCIALORG_TALLY_FIELDS,
  type VolunteerDashboard,
  type VolunteerRates,
  type VolunteerTally,
  VOLUNTEER_TALLY_FIELDS,
} from '@psc/contracts/insight';
import type { CounterDoc, Counts } from './dashboard.model';

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function valueAt(counts: Counts | undefined, field: string): number {
  let at: number | Counts | undefined = counts;
  for (const key of field.split('.')) at = typeof at === 'object' ? at[key] : undefined;
  return typeof at === 'number' ? at : 0;
}

export const tallyOf = <F extends string>(fields: readonly F[], counts: Counts | undefined) =>
  Object.fromEntries(fields.map((f) => [f, valueAt(counts, f)])) as Record<F, number>;

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

export function volunteerRatesOf(t: VolunteerTally): VolunteerRates {
  return {
    creditHours: t.creditMinutes / 60,
    honourHours: t.honourMinutes / 60,
    meanWishDaysToFulfil: ratio(t.wishDaysToFulfil, t.wishesFulfilled),
    wishesFulfilledShare: ratio(t.wishesFulfilled, t.wishesPosted),
  };
}

function add(into: Map<string, Counts>, key: string, counts: Counts): void {
  const sum = into.get(key) ?? {};
  const addInto = (to: Counts, from: Counts) => {
    for (const [field, n] of Object.entries(from)) {
      if (typeof n === 'number') to[field] = ((to[field] as number | undefined) ?? 0) + n;
      else addInto(((to[field] as Counts | undefined) ??= {}), n);
    }
  };
  addInto(sum, counts);
  into.set(key, sum);
}

type Part = 'items' | 'children' | 'hours';

/** The period documents of a place (null where nothing happened), summed: the total and each breakdown. */
function summed(docs: (CounterDoc | null)[]) {
  const total = new Map<string, Counts>();
  const parts: Record<Part, Map<string, Counts>> = {
    items: new Map(),
    children: new Map(),
    hours: new Map(),
  };
  for (const doc of docs) {
    if (!doc) continue;
    add(total, '', doc.total ?? {});
    for (const part of Object.keys(parts) as Part[])
      for (const [key, counts] of Object.entries(doc[part] ?? {})) add(parts[part], key, counts);
  }
  const sorted = <T>(part: Part, shape: (key: string, counts: Counts) => T) =>
    [...parts[part].entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, c]) => shape(key, c));
  return { total: total.get(''), sorted };
}

/**
 * The affairs section over a range. Counters add up across periods, which is why rates are derived here and never
 * stored.
 */
export function affairsDashboard(
  scope: string,
  periods: string[],
  docs: (CounterDoc | null)[],
): AffairsDashboard {
  const figures = (counts: Counts | undefined) => {
    const tally = tallyOf(AFFAIRS_TALLY_FIELDS, counts);
    return { tally, rates: ratesOf(tally) };
  };
  const { total, sorted } = summed(docs);
  return {
    ...figures(total),
    series: periods.map((period, i) => ({ period, ...figures(docs[i]?.total) })),
    items: sorted('items', (itemCode, c) => ({ itemCode, ...figures(c) })),
    children: sorted('children', (child, c) => ({ scope: `${scope}/${child}`, ...figures(c) })),
    hours: sorted('hours', (hour, c) => ({ hour, ...figures(c) })),
  };
}

export function volunteerDashboard(
  scope: string,
  periods: string[],
  docs: (CounterDoc | null)[],
): VolunteerDashboard {
  const figures = (counts: Counts | undefined) => {
    const tally = tallyOf(VOLUNTEER_TALLY_FIELDS, counts);
    return { tally, rates: volunteerRatesOf(tally) };
  };
  const { total, sorted } = summed(docs);
  return {
    ...figures(total),
    series: periods.map((period, i) => ({ period, ...figures(docs[i]?.total) })),
    children: sorted('children', (child, c) => ({ scope: `${scope}/${child}`, ...figures(c) })),
  };
}

function standingFigures(counts: Counts | undefined) {
  const standing: SocialorgStanding = tallyOf(SOCIALORG_STANDING_FIELDS, counts);
  const covered = standing.organisations - standing['partyBuilding.none'];
  return { standing, partyBuildingCoverage: ratio(covered, standing.organisations) };
}

/** `now` is the place's levels document, whatever the range. */
export function socialorgDashboard(
  scope: string,
  periods: string[],
  docs: (CounterDoc | null)[],
  now: CounterDoc | null,
): SocialorgDashboard {
  const tally = (counts: Counts | undefined) => tallyOf(SOCIALORG_TALLY_FIELDS, counts);
  const { total, sorted } = summed(docs);
  const levels = summed([now]);
  return {
    tally: tally(total),
    series: periods.map((period, i) => ({ period, tally: tally(docs[i]?.total) })),
    children: sorted('children', (child, c) => ({ scope: `${scope}/${child}`, tally: tally(c) })),
    now: {
      ...standingFigures(levels.total),
      children: levels.sorted('children', (child, c) => ({
        scope: `${scope}/${child}`,
        ...standingFigures(c),
      })),
    },
  };
}

export function roomsDashboard(
  scope: string,
  periods: string[],
  docs: (CounterDoc | null)[],
): RoomsDashboard {
  const tally = (counts: Counts | undefined) => tallyOf(ROOMS_TALLY_FIELDS, counts);
  const { total, sorted } = summed(docs);
  return {
    tally: tally(total),
    series: periods.map((period, i) => ({ period, tally: tally(docs[i]?.total) })),
    children: sorted('children', (child, c) => ({ scope: `${scope}/${child}`, tally: tally(c) })),
  };
}
