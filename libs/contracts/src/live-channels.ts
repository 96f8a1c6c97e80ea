import { PLACE_STAFF_ROLES } from './identity/api';
import { EVENTS, type EventType } from './registry';

/**
 * The channels of the gateway's live stream (`/api/events/stream?channels=…`): which event types feed each (by type
 * prefix, so an event added to the registry joins its channel) and who may listen. Catalogue changes are public (the
 * kiosk shows them to anyone), and so are queue events: ticket numbers and windows, what the hall display shows aloud
 * anyway. Case events concern people, so only staff hear them.
 */
export const LIVE_CHANNELS = {
  catalogue: { prefix: 'catalogue.', access: 'public' },
  queue: { prefix: 'affairs.queue.', access: 'public' },
  // residents' cases: not for organisations' staff or expert reviewers, who hold staff accounts too
  case: { prefix: 'affairs.case.', access: PLACE_STAFF_ROLES },
} as const satisfies Record<string, { prefix: string; access: 'public' | readonly string[] }>;

export type LiveChannel = keyof typeof LIVE_CHANNELS;

/** The event types a channel carries, e.g. `LiveEventType<'queue'>` is `'affairs.queue.ticket-issued' | …`. */
export type LiveEventType<C extends LiveChannel = LiveChannel> = Extract<
  EventType,
  `${(typeof LIVE_CHANNELS)[C]['prefix']}${string}`
>;

export const LIVE_CHANNEL_NAMES = Object.keys(LIVE_CHANNELS) as LiveChannel[];

export const isLiveChannel = (name: string): name is LiveChannel => Object.hasOwn(LIVE_CHANNELS, name);

/** The channel an event type belongs to, or undefined when no screen listens to it. */
export function liveChannelOf(type: string): LiveChannel | undefined {
  return LIVE_CHANNEL_NAMES.find((channel) => type.startsWith(LIVE_CHANNELS[channel].prefix));
}

/** Every registered event type a channel carries. */
export function liveEventTypes<C extends LiveChannel>(channel: C): LiveEventType<C>[] {
  return (Object.keys(EVENTS) as EventType[]).filter(
    (type): type is LiveEventType<C> => liveChannelOf(type) === channel,
  );
}
