import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { type DomainEvent, EVENTS } from '@psc/contracts';
import { Partitioners, type Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { Counter, Histogram } from 'prom-client';
import { KafkaClient } from './kafka.client';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';

interface Pending {
  collection: string;
  event: DomainEvent;
  /** the outbox entry exactly as stored: Kafka gets these bytes and the store removes this value */
  serialized: string;
  /** may already be on Kafka (found by a sweep, or a send that failed part-way): consumers then check for it */
  maybeSent: boolean;
}

/** Header telling consumers that this event may be a second copy, worth a look-up before applying. */
export const RESEND_HEADER = 'outbox-resend';

function parseEntry(entry: unknown): DomainEvent | undefined {
  if (typeof entry !== 'string') return undefined;
  try {
    const event = JSON.parse(entry) as DomainEvent | null;
    return typeof event?.id === 'string' && typeof event.type === 'string' ? event : undefined;
  } catch {
    return undefined;
  }
}

const published = new Counter({
  name: 'outbox_events_published_total',
  help: 'events the relay delivered to Kafka',
});
const failures = new Counter({ name: 'outbox_publish_failures_total', help: 'relay batches Kafka refused' });
const batchSize = new Histogram({
  name: 'outbox_batch_size',
  help: 'events per relay batch',
  buckets: [1, 5, 20, 50, 100, 250, 500],
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Delivers outbox events to Kafka at least once. Events written by this process are queued in memory and sent at
 * once (low latency); a periodic sweep of the store picks up what a crashed process left behind. Kafka being away
 * only delays delivery: the events stay in their documents until Kafka has acknowledged them.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  /** insertion-ordered: keeps each aggregate's events in the order they were written */
  private readonly queue = new Map<string, Pending>();
  private readonly unreadable = new Set<string>();
  private producer?: Producer;
  private wake?: () => void;
  private stopping = false;
  private loop?: Promise<void>;
  private sweeper?: NodeJS.Timeout;
  private readonly batchLimit: number;
  private readonly sweepIntervalMs: number;
  private readonly staleAfterMs: number;

  constructor(
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
    private readonly client: KafkaClient,
    @InjectConnection() private readonly connection: Connection,
  ) {
    this.batchLimit = options.relay?.batchSize ?? 500;
    this.sweepIntervalMs = options.relay?.sweepIntervalMs ?? 2000;
    this.staleAfterMs = options.relay?.staleAfterMs ?? 5000;
  }

  onApplicationBootstrap(): void {
    this.loop = this.run();
    this.sweeper = setInterval(() => void this.sweep(false), this.sweepIntervalMs);
    void this.sweep(true);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    this.stopping = true;
    this.wake?.();
    await this.loop;
    await this.producer?.disconnect().catch(() => undefined);
  }

  enqueueSerialized(collection: string, entries: unknown[], maybeSent = false): void {
    for (const serialized of entries) {
      const event = parseEntry(serialized);
      if (!event) {
        // written by something other than this library (or an older format): leave it for a person, keep the rest going
        const key = typeof serialized === 'string' ? serialized : JSON.stringify(serialized);
        if (!this.unreadable.has(key)) {
          this.unreadable.add(key);
          this.logger.error(
            { collection, entry: String(serialized).slice(0, 200) },
            'unreadable outbox entry skipped',
          );
        }
        continue;
      }
      if (!this.queue.has(event.id))
        this.queue.set(event.id, { collection, event, serialized: serialized as string, maybeSent });
    }
    this.wake?.();
  }

  get pendingCount(): number {
    return this.queue.size;
  }

  /** Finds documents whose events are still pending; at start-up all of them, later only those left stale. */
  async sweep(everything: boolean): Promise<void> {
    try {
      for (const model of Object.values(this.connection.models)) {
        if (!model.schema.path('_outbox')) continue;
        const filter = everything
          ? { _outboxPending: true }
          : { _outboxPending: true, _outboxAt: { $lt: new Date(Date.now() - this.staleAfterMs) } };
        const docs = await model
          .find(filter)
          .select('+_outbox')
          .limit(this.batchLimit * 4)
          .lean<{ _outbox?: unknown[] }[]>();
        for (const doc of docs) this.enqueueSerialized(model.collection.name, doc._outbox ?? [], true);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox sweep failed; will try again');
    }
  }

  private async run(): Promise<void> {
    let backoff = 0;
    while (!this.stopping || this.queue.size > 0) {
      if (this.queue.size === 0) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
        continue;
      }
      const batch = [...this.queue.values()].slice(0, this.batchLimit);
      try {
        await this.publish(batch);
        await this.markDelivered(batch);
        for (const p of batch) this.queue.delete(p.event.id);
        backoff = 0;
      } catch (error) {
        failures.inc();
        for (const p of batch) p.maybeSent = true;
        if (this.stopping) break; // the documents keep the events; the next start sends them
        // capped at a second: the broker's return is noticed that soon, and a send to a broker that is away fails fast
        backoff = Math.min(backoff === 0 ? 250 : backoff * 2, 1000);
        this.logger.warn({ err: error, pending: this.queue.size, retryInMs: backoff }, 'relay batch failed');
        await this.resetProducer();
        await sleep(backoff);
      }
    }
  }

  private async publish(batch: Pending[]): Promise<void> {
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    for (const { event, serialized, maybeSent } of batch) {
      const topic = this.client.name(EVENTS[event.type].topic);
      const messages = byTopic.get(topic) ?? [];
      const headers: Record<string, string> = { 'event-type': event.type };
      if (maybeSent) headers[RESEND_HEADER] = '1';
      messages.push({ key: event.key, value: serialized, headers });
      byTopic.set(topic, messages);
    }
    const producer = await this.getProducer();
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
    published.inc(batch.length);
    batchSize.observe(batch.length);
  }

  /**
   * Two statements per collection whatever the batch size. FerretDB 1.24 holds one PostgreSQL connection per
   * statement of a command until the command ends (its pool has 50: a bulk of 50 updates never returns), and
   * filters `_id` by reading the collection anyway. Each entry is a unique serialized event, so pulling the batch's
   * entries from every pending document removes exactly those. A crash before this only means a resend.
   */
  private async markDelivered(batch: Pending[]): Promise<void> {
    const byCollection = new Map<string, string[]>();
    for (const { collection, serialized } of batch) {
      byCollection.set(collection, [...(byCollection.get(collection) ?? []), serialized]);
    }
    for (const [name, entries] of byCollection) {
      const collection = this.connection.collection(name);
      await collection.updateMany({ _outboxPending: true }, { $pullAll: { _outbox: entries } } as never);
      await collection.updateMany(
        { _outboxPending: true, _outbox: { $size: 0 } },
        { $unset: { _outbox: '', _outboxPending: '', _outboxAt: '' } },
      );
    }
  }

  private async getProducer(): Promise<Producer> {
    if (!this.producer) {
      await this.client.ensureTopics();
      const producer = this.client.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        // what kafkajs uses anyway; named so that it does not warn about it at every start
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  /** A fresh producer after a failure: kafkajs can keep stale broker metadata across a broker restart. */
  private async resetProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }
}
