import { Controller, type INestApplication, Module } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { buildEvent, type DomainEvent } from '@psc/contracts';
import { ErrorFilter } from '@psc/server-kit';
import type { EachBatchPayload, KafkaMessage } from 'kafkajs';
import type { Connection, Model } from 'mongoose';
import { register } from 'prom-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsumerGroupServer } from './consumer-group.server';
import type { Effects } from './effects';
import type { KafkaClient } from './kafka.client';

const GROUP = 'test.wiring';
const views = { collection: { name: 'views' } } as unknown as Model<never>;
const tallies = { collection: { name: 'tallies' } } as unknown as Model<never>;

@Controller()
class DraftedConsumer {
  @EventPattern('catalogue.item.drafted')
  apply(@Payload() event: DomainEvent<'catalogue.item.drafted'>, @Ctx() effects: Effects): void {
    effects.upsert(views, event.data.itemId, { $set: { name: event.data.name } });
  }
}

@Controller()
class DraftedTally {
  @EventPattern('catalogue.item.drafted')
  count(@Payload() event: DomainEvent<'catalogue.item.drafted'>, @Ctx() effects: Effects): void {
    effects.upsert(tallies, event.data.theme, { $inc: { drafted: 1 } });
  }
}

@Controller()
class TransitionedConsumer {
  @EventPattern('affairs.case.transitioned')
  apply(): void {
    throw new Error('read model unreachable');
  }
}

@Controller()
class MisspeltConsumer {
  @EventPattern('catalogue.item.drafed')
  apply(): void {
    throw new Error('never registered');
  }
}

/** kafkajs and the store faked at their edges: what the group subscribes to, sends and writes is recorded. */
function fakes() {
  const subscribed: string[][] = [];
  const sent: { topic: string; messages: KafkaMessage[] }[] = [];
  const written: { collection: string; operations: unknown[] }[] = [];
  let eachBatch: ((payload: EachBatchPayload) => Promise<void>) | undefined;
  const client = {
    name: (logical: string) => `ns.${logical}`,
    ensureTopics: async () => undefined,
    consumer: () => ({
      events: { CRASH: 'consumer.crash' },
      on: () => undefined,
      connect: async () => undefined,
      subscribe: async ({ topics }: { topics: string[] }) => void subscribed.push(topics),
      run: async (config: { eachBatch: typeof eachBatch }) => void (eachBatch = config.eachBatch),
      disconnect: async () => undefined,
    }),
    kafka: {
      producer: () => ({
        connect: async () => undefined,
        send: async (record: (typeof sent)[number]) => void sent.push(record),
        disconnect: async () => undefined,
      }),
    },
  } as unknown as KafkaClient;
  const connection = {
    collection: (collection: string) => ({
      createIndex: async () => undefined,
      find: () => ({ toArray: async () => [] }),
      updateOne: async () => undefined,
      bulkWrite: async (operations: unknown[]) => void written.push({ collection, operations }),
    }),
  } as unknown as Connection;
  const server = new ConsumerGroupServer(
    { service: 'test', brokers: [], consumerGroup: GROUP, consumer: { maxAttempts: 2, backoffMs: 0 } },
    client,
    connection,
  );
  const running = () => vi.waitFor(() => eachBatch ?? Promise.reject(new Error('not consuming yet')));
  return { server, subscribed, sent, written, running };
}

const message = (offset: number, event: DomainEvent): KafkaMessage => ({
  offset: String(offset),
  key: Buffer.from(event.key),
  value: Buffer.from(JSON.stringify(event)),
  headers: { 'event-type': event.type },
  timestamp: '0',
  attributes: 0,
});

const batchOf = (messages: KafkaMessage[]) => {
  const resolveOffset = vi.fn();
  const payload = {
    batch: { topic: 'ns.catalogue.item.v1', partition: 0, messages },
    resolveOffset,
    heartbeat: async () => undefined,
    isRunning: () => true,
    isStale: () => false,
  } as unknown as EachBatchPayload;
  return { payload, resolveOffset };
};

const outcomes = async () =>
  (await register.getSingleMetric('consumer_events_total')!.get()).values
    .filter((v) => v.labels.group === GROUP)
    .map((v) => `${v.labels.type} ${v.labels.outcome} ${v.value}`)
    .sort();

