import { ROUNDING_MINUTES } from '@psc/contracts/volunteer';
import { shanghaiDay } from '@psc/util';

/** Hours as a volunteer reads them: whole quarters, so at most two decimals and no trailing zeros. */
export const hoursOf = (minutes: number) =>
  String(Math.trunc(minutes / ROUNDING_MINUTES) / (60 / ROUNDING_MINUTES));

/** Activities that run on the Shanghai day of `now`, soonest first. */
export function onDay<T extends { startsAt: string; endsAt: string }>(activities: T[], now: Date): T[] {
  const day = shanghaiDay(now);
  return activities
    .filter((a) => shanghaiDay(a.startsAt) <= day && shanghaiDay(a.endsAt) >= day)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
