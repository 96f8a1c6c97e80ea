import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type LiveEvent, subscribeLiveEvents } from './live-events';

class FakeEventSource {
  static last: FakeEventSource;
  readonly listeners = new Map<string, (message: MessageEvent<string>) => void>();
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: (message: MessageEvent<string>) => void) {
    this.listeners.set(type, listener);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: unknown) {
    this.listeners.get(type)?.({
      data: JSON.stringify({ id: '1', type, key: 'k', occurredAt: '', data }),
    } as never);
  }
}

const called = {
  ticketId: 't1',
  centreId: 'sz/c-001',
  number: 'B003',
  window: '2',
  calledAt: '2026-05-06T01:30:00.000Z',
  recall: false,
};

describe('subscribeLiveEvents', () => {
  beforeEach(() => vi.stubGlobal('EventSource', FakeEventSource));
  afterEach(() => vi.unstubAllGlobals());

  it('listens to every type its channels carry, and passes on valid events only', () => {
    const events: LiveEvent<'affairs.queue.ticket-called' | 'affairs.queue.ticket-issued'>[] = [];
    const close = subscribeLiveEvents({
      base: '/api',
      channels: ['queue'],
      onEvent: (event) => {
        if (event.type === 'affairs.queue.ticket-called') events.push(event);
      },
    });
    const source = FakeEventSource.last;
    expect(source.url).toBe('/api/events/stream?channels=queue');
    expect([...source.listeners.keys()]).toEqual([
      'affairs.queue.ticket-issued',
      'affairs.queue.ticket-called',
      'affairs.queue.ticket-closed',
      'reset',
    ]);
    source.emit('affairs.queue.ticket-called', called);
    source.emit('affairs.queue.ticket-called', { ticketId: 't1' });
    expect(events).toEqual([
      { id: '1', type: 'affairs.queue.ticket-called', key: 'k', occurredAt: '', data: called },
    ]);
    close();
    expect(source.closed).toBe(true);
  });

  it('sends the token for a staff channel, listens to the types asked for, and reports the connection', () => {
    const onReset = vi.fn();
    const onStatus = vi.fn();
    subscribeLiveEvents({
      base: '/api',
      channels: ['case'],
      types: ['affairs.case.sla-alerted'],
      token: 'jwt',
      onEvent: () => undefined,
      onReset,
      onStatus,
    });
    const source = FakeEventSource.last;
    expect(source.url).toBe('/api/events/stream?channels=case&access_token=jwt');
    expect([...source.listeners.keys()]).toEqual(['affairs.case.sla-alerted', 'reset']);
    source.onerror?.();
    source.onopen?.();
    source.emit('reset', {});
    expect(onStatus.mock.calls).toEqual([[false], [true]]);
    expect(onReset).toHaveBeenCalledTimes(1);
  });
});
