import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  SetMetadata,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { InjectConnection } from '@nestjs/mongoose';
import { deadLetterTopic, type DomainEvent, EVENTS, type EventType, parseEvent } from '@psc/contracts';
import type { Consumer, EachBatchPayload, KafkaMessage, Producer } from 'kafkajs';
import type { AnyBulkWriteOperation } from 'mongodb';
import type { Connection, Model, UpdateQuery } from 'mongoose';
import { Counter } from 'prom-client';
import { type Effect, guard, mergeEffects, planRounds } from './effects';
import { KafkaClient } from './kafka.client';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { RESEND_HEADER } from './outbox-relay';
import { SeenCompactor } from './seen-compactor';

export type ConsumeOutcome = 'processed' | 'duplicate' | 'ignored' | 'dead-lettered';

const outcomes = new Counter({
  name: 'consumer_events_total',
  help: 'events seen by a consumer group, by outcome',
  labelNames: ['group', 'type', 'outcome'],
});

const HANDLER = Symbol('psc:event-handler');

/** Marks a provider method as the handler of one event type for this app's consumer group. */
export const OnEvent = (type: EventType) => SetMetadata(HANDLER, type);

/** What a handler may do: state its effects on read-model documents; the consumer applies them exactly once. */
export class Effects {
  readonly list: Effect[] = [];

  constructor(private readonly eventId: string) {}

  upsert(model: Model<never>, id: string, update: UpdateQuery<unknown>): void {
    this.list.push({ collection: model.collection.name, id, update, eventIds: [this.eventId] });
  }
}

export type EventHandlerFn = (event: DomainEvent, effects: Effects) => unknown;

const PROCESSED = 'processed_events';
/** FerretDB 1.24 holds a PostgreSQL connection per statement until a command ends and has 50: stay well below */
const MAX_STATEMENTS = 16;
const DUPLICATE_KEY = 11000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const isDuplicateOnly = (error: unknown) => {
  const writeErrors = (error as { writeErrors?: { code: number }[] } | null)?.writeErrors;
  return Array.isArray(writeErrors) && writeErrors.every((e) => e.code === DUPLICATE_KEY);
};

/**
 * The app's consumer group: validates every message, dead-letters what cannot be applied, applies each event's
 * effects exactly once in effect, and commits offsets only after the store has them.
 */
