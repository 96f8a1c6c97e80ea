import { onBeforeUnmount, onMounted, ref } from 'vue';

export interface IdleResetOptions {
  idleSeconds: number;
  /** shown for the last seconds before the reset, so someone still there can stay */
  warnSeconds: number;
  /** whether there is anything to lose: without it the reset happens quietly, with no warning */
  hasSomethingToLose: () => boolean;
  reset: () => void | Promise<void>;
}

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * The kiosk's inactivity clock: any touch restarts it; when it runs out everything the last person entered goes.
 * `remaining` counts the warning seconds down (null when no warning is showing).
 */
export function useIdleReset(options: IdleResetOptions) {
  const remaining = ref<number | null>(null);
  let lastActivity = Date.now();
  let ticker: ReturnType<typeof setInterval> | undefined;

  const touch = () => {
    lastActivity = Date.now();
    remaining.value = null;
  };

  const tick = () => {
    const idle = (Date.now() - lastActivity) / 1000;
    if (idle >= options.idleSeconds) {
      touch();
      void options.reset();
    } else if (idle >= options.idleSeconds - options.warnSeconds && options.hasSomethingToLose()) {
      remaining.value = Math.ceil(options.idleSeconds - idle);
    } else {
      remaining.value = null;
    }
  };

  onMounted(() => {
    for (const type of ACTIVITY) window.addEventListener(type, touch, { passive: true, capture: true });
    ticker = setInterval(tick, 250);
  });
  onBeforeUnmount(() => {
    for (const type of ACTIVITY) window.removeEventListener(type, touch, { capture: true });
    clearInterval(ticker);
  });

  return { remaining, stayActive: touch };
}
