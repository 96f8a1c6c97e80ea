import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, defineComponent, h } from 'vue';
import { useKioskStore } from '../stores/kiosk';
import { type QueueEvent, useQueueEvents } from './useQueueEvents';

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

const called = (centreId: string) => ({
  ticketId: 't1',
  centreId,
  number: 'B003',
  window: '2',
  calledAt: '2026-05-06T01:30:00.000Z',
  recall: false,
});

function mount() {
  const events: QueueEvent[] = [];
  const onReset = vi.fn();
  const pinia = createPinia();
  setActivePinia(pinia);
  useKioskStore().config = { apiBase: '/api', kioskIdleSeconds: 90, centreId: 'sz/c-001', devMode: true };
  const app = createApp(
    defineComponent({
      setup() {
        useQueueEvents({ centreId: () => 'sz/c-001', onEvent: (e) => events.push(e), onReset });
        return () => h('div');
      },
    }),
  ).use(pinia);
  app.mount(document.createElement('div'));
  return { app, events, onReset, source: FakeEventSource.last };
}

describe('useQueueEvents', () => {
  beforeEach(() => vi.stubGlobal('EventSource', FakeEventSource));
  afterEach(() => vi.unstubAllGlobals());

  it("listens on the public queue channel and passes on this centre's events only", () => {
    const { app, events, source } = mount();
    expect(source.url).toBe('/api/events/stream?channels=queue');
    source.emit('affairs.queue.ticket-called', called('sz/c-001'));
    source.emit('affairs.queue.ticket-called', called('sz/c-999'));
    expect(events).toEqual([
      { id: '1', type: 'affairs.queue.ticket-called', key: 'k', occurredAt: '', data: called('sz/c-001') },
    ]);
    app.unmount();
    expect(source.closed).toBe(true);
  });

  it('asks for a fresh read when the gateway resets the stream or the connection comes back', () => {
    const { app, onReset, source } = mount();
    source.onopen?.();
    expect(onReset).not.toHaveBeenCalled();
    source.emit('reset', {});
    expect(onReset).toHaveBeenCalledTimes(1);
    source.onerror?.();
    source.onopen?.();
    expect(onReset).toHaveBeenCalledTimes(2);
    app.unmount();
  });
});
