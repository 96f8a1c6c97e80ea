import { EVENTS, type EventData, type LiveChannel, type LiveEventType, liveEventTypes } from '@psc/contracts';

/** An event as the gateway streams it, its data typed by its type. */
export type LiveEvent<T extends LiveEventType = LiveEventType> = {
  [K in T]: { id: string; type: K; key: string; occurredAt: string; data: EventData<K> };
}[T];

export interface LiveEventsOptions<C extends LiveChannel, T extends LiveEventType<C>> {
  /** e.g. `/api`, from the runtime config */
  base: string;
  channels: readonly C[];
  /** the event types this screen reacts to; every type its channels carry when left out */
  types?: readonly T[];
  onEvent: (event: LiveEvent<T>) => void;
  /** the gateway no longer holds what was missed: reload the data from scratch */
  onReset?: () => void;
  /** true while connected; false while the browser retries after a loss */
  onStatus?: (connected: boolean) => void;
  /** needed by a channel that is not public (see LIVE_CHANNELS) */
  token?: string;
}

/**
 * Server-sent events from the gateway. EventSource reconnects by itself and sends the last event id it saw, so the
 * gateway replays what this screen missed. Each event's data is checked against its schema: the gateway forwards
 * only valid events, but a malformed one must still not break a screen. Returns a function that closes the stream.
 */
export function subscribeLiveEvents<C extends LiveChannel, T extends LiveEventType<C> = LiveEventType<C>>(
  options: LiveEventsOptions<C, T>,
): () => void {
  const query = new URLSearchParams({ channels: options.channels.join(',') });
  if (options.token) query.set('access_token', options.token);
  const source = new EventSource(`${options.base}/events/stream?${query.toString()}`);
  source.onopen = () => options.onStatus?.(true);
  source.onerror = () => options.onStatus?.(false);
  const types = options.types ?? (options.channels.flatMap((c) => liveEventTypes(c)) as T[]);
  for (const type of types) {
    source.addEventListener(type, (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as LiveEvent<T>;
      const data = EVENTS[type].schema.safeParse(event.data);
      if (event.type === type && data.success) options.onEvent({ ...event, data: data.data });
    });
  }
  source.addEventListener('reset', () => options.onReset?.());
  return () => source.close();
}
