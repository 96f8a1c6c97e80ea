import { describe, expect, it } from 'vitest';
import { isLiveChannel, LIVE_CHANNELS, liveChannelOf, liveEventTypes } from './live-channels';

describe('live channels', () => {
  it('maps event types to channels by their service and aggregate', () => {
    expect(liveChannelOf('catalogue.item.drafted')).toBe('catalogue');
    expect(liveChannelOf('affairs.queue.ticket-called')).toBe('queue');
    expect(liveChannelOf('affairs.case.transitioned')).toBe('case');
    expect(liveChannelOf('affairs.appointment.booked')).toBeUndefined();
    expect(liveChannelOf('identity.pii.accessed')).toBeUndefined();
  });

  it('lists every registered event type of a channel, and only those', () => {
    expect(liveEventTypes('queue')).toEqual([
      'affairs.queue.ticket-issued',
      'affairs.queue.ticket-called',
      'affairs.queue.ticket-closed',
    ]);
    expect(liveEventTypes('case')).toContain('affairs.case.sla-alerted');
    expect(liveEventTypes('case').every((type) => type.startsWith('affairs.case.'))).toBe(true);
    // room bookings carry no resident, only the room, the slot and a group's name: the counter's 场地预约 follows them
    expect(liveEventTypes('catalogue')).toEqual([
      'catalogue.item.drafted',
      'catalogue.item.published',
      'catalogue.room.booked',
      'catalogue.room.cancelled',
      'catalogue.room.attended',
      'catalogue.room.missed',
    ]);
  });

  it('knows only the channels it defines', () => {
    expect(isLiveChannel('queue')).toBe(true);
    expect(isLiveChannel('toString')).toBe(false);
    expect(isLiveChannel('identity')).toBe(false);
  });

  it('keeps the catalogue and the hall’s queue public and cases to staff', () => {
    expect(LIVE_CHANNELS.catalogue.access).toBe('public');
    expect(LIVE_CHANNELS.queue.access).toBe('public');
    expect(LIVE_CHANNELS.case.access).toContain('counter_staff');
    expect(LIVE_CHANNELS.case.access).not.toContain('resident');
    expect(LIVE_CHANNELS.case.access).not.toContain('org_member');
  });
});
