import type { EventData } from '@psc/contracts';
import { type DashboardGrain, DASHBOARD_GRAINS, type VolunteerTallyField } from '@psc/contracts/insight';
import { covers } from '@psc/auth';
import {
  type ActivityCategory,
  ageInDays,
  FIVE_ONE_OF_CATEGORY,
  FIVE_ONES,
  type FiveOne,
} from '@psc/contracts/volunteer';
import type { CounterFact, CounterWrite } from './counters';
import { counterId, periodKeys, periodsOfInstant, placesOf } from './periods';

type Fact = CounterFact<VolunteerTallyField>;

/** What insight keeps of an activity for the events that name only its id. */
export interface ActivityMemo {
  centreId: string;
  category: ActivityCategory;
}

/** A day served or reported is counted at noon in Shanghai, inside that day's period at every grain. */
export const onDay = (day: string) => new Date(`${day}T12:00:00+08:00`);

export function registered(data: EventData<'volunteer.volunteer.registered'>): Fact[] {
  const inc = { registered: 1, partyMembersRegistered: data.partyMember ? 1 : 0 };
  return [{ centreId: data.centreId, at: new Date(data.at), inc }];
}

export function partyReported(data: EventData<'volunteer.volunteer.party-reported'>): Fact[] {
  return [{ centreId: data.communityId, at: onDay(data.reportedOn), inc: { partyReported: 1 } }];
}

export function activityPublished(data: EventData<'volunteer.activity.published'>): Fact[] {
  const inc = { activities: 1, activityPlaces: data.capacity };
  return [{ centreId: data.centreId, at: new Date(data.startsAt), inc }];
}

export function checkedIn(
  data: EventData<'volunteer.activity.attendance-recorded'>,
  activity: ActivityMemo | null,
): Fact[] {
  if (data.step !== 'checked_in' || activity === null) return [];
  return [{ centreId: activity.centreId, at: new Date(data.at), inc: { checkIns: 1 } }];
}

/** A ledger entry or its reversal (negative minutes) on the day served, 信用 and 荣誉 apart. */
export function hours(data: EventData<'volunteer.hours.credited'>): Fact[] {
  const field = data.kind === 'credit' ? 'creditMinutes' : 'honourMinutes';
  return [{ centreId: data.centreId, at: onDay(data.servedOn), inc: { [field]: data.minutes } }];
}

/** The places a volunteer was already counted active at, per grain, in the periods of one instant. */
export type Seen = Record<DashboardGrain, string[]>;

/**
 * Active volunteers are distinct per place and period, so these writes are not a plain fact: a place counts the
 * volunteer once in each period, and its parent's `children` entry for it likewise.
 */
export function activeWrites(centreId: string, at: Date, seen: Seen): CounterWrite[] {
  const { periods } = periodsOfInstant(at);
  const places = placesOf(centreId);
  return DASHBOARD_GRAINS.flatMap((grain) =>
    places.flatMap((place, level) => {
      const inc: Record<string, number> = {};
      if (!seen[grain].includes(place)) inc['total.activeVolunteers'] = 1;
      const child = level > 0 ? places[level - 1] : null;
      if (child !== null && !seen[grain].includes(child))
        inc[`children.${child.slice(place.length + 1)}.activeVolunteers`] = 1;
      if (Object.keys(inc).length === 0) return [];
      const period = periods[grain];
      return [
        {
          id: counterId(place, grain, period),
          update: { $inc: inc, $set: periodKeys(place, grain, period) },
        },
      ];
    }),
  );
}

/**
 * A volunteer's "五个一" year as insight keeps it, whatever order its events arrive in (the ledger, the activities
 * and 双报到 travel on different topics): each entry that may count, by entry id (so a replay is harmless), its item
 * still null while its activity is unknown; and where and when the year was counted as met.
 */
export interface FiveOnesYear {
  entries: Record<string, { item: FiveOne | null; activityId: string | null; centreId: string; day: string }>;
  counted: { communityId: string; day: string } | null;
}

/** The item a ledger entry counts toward; null while its activity is unknown; undefined when it never counts. */
export function fiveOneItem(
  data: EventData<'volunteer.hours.credited'>,
  activity: ActivityMemo | null,
): FiveOne | null | undefined {
  if (data.kind !== 'credit') return undefined;
  if (data.source === 'wish') return 'wish';
  if (data.source !== 'attendance' || data.activityId === null) return undefined;
  return activity ? FIVE_ONE_OF_CATEGORY[activity.category] : null;
}

/**
 * The day a member met the year at their community: every item served there at least once, on the day the last of
 * them first was; null while one is missing.
 */
export function metDay(year: FiveOnesYear, communityId: string | null): string | null {
  if (communityId === null) return null;
  const first = new Map<FiveOne, string>();
  for (const { item, centreId, day } of Object.values(year.entries)) {
    if (item === null || !covers(communityId, centreId)) continue;
    const known = first.get(item);
    if (known === undefined || day < known) first.set(item, day);
  }
  const days = (Object.keys(FIVE_ONES) as FiveOne[]).flatMap((k) => first.get(k) ?? []);
  return days.length === Object.keys(FIVE_ONES).length ? (days.sort().at(-1) ?? null) : null;
}

/** Moves the member's count when where or when the year was met changed: −1 where it was, +1 where it is now. */
export function fiveOnesMoved(before: FiveOnesYear['counted'], after: FiveOnesYear['counted']): Fact[] {
  if (before?.communityId === after?.communityId && before?.day === after?.day) return [];
  const fact = ({ communityId, day }: { communityId: string; day: string }, by: number): Fact => ({
    centreId: communityId,
    at: onDay(day),
    inc: { fiveOnesMet: by },
  });
  return [...(before ? [fact(before, -1)] : []), ...(after ? [fact(after, 1)] : [])];
}

export function wishChanged(data: EventData<'volunteer.wish.changed'>, postedAt: Date | null): Fact[] {
  const at = new Date(data.at);
  const fact = (inc: Fact['inc']): Fact[] => [{ centreId: data.centreId, at, inc }];
  switch (data.state) {
    case 'pending':
      return fact({ wishesPosted: 1 });
    case 'claimed':
      return fact({ wishesClaimed: 1 });
    case 'fulfilled':
      return fact({ wishesFulfilled: 1, wishDaysToFulfil: postedAt ? ageInDays(postedAt, at) : 0 });
    case 'open':
    case 'rejected':
    case 'confirmed':
      return [];
  }
}
