import type { Role } from '@psc/auth';

/**
 * What a screen may subscribe to, which event types feed it (by type prefix) and who may listen. Catalogue changes
 * are public (the kiosk shows them to anyone), and so are queue events: ticket numbers and windows, what the hall
 * display shows aloud anyway. Case events concern people, so only staff hear them.
 */
export const CHANNELS = {
  catalogue: { prefixes: ['catalogue.'], access: 'public' },
  queue: { prefixes: ['affairs.queue.'], access: 'public' },
  case: {
    prefixes: ['affairs.case.'],
    access: ['counter_staff', 'dept_reviewer', 'centre_admin', 'city_admin'],
  },
} as const satisfies Record<string, { prefixes: readonly string[]; access: 'public' | readonly Role[] }>;

export type Channel = keyof typeof CHANNELS;

export const isChannel = (name: string): name is Channel => Object.hasOwn(CHANNELS, name);

/** The channel an event type belongs to, or undefined when no screen listens to it. */
export function channelOf(type: string): Channel | undefined {
  return (Object.keys(CHANNELS) as Channel[]).find((channel) =>
    CHANNELS[channel].prefixes.some((prefix) => type.startsWith(prefix)),
  );
}

/** The channels among `wanted` that need a token, and the roles that open each. */
export function protectedChannels(
  wanted: readonly Channel[],
): { channel: Channel; roles: readonly Role[] }[] {
  return wanted.flatMap((channel) => {
    const { access } = CHANNELS[channel];
    return access === 'public' ? [] : [{ channel, roles: access }];
  });
}
