import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import type { DomainEvent } from '@psc/contracts';
import { EventFeed, KafkaClient } from '@psc/messaging';
import { type HealthProbe, HealthRegistry } from '@psc/server-kit';
import { randomBytes } from 'node:crypto';
import { channelOf } from './channels';
import { PushHub } from './push-hub';

export const PUSH_OPTIONS = Symbol('PUSH_OPTIONS');
export interface PushOptions {
  bufferSize: number;
  /** consumer group prefix; each process adds its own suffix */
  group: string;
}

const HEARTBEAT_MS = 15_000;

/** Feeds the hub from Kafka and keeps idle connections alive through proxies that cut silent ones. */
@Injectable()
export class PushService
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, HealthProbe
{
  readonly name = 'push';
  readonly hub: PushHub;
  private readonly feed: EventFeed;
  private readonly listeners: ((event: DomainEvent) => void)[] = [];
  private heartbeat?: NodeJS.Timeout;

  constructor(
    @Inject(PUSH_OPTIONS) options: PushOptions,
    client: KafkaClient,
    private readonly registry: HealthRegistry,
  ) {
    this.hub = new PushHub(options.bufferSize, randomBytes(4).toString('hex'));
    this.feed = new EventFeed(
      client,
      options.group,
      (event) => {
        // listeners first (the response cache forgets what changed), so a screen told of a change reads it anew
        for (const listener of this.listeners) listener(event);
        this.hub.publish(event);
      },
      (type) => channelOf(type) !== undefined,
    );
  }

  /** True while the feed runs: every event published from now on reaches the screens and the listeners. */
  get live(): boolean {
    return this.feed.ready;
  }

  /** Hears every event the feed delivers (those of a channel), just before the screens do. */
  onEvent(listener: (event: DomainEvent) => void): void {
    this.listeners.push(listener);
  }

  onModuleInit(): void {
    // not ready until the feed runs: a screen connected earlier could miss events without being told
    this.registry.register(this);
  }

  onApplicationBootstrap(): void {
    void this.feed.start();
    this.heartbeat = setInterval(() => this.hub.heartbeat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.heartbeat);
    // open streams would keep the HTTP server from closing
    this.hub.closeAll();
    await this.feed.stop();
  }

  probe(): Promise<Record<string, unknown>> {
    if (!this.feed.ready) return Promise.reject(new Error('event feed not running yet'));
    return Promise.resolve({ group: this.feed.groupId, clients: this.hub.size, cursor: this.hub.cursor });
  }
}
