import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, defineComponent, h, nextTick } from 'vue';
import { useStaffLiveEvents } from './staff-live-events';
import { useStaffSessionStore } from './staff-session';

class FakeEventSource {
  static opened: FakeEventSource[] = [];
  readonly listeners = new Map<string, (message: MessageEvent<string>) => void>();
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (message: MessageEvent<string>) => void) {
    this.listeners.set(type, listener);
  }
  close() {
    this.closed = true;
  }
}

const http = (n: number) => ({
  post: vi.fn().mockResolvedValue(pair(n)),
  get: vi.fn(),
  put: vi.fn(),
  delete: vi.fn(),
});
const pair = (n: number) => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  expiresIn: 900,
  user: { username: 'counter01', displayName: '窗口一号', roles: [] },
});

function mount(channel: 'queue' | 'case') {
  const onReload = vi.fn();
  const pinia = createPinia();
  setActivePinia(pinia);
  const app = createApp(
    defineComponent({
      setup() {
        useStaffLiveEvents({ base: () => '/api', channel, onEvent: () => undefined, onReload });
        return () => h('div');
      },
    }),
  ).use(pinia);
  return { app, onReload, start: () => app.mount(document.createElement('div')) };
}

describe('useStaffLiveEvents', () => {
  beforeEach(() => {
    FakeEventSource.opened = [];
    sessionStorage.clear();
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('opens a staff channel with the token, and again with each new token', async () => {
    const { app, start } = mount('case');
    const session = useStaffSessionStore();
    await session.login(http(1), { username: 'counter01', password: 'x' });
    start();
    await session.renew(http(2));
    await nextTick();
    expect(FakeEventSource.opened.map((s) => [s.url, s.closed])).toEqual([
      ['/api/events/stream?channels=case&access_token=access-1', true],
      ['/api/events/stream?channels=case&access_token=access-2', false],
    ]);
    app.unmount();
    expect(FakeEventSource.opened[1].closed).toBe(true);
  });

  it('opens a public channel without a token, reloads after a loss and tries again when the browser gives up', () => {
    const { app, onReload, start } = mount('queue');
    start();
    const [first] = FakeEventSource.opened;
    expect(first.url).toBe('/api/events/stream?channels=queue');
    first.onopen?.();
    expect(onReload).not.toHaveBeenCalled();
    first.onerror?.();
    expect(onReload).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(30_000);
    expect(onReload).toHaveBeenCalledTimes(2);
    expect(first.closed).toBe(true);
    expect(FakeEventSource.opened).toHaveLength(2);
    app.unmount();
  });
});