@Injectable()
export class EventConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventConsumer.name);
  private readonly handlers = new Map<EventType, EventHandlerFn[]>();
  private consumer?: Consumer;
  private dlqProducer?: Producer;
  private readonly group: string;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private stopping = false;
  private readonly compactor = new SeenCompactor();

  constructor(
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
    private readonly client: KafkaClient,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    @InjectConnection() private readonly connection: Connection,
  ) {
    this.group = options.consumerGroup ?? '';
    this.maxAttempts = options.consumer?.maxAttempts ?? 3;
    this.backoffMs = options.consumer?.backoffMs ?? 100;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.discover();
    if (this.handlers.size === 0) return;
    await this.connection.collection(PROCESSED).createIndex({ at: 1 });
    void this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.consumer?.disconnect().catch(() => undefined);
    await this.dlqProducer?.disconnect().catch(() => undefined);
  }

  /** Starts (or restarts after a fatal crash) the kafkajs consumer; Kafka being away only delays this. */
  private async start(): Promise<void> {
    for (let attempt = 0; !this.stopping; attempt++) {
      try {
        await this.client.ensureTopics();
        const consumer = this.client.kafka.consumer({
          groupId: this.client.name(this.group),
          maxWaitTimeInMs: 50,
          // bounds one batch, and so what a crash can replay, well inside SEEN_WINDOW
          maxBytesPerPartition: 256 * 1024,
          sessionTimeout: 30_000,
          heartbeatInterval: 3000,
          retry: { retries: 30, initialRetryTime: 300, maxRetryTime: 5000 },
        });
        consumer.on(consumer.events.CRASH, ({ payload }) => {
          if (!payload.restart && !this.stopping) {
            this.logger.error({ err: payload.error }, 'consumer crashed; starting a new one');
            void consumer.disconnect().finally(() => void this.start());
          }
        });
        await consumer.connect();
        const topics = [
          ...new Set([...this.handlers.keys()].map((type) => this.client.name(EVENTS[type].topic))),
        ];
        await consumer.subscribe({ topics, fromBeginning: true });
        await consumer.run({ eachBatchAutoResolve: false, eachBatch: (payload) => this.onBatch(payload) });
        this.consumer = consumer;
        this.logger.log({ group: this.group, topics }, 'consuming');
        return;
      } catch (error) {
        const delay = Math.min(500 * 2 ** attempt, 10_000);
        this.logger.warn({ err: error, retryInMs: delay }, 'consumer could not start');
        await sleep(delay);
      }
    }
  }

  private discover(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const method = instance[name] as EventHandlerFn;
        const type = Reflect.getMetadata(HANDLER, method) as EventType | undefined;
        if (!type) continue;
        this.handlers.set(type, [...(this.handlers.get(type) ?? []), method.bind(instance)]);
      }
    }
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const heartbeat = () => payload.heartbeat();
    const accepted: { event: DomainEvent; message: KafkaMessage }[] = [];
    for (const message of batch.messages) {
      const parsed = this.parse(message);
      if (!parsed.ok) {
        await this.deadLetter(batch.topic, batch.partition, message, parsed.reason);
      } else if (!this.handlers.has(parsed.event.type)) {
        outcomes.inc({ group: this.group, type: parsed.event.type, outcome: 'ignored' });
      } else {
        accepted.push({ event: parsed.event, message });
      }
    }

    // only a copy the relay may have sent before is worth a look-up; redeliveries are stopped by the guard
    const resent = accepted
      .filter((a) => a.message.headers?.[RESEND_HEADER] !== undefined)
      .map((a) => a.event.id);
    const seen = await this.alreadyProcessed(resent);
    const effects: Effect[] = [];
    const applied: DomainEvent[] = [];
    for (const { event, message } of accepted) {
      // two copies in one batch would otherwise be merged into one write that passes the guard twice over
      if (seen.has(event.id)) {
        outcomes.inc({ group: this.group, type: event.type, outcome: 'duplicate' });
        continue;
      }
      seen.add(event.id);
      const result = await this.runHandlers(event);
      if (result.ok) {
        effects.push(...result.effects);
        applied.push(event);
      } else {
        await this.deadLetter(batch.topic, batch.partition, message, result.reason);
      }
      await heartbeat();
    }

    // the store must hold the effects before the offsets move; if it is away, keep trying rather than skip
    let duplicates = new Set<string>();
    for (let attempt = 0; ; attempt++) {
      if (!payload.isRunning() || payload.isStale())
        throw new Error('consumer stopping before the batch was stored; it will be redelivered');
      try {
        duplicates = await this.store(effects, applied);
        break;
      } catch (error) {
        this.logger.warn({ err: error, attempt }, 'storing consumer effects failed; retrying');
        await sleep(Math.min(this.backoffMs * 2 ** attempt, 5000));
        await heartbeat();
      }
    }
    for (const event of applied) {
      const outcome = duplicates.has(event.id) ? 'duplicate' : 'processed';
      outcomes.inc({ group: this.group, type: event.type, outcome });
    }
    const last = batch.messages.at(-1);
    if (last) payload.resolveOffset(last.offset);
    await heartbeat();
  }

  private parse(message: KafkaMessage): ReturnType<typeof parseEvent> {
    try {
      return parseEvent(JSON.parse(message.value?.toString('utf8') ?? 'null'));
    } catch (error) {
      return { ok: false, reason: `not JSON: ${(error as Error).message}` };
    }
  }

  private async alreadyProcessed(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    // `$in` makes FerretDB read the whole collection; acceptable only because resent copies are rare
    const docs = await this.connection
      .collection<{ _id: string }>(PROCESSED)
      .find({ _id: { $in: ids.map((id) => `${this.group}:${id}`) } }, { projection: { _id: 1 } })
      .toArray();
    return new Set(docs.map((d) => d._id.slice(this.group.length + 1)));
  }

  private async runHandlers(
    event: DomainEvent,
  ): Promise<{ ok: true; effects: Effect[] } | { ok: false; reason: string }> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const effects = new Effects(event.id);
      try {
        for (const handler of this.handlers.get(event.type) ?? []) await handler(event, effects);
        return { ok: true, effects: effects.list };
      } catch (error) {
        lastError = error;
        if (attempt < this.maxAttempts) await sleep(this.backoffMs * 2 ** (attempt - 1));
      }
    }
    const reason = lastError instanceof Error ? lastError.message : String(lastError);
    return { ok: false, reason: `handler failed ${this.maxAttempts} times: ${reason}` };
  }

  /** Applies the effects exactly once in effect, then records the events; returns the ids already recorded. */
  private async store(effects: Effect[], applied: DomainEvent[]): Promise<Set<string>> {
    const written = mergeEffects(effects);
    for (const round of planRounds(written)) {
      await Promise.all(
        [...round].map(async ([name, list]) => {
          const replayed = await this.write(
            name,
            list.map((effect) => ({ updateOne: guard(effect) as never })),
          );
          // a merged write that met a replay: its parts one by one, each guarded, apply exactly what is missing
          for (const index of replayed) {
            for (const part of list[index].parts ?? [])
              await this.write(name, [{ updateOne: guard(part) as never }]);
          }
        }),
      );
    }
    await this.compactor.applied(this.connection, written);
    const recorded = await this.write(
      PROCESSED,
      applied.map((e) => ({
        insertOne: { document: { _id: `${this.group}:${e.id}`, at: new Date() } as never },
      })),
    );
    return new Set(recorded.map((index) => applied[index].id));
  }

  /**
   * Bulk writes of at most MAX_STATEMENTS; returns the indexes of operations refused as duplicates ("already
   * applied"). An unordered bulk on FerretDB stops at its first error, unlike MongoDB, so after a duplicate the
   * chunk is replayed one by one: every operation is guarded, so that is safe.
   */
  private async write(name: string, operations: AnyBulkWriteOperation[]): Promise<number[]> {
    const collection = this.connection.collection(name);
    const duplicates: number[] = [];
    for (let start = 0; start < operations.length; start += MAX_STATEMENTS) {
      const chunk = operations.slice(start, start + MAX_STATEMENTS);
      try {
        await collection.bulkWrite(chunk, { ordered: false });
      } catch (error) {
        if (!isDuplicateOnly(error)) throw error;
        for (const [offset, operation] of chunk.entries()) {
          try {
            await collection.bulkWrite([operation]);
          } catch (single) {
            if (!isDuplicateOnly(single)) throw single;
            duplicates.push(start + offset);
          }
        }
      }
    }
    return duplicates;
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    reason: string,
  ): Promise<void> {
    if (!this.dlqProducer) {
      const producer = this.client.kafka.producer();
      await producer.connect();
      this.dlqProducer = producer;
    }
    await this.dlqProducer.send({
      topic: this.client.name(deadLetterTopic(this.group)),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            'dlq-reason': reason,
            'dlq-source': `${topic}/${partition}@${message.offset}`,
            'dlq-group': this.group,
            'dlq-at': new Date().toISOString(),
          },
        },
      ],
    });
    this.logger.warn({ topic, partition, offset: message.offset, reason }, 'message dead-lettered');
    const type = (message.headers?.['event-type'] ?? 'unknown').toString();
    outcomes.inc({ group: this.group, type, outcome: 'dead-lettered' });
  }
}
