import type { Role } from '@psc/auth';
import { LIVE_CHANNELS, type LiveChannel } from '@psc/contracts';

// The channels are contracts, the screens subscribe by the same names; the gateway adds the access check.
export {
  isLiveChannel as isChannel,
  LIVE_CHANNELS as CHANNELS,
  type LiveChannel as Channel,
  liveChannelOf as channelOf,
} from '@psc/contracts';

/** The channels among `wanted` that need a token, and the roles that open each. */
export function protectedChannels(
  wanted: readonly LiveChannel[],
): { channel: LiveChannel; roles: readonly Role[] }[] {
  return wanted.flatMap((channel) => {
    const { access } = LIVE_CHANNELS[channel];
    return access === 'public' ? [] : [{ channel, roles: access }];
  });
}
