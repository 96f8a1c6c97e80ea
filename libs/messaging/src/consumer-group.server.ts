import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { type CustomTransportStrategy, type MessageHandler, Server } from '@nestjs/microservices';
import { deadLetterTopic, type DomainEvent, EVENTS, isEventType, parseEvent } from '@psc/contracts';
import {
  type Consumer,
  type EachBatchPayload,
  type KafkaMessage,
  Partitioners,
  type Producer,
} from 'kafkajs';
import type { Connection } from 'mongoose';
import { Counter } from 'prom-client';
import { isObservable, lastValueFrom } from 'rxjs';
import { EffectStore } from './effect-store';
import { type Effect, Effects } from './effects';
import { KafkaClient } from './kafka.client';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { RESEND_HEADER } from './outbox-relay';

export type ConsumeOutcome = 'processed' | 'duplicate' | 'ignored' | 'dead-lettered';

const outcomes = new Counter({
  name: 'consumer_events_total',
  help: 'events seen by a consumer group, by outcome',
  labelNames: ['group', 'type', 'outcome'],
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : ((error as { message?: string } | null)?.message ?? String(error));

/**
 * The app's consumer group as a Nest transport: Nest registers each `@EventPattern(type)` of the app's controllers
 * here (an event type of the @psc/contracts registry; the handler gets the event as `@Payload()` and its
 * `Effects` as `@Ctx()`). It validates every message, dead-letters what cannot be applied, applies each event's
 * effects exactly once in effect, and commits offsets only after the store has them. It names the Kafka group
 * itself, `<namespace>.<group>`, so Nest's `-server` suffix never applies.
 */
@Injectable()
export class ConsumerGroupServer
  extends Server
  implements CustomTransportStrategy, BeforeApplicationShutdown
{
  protected override readonly logger = new Logger(ConsumerGroupServer.name);
  private consumer?: Consumer;
  private dlqProducer?: Producer;
  private readonly group: string;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private stopping = false;
  private readonly store: EffectStore;

  constructor(
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
    private readonly client: KafkaClient,
    @InjectConnection() connection: Connection,
  ) {
    super();
    this.group = options.consumerGroup ?? '';
    this.maxAttempts = options.consumer?.maxAttempts ?? 3;
    this.backoffMs = options.consumer?.backoffMs ?? 100;
    this.store = new EffectStore(connection, this.group);
  }

  /** Called by Nest once the handlers are registered; Kafka (or the store) being away only delays consuming. */
  listen(callback: (error?: unknown) => void): void {
    const misdeclared = [...this.messageHandlers].filter(
      ([pattern, h]) => !isEventType(pattern) || !h.isEventHandler,
    );
    if (misdeclared.length > 0) {
      const patterns = misdeclared.map(([pattern]) => pattern).join(', ');
      callback(
        new Error(`${this.group}: ${patterns} — only @EventPattern of a registered event type is served`),
      );
      return;
    }
    if (this.messageHandlers.size > 0) void this.start();
    callback();
  }

  async close(): Promise<void> {
    this.stopping = true;
    await this.consumer?.disconnect().catch(() => undefined);
    await this.dlqProducer?.disconnect().catch(() => undefined);
  }

  /** Leaves the group before the HTTP server drains, as soon as shutdown starts, so partitions move on at once. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.close();
  }

  on(): never {
    throw new Error('ConsumerGroupServer emits no events; its outcomes are in consumer_events_total');
  }

  unwrap<T>(): T {
    if (!this.consumer) throw new Error('the consumer group is not running yet');
    return this.consumer as T;
  }

  /** Starts (or restarts after a fatal crash) the kafkajs consumer. */
  private async start(): Promise<void> {
    for (let attempt = 0; !this.stopping; attempt++) {
      try {
        await this.store.prepare();
        await this.client.ensureTopics();
        const consumer = this.client.consumer(this.client.name(this.group), {
          maxWaitTimeInMs: 50,
          // bounds one batch, and so what a crash can replay, well inside SEEN_WINDOW
          maxBytesPerPartition: 256 * 1024,
        });
        consumer.on(consumer.events.CRASH, ({ payload }) => {
          if (!payload.restart && !this.stopping) {
            this.logger.error({ err: payload.error }, 'consumer crashed; starting a new one');
            void consumer.disconnect().finally(() => void this.start());
          }
        });
        await consumer.connect();
        const types = [...this.messageHandlers.keys()].filter(isEventType);
        const topics = [...new Set(types.map((type) => this.client.name(EVENTS[type].topic)))];
        await consumer.subscribe({ topics, fromBeginning: true });
        await consumer.run({ eachBatchAutoResolve: false, eachBatch: (payload) => this.onBatch(payload) });
        this.consumer = consumer;
        this.logger.log({ group: this.group, topics }, 'consuming');
        return;
      } catch (error) {
        const delay = Math.min(500 * 2 ** attempt, 2000);
        this.logger.warn({ err: error, retryInMs: delay }, 'consumer could not start');
        await sleep(delay);
      }
    }
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const heartbeat = () => payload.heartbeat();
    const accepted: { event: DomainEvent; message: KafkaMessage; handler: MessageHandler }[] = [];
    for (const message of batch.messages) {
      const parsed = this.parse(message);
      // not getHandlerByPattern: it tries JSON.parse on the pattern first, a thrown error per message
      const handler = parsed.ok ? this.messageHandlers.get(parsed.event.type) : undefined;
      if (!parsed.ok) {
        await this.deadLetter(batch.topic, batch.partition, message, parsed.reason);
      } else if (!handler) {
        outcomes.inc({ group: this.group, type: parsed.event.type, outcome: 'ignored' });
      } else {
        accepted.push({ event: parsed.event, message, handler });
      }
    }

    // only a copy the relay may have sent before is worth a look-up; redeliveries are stopped by the guard
    const resent = accepted
      .filter((a) => a.message.headers?.[RESEND_HEADER] !== undefined)
      .map((a) => a.event.id);
    const seen = await this.store.alreadyProcessed(resent);
    const effects: Effect[] = [];
    const applied: DomainEvent[] = [];
    for (const { event, message, handler } of accepted) {
      // two copies in one batch would otherwise be merged into one write that passes the guard twice over
      if (seen.has(event.id)) {
        outcomes.inc({ group: this.group, type: event.type, outcome: 'duplicate' });
        continue;
      }
      seen.add(event.id);
      const result = await this.handle(handler, event);
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
        duplicates = await this.store.store(effects, applied);
        break;
      } catch (error) {
        this.logger.warn({ err: error, attempt }, 'storing consumer effects failed; retrying');
        // short enough that the heartbeat below keeps this member in the group while the store is away
        await sleep(Math.min(this.backoffMs * 2 ** attempt, 2000));
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

  /**
   * Runs the event's handlers (Nest chains every `@EventPattern` of one type behind one), each attempt with fresh
   * Effects. Nest's proxy hands a failure back as a rejection or as an Observable that errors.
   */
  private async handle(
    handler: MessageHandler,
    event: DomainEvent,
  ): Promise<{ ok: true; effects: Effect[] } | { ok: false; reason: string }> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const effects = new Effects(event.id);
      try {
        const result: unknown = await handler(event, effects);
        if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
        return { ok: true, effects: effects.list };
      } catch (error) {
        lastError = error;
        if (attempt < this.maxAttempts) await sleep(this.backoffMs * 2 ** (attempt - 1));
      }
    }
    return { ok: false, reason: `handler failed ${this.maxAttempts} times: ${messageOf(lastError)}` };
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    reason: string,
  ): Promise<void> {
    if (!this.dlqProducer) {
      const producer = this.client.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
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
