import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { deadLetterTopic, EVENTS } from '@psc/contracts';
import {
  type Admin,
  type Consumer,
  type ConsumerConfig,
  Kafka,
  type KafkaConfig,
  logLevel,
  type LogEntry,
} from 'kafkajs';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';

/**
 * The relay's idempotent producer gives up after RETRY on purpose: nothing here rests on Kafka's exactly-once (the
 * outbox sends again, consumers drop an event id seen before), so kafkajs's warning about it at every start is noise.
 */
const EXPECTED_WARNING = 'Limiting retries for the idempotent producer may invalidate EoS guarantees';

/** kafkajs logs through Nest's logger, so Kafka's complaints land in the same JSON stream. */
const logCreator = () => {
  const logger = new Logger('kafkajs');
  return ({ level, log }: LogEntry) => {
    const { message, ...extra } = log;
    if (message === EXPECTED_WARNING) return;
    if (level <= logLevel.ERROR) logger.error({ ...extra }, message);
    else if (level === logLevel.WARN) logger.warn({ ...extra }, message);
  };
};

/**
 * Reconnecting to a broker that is back within a second: kafkajs backs off up to `maxRetryTime` between attempts (30 s
 * by default, which is what kept events from flowing for 20 s after a broker restart). Producers and admin calls give
 * up after about 10 s, so the relay's loop and a health probe decide what to do next.
 */
const RETRY = { initialRetryTime: 200, maxRetryTime: 1000, retries: 10 };

/**
 * A consumer rides out an outage of about 5 minutes without giving up: one that gives up is restarted by kafkajs
 * as a new group member, and the group then waits for the old member's session to run out before it rebalances.
 */
const CONSUMER_RETRY = { initialRetryTime: 200, maxRetryTime: 1000, retries: 300 };

/**
 * Group settings of every consumer here (the consumer groups and the live feeds). A member that stops heartbeating
 * is dropped after 10 s (a crashed process's partitions move on after that; the broker allows 6 s at least); one
 * heartbeat a second keeps a busy member in; a rebalance waits at most 10 s for members to rejoin. The cost: a
 * member whose event loop is blocked for 10 s is dropped and its batch redelivered (the effects are idempotent).
 */
export const CONSUMER_SETTINGS = {
  sessionTimeout: 10_000,
  heartbeatInterval: 1000,
  rebalanceTimeout: 10_000,
  retry: CONSUMER_RETRY,
} as const satisfies Partial<ConsumerConfig>;

@Injectable()
export class KafkaClient implements OnApplicationShutdown {
  readonly kafka: Kafka;
  // consumers get a client of their own: kafkajs takes the connection retries from the client, not the consumer
  private readonly consumers: Kafka;
  private admin?: Admin;
  private topicsReady?: Promise<void>;

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {
    const config: KafkaConfig = {
      clientId: options.clientId ?? options.service,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      logCreator,
    };
    this.kafka = new Kafka({ ...config, retry: RETRY });
    this.consumers = new Kafka({ ...config, retry: CONSUMER_RETRY });
  }

  /** A consumer with the group settings above; `config` adds its own (fetch sizes, waits). */
  consumer(groupId: string, config: Partial<ConsumerConfig> = {}): Consumer {
    return this.consumers.consumer({ ...CONSUMER_SETTINGS, ...config, groupId });
  }

  /** The physical name of a logical topic or group: `<namespace>.<name>` when a namespace is set. */
  name(logical: string): string {
    return this.options.namespace ? `${this.options.namespace}.${logical}` : logical;
  }

  async getAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }

  /** Topics are created explicitly: production clusters usually forbid auto-creation. */
  ensureTopics(): Promise<void> {
    this.topicsReady ??= (async () => {
      const admin = await this.getAdmin();
      const wanted = new Set<string>(Object.values(EVENTS).map((e) => this.name(e.topic)));
      if (this.options.consumerGroup) wanted.add(this.name(deadLetterTopic(this.options.consumerGroup)));
      const existing = new Set(await admin.listTopics());
      const missing = [...wanted].filter((t) => !existing.has(t));
      if (missing.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({ topic, numPartitions: this.options.partitions ?? 3 })),
        });
      }
    })().catch((error: unknown) => {
      this.topicsReady = undefined;
      throw error;
    });
    return this.topicsReady;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect();
  }
}
