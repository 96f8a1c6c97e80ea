import { shanghaiDay } from '@psc/util';

/** Activities that run on the Shanghai day of `now`, soonest first. */
export function onDay<T extends { startsAt: string; endsAt: string }>(activities: T[], now: Date): T[] {
  const day = shanghaiDay(now);
  return activities
    .filter((a) => shanghaiDay(a.startsAt) <= day && shanghaiDay(a.endsAt) >= day)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
