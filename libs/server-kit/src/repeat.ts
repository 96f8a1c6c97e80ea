export interface Repeating {
  /** No further runs; resolves once the run under way, if any, has ended. */
  stop(): Promise<void>;
}

/**
 * Runs `task` every `everyMs` in the background: never two runs at once (one that outlasts the interval skips the
 * ticks it overlaps), a failed run handed to `onError` and tried again at the next tick, and the timer never keeping
 * the process alive on its own.
 */
export function repeat(
  everyMs: number,
  task: () => Promise<unknown>,
  onError: (error: unknown) => void,
): Repeating {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    running ??= task()
      .then(() => undefined, onError)
      .finally(() => (running = undefined));
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
