import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { deadLetterTopic, EVENTS } from '@psc/contracts';
import { type Admin, Kafka, logLevel, type LogEntry } from 'kafkajs';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';

/** kafkajs logs through Nest's logger, so Kafka's complaints land in the same JSON stream. */
const logCreator = () => {
  const logger = new Logger('kafkajs');
  return ({ level, log }: LogEntry) => {
    const { message, ...extra } = log;
    if (level <= logLevel.ERROR) logger.error({ ...extra }, message);
    else if (level === logLevel.WARN) logger.warn({ ...extra }, message);
  };
};

@Injectable()
export class KafkaClient implements OnApplicationShutdown {
  readonly kafka: Kafka;
  private admin?: Admin;
  private topicsReady?: Promise<void>;

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId ?? options.service,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      logCreator,
      retry: { initialRetryTime: 300, retries: 8 },
    });
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
