import type { DomainEvent } from '@psc/contracts';
import { type Channel, channelOf } from './channels';
import { ReplayBuffer } from './replay-buffer';

/** One connected screen. `send` returns false when the client is too far behind to keep. */
export interface PushClient {
  readonly channels: ReadonlySet<Channel>;
  send(frame: string): boolean;
  close(): void;
}

interface Buffered {
  channel: Channel;
  frame: string;
}

export const HEARTBEAT_FRAME = ': ping\n\n';

/**
 * Fans events out to connected screens as server-sent events and replays what a reconnecting screen missed.
 * Ids are `<instance>:<seq>`: seq numbers are only meaningful in the process that issued them, and a screen may
 * reconnect to another replica or to a restarted gateway, which must then tell it to reload rather than replay.
 */
export class PushHub {
  private readonly buffer: ReplayBuffer<Buffered>;
  private readonly clients = new Set<PushClient>();

  constructor(
    capacity: number,
    readonly instance: string,
  ) {
    this.buffer = new ReplayBuffer(capacity);
  }

  get size(): number {
    return this.clients.size;
  }

  /** The id of the newest event, which a screen holding it has seen everything up to. */
  get cursor(): string {
    return `${this.instance}:${this.buffer.lastSeq}`;
  }

  publish(event: DomainEvent): void {
    const channel = channelOf(event.type);
    if (!channel) return;
    const { id, type, key, occurredAt, data } = event;
    const seq = this.buffer.lastSeq + 1;
    // serialised once, shared by every client
    const frame = `id: ${this.instance}:${seq}\nevent: ${type}\ndata: ${JSON.stringify({ id, type, key, occurredAt, data })}\n\n`;
    this.buffer.push({ channel, frame });
    for (const client of this.clients) if (client.channels.has(channel)) this.deliver(client, frame);
  }

  /** Registers a screen, first replaying what it missed since `lastEventId`; returns its unsubscribe. */
  connect(client: PushClient, lastEventId?: string): () => void {
    if (lastEventId !== undefined) {
      const missed = this.missedSince(lastEventId);
      if (missed) {
        for (const { value } of missed) if (client.channels.has(value.channel)) client.send(value.frame);
      } else {
        client.send(
          `id: ${this.cursor}\nevent: reset\ndata: {"reason":"missed events are no longer known; reload"}\n\n`,
        );
      }
    }
    // an id-only message moves the screen's Last-Event-ID to now, even when nothing on its channels came by
    client.send(`id: ${this.cursor}\n\n`);
    this.clients.add(client);
    return () => this.clients.delete(client);
  }

  heartbeat(): void {
    for (const client of this.clients) this.deliver(client, HEARTBEAT_FRAME);
  }

  closeAll(): void {
    for (const client of this.clients) client.close();
    this.clients.clear();
  }

  private missedSince(lastEventId: string) {
    const match = /^([0-9a-z]+):(\d+)$/.exec(lastEventId.trim());
    if (match?.[1] !== this.instance) return undefined;
    return this.buffer.after(Number(match[2]));
  }

  // a screen that cannot keep up would make the gateway hold its backlog; dropped, it reconnects and replays
  private deliver(client: PushClient, frame: string): void {
    if (!client.send(frame)) {
      this.clients.delete(client);
      client.close();
    }
  }
}
