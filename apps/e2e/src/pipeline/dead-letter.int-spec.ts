import { buildEvent } from '@psc/contracts';
import { waitFor } from '@psc/testing';
import type { KafkaMessage } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';

describe('poison messages', () => {
  const world = new SystemWorld(inject('stack'));
  beforeAll(() => world.start('insight'));
  afterAll(() => world.dispose());

  it('sends a message that fails its schema to the dead-letter topic with the reason, and carries on', async () => {
    const good = buildEvent(
      'catalogue.item.drafted',
      'good-1',
      { itemId: 'good-1', code: 'OK-1', name: '有效事件', theme: '就业创业' },
      'catalogue',
    );
    const badData = { ...good, id: crypto.randomUUID(), data: { itemId: 'bad-1', name: '' } };
    const producer = world.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: world.topic('catalogue.item.v1'),
      messages: [
        { key: 'bad-1', value: JSON.stringify(badData), headers: { 'event-type': good.type } },
        { key: 'junk', value: 'this is not json' },
        { key: good.key, value: JSON.stringify(good) },
      ],
    });
    await producer.disconnect();

    const dead: KafkaMessage[] = [];
    const consumer = world.kafka.consumer({ groupId: `${world.namespace}.dlq-reader` });
    await consumer.connect();
    await consumer.subscribe({ topic: world.topic('insight.dashboards.dlq'), fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void dead.push(message) });
    await waitFor(async () => dead.length >= 2, { what: 'two dead letters' });
    await consumer.disconnect();

    // different keys, different partitions: find each dead letter by its key, not by arrival order
    const byKey = (key: string) => dead.find((m) => m.key?.toString() === key);
    const reason = (key: string) => byKey(key)?.headers?.['dlq-reason']?.toString();
    expect(reason('bad-1')).toMatch(/catalogue\.item\.drafted data invalid: code: .*; name: /);
    expect(reason('junk')).toMatch(/^not JSON/);
    expect(byKey('bad-1')?.value?.toString()).toBe(JSON.stringify(badData));
    expect(byKey('bad-1')?.headers?.['dlq-source']?.toString()).toMatch(
      new RegExp(`^${world.namespace}\\.catalogue\\.item\\.v1/`),
    );

    // the good event behind them was applied
    const view = await waitFor(
      () =>
        world
          .db('insight')
          .collection('catalogue_item_view')
          .findOne({ _id: 'good-1' as never }),
      { what: 'the good event after the poison ones' },
    );
    expect(view.name).toBe('有效事件');
    expect(await world.db('insight').collection('catalogue_item_view').countDocuments()).toBe(1);
  });
});
