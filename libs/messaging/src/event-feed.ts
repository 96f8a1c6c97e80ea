import { Logger } from '@nestjs/common';
import { type DomainEvent, EVENTS, type EventType, parseEvent } from '@psc/contracts';
import type { Consumer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import type { KafkaClient } from './kafka.client';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A live tail of the registered topics, for pushing to screens (SSE). Unlike `@EventPattern` it keeps no state and
 * promises nothing: events from before start are not read, and a message that fails validation is skipped, not
 * dead-lettered — the store-backed consumers own those. Each process gets its own consumer group
 * (`<group>.<random>`): sharing one group would split the partitions between replicas, and every replica must see
 * every event for the screens connected to it. Offsets it commits only matter for restarts inside this process.
 * It stays plain kafkajs rather than a second Nest transport: a process runs several feeds, each owned by a service
 * with its own callback and start-up order, and Nest's pattern handlers would bring none of what a feed needs.
 */
export class EventFeed {
  private readonly logger = new Logger(EventFeed.name);
  readonly groupId: string;
  private consumer?: Consumer;
  private stopping = false;
  private running = false;
  /** where the group starts: the end of each partition when it first started, fetched once */
  private origin?: { topic: string; partitions: { partition: number; offset: string }[] }[];

  constructor(
    private readonly client: KafkaClient,
    group: string,
    private readonly onEvent: (event: DomainEvent) => void,
    /** only topics carrying a wanted type are read at all, so e.g. personal-data audit events never pass through */
    private readonly wants: (type: EventType) => boolean = () => true,
  ) {
    this.groupId = client.name(`${group}.${randomBytes(4).toString('hex')}`);
  }

  /** True once every event published from now on will reach `onEvent`. */
  get ready(): boolean {
    return this.running;
  }

  /** Resolves once running; Kafka being away only delays it (retries until stop()). */
  async start(): Promise<void> {
    for (let attempt = 0; !this.stopping; attempt++) {
      try {
        await this.client.ensureTopics();
        const wanted = (Object.keys(EVENTS) as EventType[]).filter(this.wants);
        const topics = [...new Set(wanted.map((type) => this.client.name(EVENTS[type].topic)))];
        if (topics.length === 0) {
          this.running = true;
          return;
        }
        const unstarted = await this.unstarted(topics);
        const consumer = this.client.consumer(this.groupId, { maxWaitTimeInMs: 50 });
        consumer.on(consumer.events.CRASH, ({ payload }) => {
          if (!payload.restart && !this.stopping) {
            this.logger.error({ err: payload.error }, 'event feed crashed; starting a new one');
            this.running = false;
            void consumer.disconnect().finally(() => void this.start());
          }
        });
        await consumer.connect();
        await consumer.subscribe({ topics, fromBeginning: false });
        await consumer.run({ eachMessage: ({ message }) => Promise.resolve(this.deliver(message.value)) });
        // applied once the partitions are assigned; with auto-commit a seek also commits, so a later rejoin resumes
        for (const { topic, partitions } of unstarted)
          for (const { partition, offset } of partitions) consumer.seek({ topic, partition, offset });
        this.consumer = consumer;
        this.running = true;
        this.logger.log({ group: this.groupId, topics }, 'event feed running');
        return;
      } catch (error) {
        const delay = Math.min(500 * 2 ** attempt, 2000);
        this.logger.warn({ err: error, retryInMs: delay }, 'event feed could not start');
        await sleep(delay);
      }
    }
  }

  /**
   * The partitions this group has no committed offset for, with where it must start on them: the end as of the first
   * start. A group without committed offsets starts at the end only when it first fetches, and again after every
   * rejoin (a broker restart, a consumer started anew after a crash), which would skip what was published meanwhile.
   * (kafkajs's admin.setOffsets would commit them up front, but joins the group once per topic to do it: seconds each.)
   */
  private async unstarted(topics: string[]) {
    const admin = await this.client.getAdmin();
    this.origin ??= await Promise.all(
      topics.map(async (topic) => ({ topic, partitions: await admin.fetchTopicOffsets(topic) })),
    );
    const committed = await admin.fetchOffsets({ groupId: this.groupId, topics });
    const has = new Set(
      committed.flatMap(({ topic, partitions }) =>
        partitions.filter((p) => p.offset !== '-1').map((p) => `${topic}/${p.partition}`),
      ),
    );
    return this.origin.map(({ topic, partitions }) => ({
      topic,
      partitions: partitions.filter((p) => !has.has(`${topic}/${p.partition}`)),
    }));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.running = false;
    await this.consumer?.disconnect().catch(() => undefined);
  }

  private deliver(value: Buffer | null): void {
    let parsed: ReturnType<typeof parseEvent>;
    try {
      parsed = parseEvent(JSON.parse(value?.toString('utf8') ?? 'null'));
    } catch {
      return;
    }
    if (parsed.ok) {
      if (this.wants(parsed.event.type)) this.onEvent(parsed.event);
    } else this.logger.debug({ reason: parsed.reason }, 'event feed skipped a message');
  }
}
