/** A clock the spec moves by hand; pass it where a `Clock` (`() => Date`) is injected. */
export function manualClock(start = '2025-03-03T02:00:00Z') {
  let now = new Date(start).getTime();
  const clock = () => new Date(now);
  clock.advance = (ms: number) => void (now += ms);
  /** jumps to an instant, e.g. the end of a due day in Shanghai */
  clock.set = (at: string | Date) => void (now = new Date(at).getTime());
  return clock;
}

export type ManualClock = ReturnType<typeof manualClock>;
