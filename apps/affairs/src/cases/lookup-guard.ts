/** Wrong "case number + last 6" pairs allowed per case in a window before lookups of that case pause. */
export const LOOKUP_FAILURES_ALLOWED = 5;
export const LOOKUP_WINDOW_MS = 15 * 60_000;
const TRACKED_MAX = 10_000;

/**
 * Counts failed progress lookups per case number: the last 6 characters of an ID number are only a million
 * values, so a public lookup must not let anyone walk through them. Kept in memory (each replica counts its own),
 * bounded, and forgotten after the window.
 */
export class LookupGuard {
  private readonly failures = new Map<string, { count: number; since: number }>();

  blocked(caseNo: string, now: number): boolean {
    const entry = this.failures.get(caseNo);
    if (!entry) return false;
    if (now - entry.since > LOOKUP_WINDOW_MS) {
      this.failures.delete(caseNo);
      return false;
    }
    return entry.count >= LOOKUP_FAILURES_ALLOWED;
  }

  failed(caseNo: string, now: number): void {
    const entry = this.failures.get(caseNo);
    if (entry && now - entry.since <= LOOKUP_WINDOW_MS) entry.count += 1;
    else {
      if (this.failures.size >= TRACKED_MAX)
        this.failures.delete(this.failures.keys().next().value as string);
      this.failures.set(caseNo, { count: 1, since: now });
    }
  }
}
