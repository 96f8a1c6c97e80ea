import { describe, expect, it } from 'vitest';
import { CHANNELS, channelOf, isChannel, protectedChannels } from './channels';

describe('push channels', () => {
  it('maps event types to channels by their service and aggregate', () => {
    expect(channelOf('catalogue.item.drafted')).toBe('catalogue');
    expect(channelOf('affairs.queue.called')).toBe('queue');
    expect(channelOf('affairs.case.completed')).toBe('case');
    expect(channelOf('affairs.appointment.booked')).toBeUndefined();
    expect(channelOf('identity.resident.registered')).toBeUndefined();
  });

  it('knows only the channels it defines', () => {
    expect(isChannel('queue')).toBe(true);
    expect(isChannel('toString')).toBe(false);
    expect(isChannel('identity')).toBe(false);
  });

  it('keeps the catalogue and the hall’s queue public and cases to staff', () => {
    expect(CHANNELS.catalogue.access).toBe('public');
    expect(protectedChannels(['catalogue', 'queue'])).toEqual([]);
    const needed = protectedChannels(['catalogue', 'queue', 'case']);
    expect(needed.map((n) => n.channel)).toEqual(['case']);
    for (const { roles } of needed) {
      expect(roles).not.toContain('resident');
      expect(roles).not.toContain('volunteer');
      expect(roles).toContain('counter_staff');
    }
  });
});
