import type { LiveChannel, LiveEventType } from '@psc/contracts';
import { type LiveEvent, subscribeLiveEvents, useStaffSessionStore } from '@psc/web-data';
import { onBeforeUnmount, onMounted, watch } from 'vue';
import { useAppStore } from '../stores/app';

const RETRY_MS = 30_000;

interface Options<C extends LiveChannel> {
  channel: C;
  /** every event of the channel, its data typed by its type */
  onEvent: (event: LiveEvent<LiveEventType<C>>) => void;
  /** reload from scratch: the stream lost events, or (re)connected */
  onReload: () => void;
}

/**
 * Live updates for as long as the view is shown. The case channel opens with the access token, and the gateway ends
 * the stream when that token expires: the reload that follows a drop renews the token through the API client, and a
 * new token opens the stream again.
 */
export function useLiveEvents<C extends 'queue' | 'case'>({ channel, onEvent, onReload }: Options<C>): void {
  const app = useAppStore();
  const session = useStaffSessionStore();
  let close: (() => void) | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  // the view loads its data itself when it opens; only changes of the connection call for a reload
  let connected = true;

  function open() {
    close?.();
    clearTimeout(retry);
    const base = app.config?.apiBase;
    if (!base) return;
    close = subscribeLiveEvents({
      base,
      channels: [channel],
      token: channel === 'case' ? session.accessToken : undefined,
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
  if (channel === 'case') watch(() => session.accessToken, open);
  onBeforeUnmount(() => {
    clearTimeout(retry);
    close?.();
  });
}
