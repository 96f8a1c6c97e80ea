import { buildEvent, type DomainEvent } from '@psc/contracts';
import { describe, expect, it } from 'vitest';
import type { Channel } from './channels';
import { HEARTBEAT_FRAME, PushHub } from './push-hub';

const drafted = (n: number) =>
  buildEvent(
    'catalogue.item.drafted',
    `item-${n}`,
    { itemId: `item-${n}`, code: `C-${n}`, name: '最低生活保障', theme: '民政' },
    'catalogue',
  );
// the registry holds no affairs events yet; the hub routes by type alone
const queueCalled = (n: number) =>
  ({ ...drafted(n), type: 'affairs.queue.called' }) as unknown as DomainEvent;

const client = (channels: Channel[], { stuckAfter = Infinity } = {}) => {
  const frames: string[] = [];
  let closed = false;
  return {
    frames,
    get closed() {
      return closed;
    },
    ids: () => frames.flatMap((f) => /^id: (\S+)\nevent: (\S+)/.exec(f)?.slice(1, 3).join(' ') ?? []),
    channels: new Set(channels),
    send: (frame: string) => frames.push(frame) <= stuckAfter,
    close: () => void (closed = true),
  };
};

describe('push hub', () => {
  it('sends each event to the screens on its channel, as an SSE message with id, type and data', () => {
    const hub = new PushHub(10, 'abc');
    const kiosk = client(['catalogue']);
    const counter = client(['queue']);
    hub.connect(kiosk);
    hub.connect(counter);
    const event = drafted(1);
    hub.publish(event);
    hub.publish(queueCalled(2));

    expect(kiosk.frames[0]).toBe('id: abc:0\n\n');
    expect(kiosk.frames[1]).toBe(
      `id: abc:1\nevent: catalogue.item.drafted\ndata: ${JSON.stringify({
        id: event.id,
        type: event.type,
        key: event.key,
        occurredAt: event.occurredAt,
        data: event.data,
      })}\n\n`,
    );
    expect(kiosk.ids()).toEqual(['abc:1 catalogue.item.drafted']);
    expect(counter.ids()).toEqual(['abc:2 affairs.queue.called']);
  });

  it('replays what a reconnecting screen missed on its channels, then carries on live', () => {
    const hub = new PushHub(10, 'abc');
    for (let n = 1; n <= 4; n++) hub.publish(n % 2 ? drafted(n) : queueCalled(n));
    const back = client(['catalogue']);
    hub.connect(back, 'abc:1');
    hub.publish(drafted(5));
    expect(back.ids()).toEqual(['abc:3 catalogue.item.drafted', 'abc:5 catalogue.item.drafted']);
    // and its Last-Event-ID moves to now, though the last buffered event was not on its channel
    expect(back.frames[1]).toBe('id: abc:4\n\n');
  });

  it('tells a screen to reload when its gap is no longer buffered or its id is from another process', () => {
    const hub = new PushHub(2, 'abc');
    for (let n = 1; n <= 5; n++) hub.publish(drafted(n));
    for (const lastEventId of ['abc:1', 'old:4', 'abc:9', 'garbage']) {
      const screen = client(['catalogue']);
      hub.connect(screen, lastEventId);
      expect(screen.frames[0], lastEventId).toMatch(/^id: abc:5\nevent: reset\ndata: \{/);
      expect(screen.ids(), lastEventId).toEqual(['abc:5 reset']);
    }
    const current = client(['catalogue']);
    hub.connect(current, 'abc:3');
    expect(current.ids()).toEqual(['abc:4 catalogue.item.drafted', 'abc:5 catalogue.item.drafted']);
  });

  it('ignores events no channel carries', () => {
    const hub = new PushHub(2, 'abc');
    const screen = client(['catalogue', 'queue', 'case']);
    hub.connect(screen);
    hub.publish({ ...drafted(1), type: 'identity.staff.created' } as unknown as DomainEvent);
    expect(screen.frames).toHaveLength(1);
    expect(hub.cursor).toBe('abc:0');
  });

  it('stops sending after unsubscribe, drops a screen that falls behind, and closes all on shutdown', () => {
    const hub = new PushHub(10, 'abc');
    const gone = client(['catalogue']);
    const slow = client(['catalogue'], { stuckAfter: 2 });
    const steady = client(['catalogue']);
    hub.connect(gone)();
    hub.connect(slow);
    hub.connect(steady);
    hub.heartbeat();
    hub.publish(drafted(1));
    expect(gone.frames).toHaveLength(1);
    expect(slow.closed).toBe(true);
    expect(hub.size).toBe(1);
    expect(steady.frames.slice(1, 2)).toEqual([HEARTBEAT_FRAME]);
    hub.closeAll();
    expect(steady.closed).toBe(true);
    expect(hub.size).toBe(0);
  });
});
