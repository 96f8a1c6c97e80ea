import type { EventData } from '@psc/contracts';
import { type DashboardGrain, DASHBOARD_GRAINS, type VolunteerTallyField } from '@psc/contracts/insight';
import {
  type ActivityCategory,
  ageInDays,
  FIVE_ONE_OF_CATEGORY,
  fiveOnesMet,
  fiveOnesOf,
} from '@psc/contracts/volunteer';
import type { CounterFact, CounterWrite } from './counters';
import { counterId, periodsOfInstant, placesOf } from './periods';

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
      return [{ id: counterId(place, grain, period), update: { $inc: inc, $set: { place, grain, period } } }];
    }),
  );
}

/** A member's "五个一" year as insight keeps it: each standing entry's item, by entry id (so a replay is harmless). */
export type FiveOnesYear = Record<string, { item: string; day: string }>;

/** The item a ledger entry counts toward, or null (honour hours, service elsewhere, no category). */
export function fiveOneItem(
  data: EventData<'volunteer.hours.credited'>,
  activity: ActivityMemo | null,
): string | null {
  if (data.source === 'wish') return 'wish';
  if (data.source === 'attendance' && activity) return FIVE_ONE_OF_CATEGORY[activity.category];
  return null;
}

export function metOf(year: FiveOnesYear): boolean {
  const entries = Object.values(year);
  const attended = entries.flatMap(({ item, day }) => {
    const category = (Object.keys(FIVE_ONE_OF_CATEGORY) as ActivityCategory[]).find(
      (c) => FIVE_ONE_OF_CATEGORY[c] === item,
    );
    return category ? [{ category, day }] : [];
  });
  return fiveOnesMet(fiveOnesOf(attended, entries.filter((e) => e.item === 'wish').length));
}

/** +1 at the community when the year becomes met, −1 when a reversal undoes it. */
export function fiveOnesChanged(communityId: string, day: string, before: boolean, after: boolean): Fact[] {
  if (before === after) return [];
  return [{ centreId: communityId, at: onDay(day), inc: { fiveOnesMet: after ? 1 : -1 } }];
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
    default:
      return [];
  }
}
