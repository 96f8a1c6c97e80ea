import type { LiveEventType } from '@psc/contracts';
import { type LiveEvent, subscribeLiveEvents } from '@psc/web-data';
import { onBeforeUnmount, onMounted } from 'vue';
import { useKioskStore } from '../stores/kiosk';

export type QueueEvent = LiveEvent<LiveEventType<'queue'>>;

export interface QueueEventsOptions {
  /** only this centre's tickets and calls reach `onEvent` */
  centreId: () => string;
  onEvent: (event: QueueEvent) => void;
  /** the gateway could not replay what was missed (or the stream came back): read everything again */
  onReset: () => void;
}

/**
 * The public `queue` channel while the screen is mounted: numbers and windows only, so no token is needed.
 * A reconnect replays what was missed; when it cannot, `onReset` asks the screen to read the state afresh.
 */
export function useQueueEvents(options: QueueEventsOptions): void {
  const kiosk = useKioskStore();
  let unsubscribe: (() => void) | undefined;
  let wasConnected = true;

  onMounted(() => {
    if (!kiosk.config) return;
    unsubscribe = subscribeLiveEvents({
      base: kiosk.config.apiBase,
      channels: ['queue'],
      onEvent: (event) => {
        if (event.data.centreId === options.centreId()) options.onEvent(event);
      },
      onReset: options.onReset,
      onStatus: (connected) => {
        // back after a loss: whatever the replay brings, the screen catches up in one read
        if (connected && !wasConnected) options.onReset();
        wasConnected = connected;
      },
    });
  });
  onBeforeUnmount(() => unsubscribe?.());
}