const drafted = buildEvent(
  'catalogue.item.drafted',
  'i-1',
  { itemId: 'i-1', code: 'YL-001', name: '高龄津贴申领', theme: '养老服务' },
  'catalogue',
);
const invited = buildEvent(
  'affairs.case.rating-invited',
  'c-1',
  {
    caseNo: '20261123-0042',
    centreId: 'sz/futian/xiangmihu/c-001',
    itemName: '最低生活保障申请',
    residentId: 'r-1',
    token: 'AbC-_0123456789abcdefg',
  },
  'affairs',
);
const transitioned = buildEvent(
  'affairs.case.transitioned',
  'c-1',
  {
    caseNo: '20261123-0042',
    centreId: 'sz/futian/xiangmihu/c-001',
    itemCode: 'MZ-001',
    itemVersion: 1,
    trips: 1,
    action: 'deliver',
    from: 'completed',
    to: 'delivered',
    by: 'u1',
    role: 'counter_staff',
    at: '2026-11-23T08:00:00.000Z',
    reason: null,
    due: '2026-12-07',
    rating: null,
  },
  'affairs',
);

describe('ConsumerGroupServer: the @EventPattern handlers Nest registers', () => {
  let app: INestApplication | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
    register.resetMetrics();
  });

  /** The app as bootstrap connects it: sharing its HTTP side's guards and filters (server-kit's ErrorFilter here). */
  const start = async (server: ConsumerGroupServer, controllers: (new () => object)[]) => {
    @Module({ controllers, providers: [{ provide: APP_FILTER, useClass: ErrorFilter }] })
    class TestModule {}
    app = await NestFactory.create(TestModule, { logger: false });
    app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
    await app.startAllMicroservices();
  };

  it('subscribes to the topics of the types handled, and no others', async () => {
    const { server, subscribed, running } = fakes();
    await start(server, [DraftedConsumer, TransitionedConsumer]);
    await running();
    expect(subscribed).toEqual([['ns.catalogue.item.v1', 'ns.affairs.case.v1']]);
  });

  it('gives each event to every handler of its type, ignores types nobody handles, then stores and commits', async () => {
    const { server, sent, written, running } = fakes();
    await start(server, [DraftedConsumer, DraftedTally]);
    const eachBatch = await running();
    const { payload, resolveOffset } = batchOf([message(7, drafted), message(8, invited)]);
    await eachBatch(payload);

    const seen = { $each: [drafted.id] };
    expect(written.slice(0, 2)).toEqual([
      {
        collection: 'views',
        operations: [
          {
            updateOne: {
              filter: { _id: 'i-1', _seen: { $nin: [drafted.id] } },
              update: { $set: { name: '高龄津贴申领' }, $push: { _seen: seen } },
              upsert: true,
            },
          },
        ],
      },
      {
        collection: 'tallies',
        operations: [
          {
            updateOne: {
              filter: { _id: '养老服务', _seen: { $nin: [drafted.id] } },
              update: { $inc: { drafted: 1 }, $push: { _seen: seen } },
              upsert: true,
            },
          },
        ],
      },
    ]);
    // only the handled event is recorded as processed; the ignored one leaves no trace but its count
    expect(written[2]).toMatchObject({
      collection: 'processed_events',
      operations: [{ insertOne: { document: { _id: `${GROUP}:${drafted.id}` } } }],
    });
    expect(written).toHaveLength(3);
    expect(sent).toEqual([]);
    expect(resolveOffset).toHaveBeenCalledWith('8');
    expect(await outcomes()).toEqual([
      'affairs.case.rating-invited ignored 1',
      'catalogue.item.drafted processed 1',
    ]);
  });

  it("dead-letters an event whose handler keeps failing, with the handler's own error, and goes on", async () => {
    const { server, sent, written, running } = fakes();
    await start(server, [DraftedConsumer, TransitionedConsumer]);
    const eachBatch = await running();
    const { payload, resolveOffset } = batchOf([message(3, transitioned), message(4, drafted)]);
    await eachBatch(payload);

    expect(sent).toHaveLength(1);
    expect(sent[0].topic).toBe(`ns.${GROUP}.dlq`);
    const [dead] = sent[0].messages;
    expect(dead.value).toEqual(Buffer.from(JSON.stringify(transitioned)));
    expect(dead.headers).toMatchObject({
      'dlq-reason': 'handler failed 2 times: read model unreachable',
      'dlq-source': 'ns.catalogue.item.v1/0@3',
      'dlq-group': GROUP,
    });
    expect(written.map((w) => w.collection)).toEqual(['views', 'processed_events']);
    expect(resolveOffset).toHaveBeenCalledWith('4');
    expect(await outcomes()).toEqual([
      'affairs.case.transitioned dead-lettered 1',
      'catalogue.item.drafted processed 1',
    ]);
  });

  it('refuses to start with a pattern that is not an event type of the registry', async () => {
    const { server } = fakes();
    await expect(start(server, [DraftedConsumer, MisspeltConsumer])).rejects.toThrow(
      'catalogue.item.drafed — only @EventPattern of a registered event type is served',
    );
  });
});
