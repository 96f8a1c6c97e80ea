import { LIVE_CHANNELS, type LiveChannel, type LiveEventType } from '@psc/contracts';
import { onBeforeUnmount, onMounted, watch } from 'vue';
import { type LiveEvent, subscribeLiveEvents } from './live-events';
import { useStaffSessionStore } from './staff-session';

const RETRY_MS = 30_000;

export interface StaffLiveEventsOptions<C extends LiveChannel> {
  /** e.g. `/api`, from the runtime config; nothing is opened while it is unknown */
  base: () => string | undefined;
  channel: C;
  /** every event of the channel, its data typed by its type */
  onEvent: (event: LiveEvent<LiveEventType<C>>) => void;
  /** reload from scratch: the stream lost events, or (re)connected */
  onReload: () => void;
}

/**
 * Live updates on a staff screen (counter, portal) for as long as the component is mounted. A channel that is not
 * public opens with the access token, and the gateway ends the stream when that token expires: the reload that
 * follows a drop renews the token through the staff API client, and a new token opens the stream again.
 */
export function useStaffLiveEvents<C extends LiveChannel>({
  base,
  channel,
  onEvent,
  onReload,
}: StaffLiveEventsOptions<C>): void {
  const session = useStaffSessionStore();
  const needsToken = LIVE_CHANNELS[channel].access !== 'public';
  let close: (() => void) | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  // the view loads its data itself when it opens; only changes of the connection call for a reload
  let connected = true;

  function open() {
    close?.();
    clearTimeout(retry);
    const apiBase = base();
    if (!apiBase) return;
    close = subscribeLiveEvents({
      base: apiBase,
      channels: [channel],
      token: needsToken ? session.accessToken : undefined,
      onEvent,
      onReset: onReload,
      onStatus: (now) => {
        if (now !== connected) onReload();
        connected = now;
        clearTimeout(retry);
        // EventSource gives up for good when refused (an expired token, a gateway restarting): the reload renews
        // the token, and the stream is opened again
        if (!now)
          retry = setTimeout(() => {
            onReload();
            open();
          }, RETRY_MS);
      },
    });
  }

  onMounted(open);
  if (needsToken) watch(() => session.accessToken, open);
  onBeforeUnmount(() => {
    clearTimeout(retry);
    close?.();
  });
}
