import { EVENTS, type EventData } from '@psc/contracts';
import { subscribeLiveEvents } from '@psc/web-data';
import { onBeforeUnmount, onMounted } from 'vue';
import { useKioskStore } from '../stores/kiosk';

const TYPES = [
  'affairs.queue.ticket-issued',
  'affairs.queue.ticket-called',
  'affairs.queue.ticket-closed',
] as const;
export type QueueEventType = (typeof TYPES)[number];

export type QueueEvent = {
  [K in QueueEventType]: { type: K; data: EventData<K> };
}[QueueEventType];

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
      types: TYPES,
      onEvent: (event) => {
        const type = event.type as QueueEventType;
        if (!TYPES.includes(type)) return;
        const parsed = EVENTS[type].schema.safeParse(event.data);
        // the gateway forwards only validated events; a malformed one must still not break the screen
        if (!parsed.success || parsed.data.centreId !== options.centreId()) return;
        options.onEvent({ type, data: parsed.data } as QueueEvent);
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
