export interface LiveEvent<T = unknown> {
  id: string;
  type: string;
  key: string;
  occurredAt: string;
  data: T;
}

export interface LiveEventsOptions {
  /** e.g. `/api`, from the runtime config */
  base: string;
  channels: readonly string[];
  /** the event types this screen reacts to (the gateway names each SSE event by its type) */
  types: readonly string[];
  onEvent: (event: LiveEvent) => void;
  /** the gateway no longer holds what was missed: reload the data from scratch */
  onReset?: () => void;
  /** true while connected; false while the browser retries after a loss */
  onStatus?: (connected: boolean) => void;
  token?: string;
}

/**
 * Server-sent events from the gateway. EventSource reconnects by itself and sends the last event id it saw, so the
 * gateway replays what this screen missed. Returns a function that closes the stream.
 */
export function subscribeLiveEvents(options: LiveEventsOptions): () => void {
  const query = new URLSearchParams({ channels: options.channels.join(',') });
  if (options.token) query.set('access_token', options.token);
  const source = new EventSource(`${options.base}/events/stream?${query.toString()}`);
  source.onopen = () => options.onStatus?.(true);
  source.onerror = () => options.onStatus?.(false);
  for (const type of options.types) {
    source.addEventListener(type, (message: MessageEvent<string>) => {
      options.onEvent(JSON.parse(message.data) as LiveEvent);
    });
  }
  source.addEventListener('reset', () => options.onReset?.());
  return () => source.close();
}
