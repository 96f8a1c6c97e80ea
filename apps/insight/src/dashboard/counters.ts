import { DASHBOARD_GRAINS } from '@psc/contracts/insight';
import { counterId, periodKeys, periodsOfInstant, placesOf, standingId } from './periods';

/**
 * Something an event adds to the counters of its centre: `inc` goes to the centre, street, district and city, for
 * the day, ISO week and month (Asia/Shanghai) of `at`; broken down by item when `itemCode` is given and by hour of
 * the day when `hourly`. Sources (affairs now, volunteer and socialorg later) state facts; this turns them into
 * counter writes.
 */
export interface CounterFact<F extends string> {
  centreId: string;
  at: Date;
  inc: Partial<Record<F, number>>;
  itemCode?: string;
  hourly?: boolean;
  /** a level (organisations by kind now) rather than a flow: kept in one document per place, not per period */
  standing?: boolean;
}

export interface CounterWrite {
  id: string;
  update: { $inc: Record<string, number>; $set: Record<string, string> };
}

/**
 * Each place's document of a period also keeps the counts of the places one level down (`children.<segment>`), so a
 * district's answer with its streets for drill-down is one read per period.
 */
export function counterWrites<F extends string>(fact: CounterFact<F>): CounterWrite[] {
  const { periods, hour } = periodsOfInstant(fact.at);
  const places = placesOf(fact.centreId);
  const entries = Object.entries(fact.inc) as [F, number][];
  return places.flatMap((place, level) => {
    const inc: Record<string, number> = {};
    const child = level > 0 ? places[level - 1].slice(place.length + 1) : null;
    for (const [field, by] of entries) {
      inc[`total.${field}`] = by;
      if (fact.itemCode !== undefined) inc[`items.${fact.itemCode}.${field}`] = by;
      if (fact.hourly) inc[`hours.${hour}.${field}`] = by;
      if (child !== null) inc[`children.${child}.${field}`] = by;
    }
    if (fact.standing) return [{ id: standingId(place), update: { $inc: inc, $set: { place } } }];
    return DASHBOARD_GRAINS.map((grain) => ({
      id: counterId(place, grain, periods[grain]),
      update: { $inc: inc, $set: periodKeys(place, grain, periods[grain]) },
    }));
  });
}
