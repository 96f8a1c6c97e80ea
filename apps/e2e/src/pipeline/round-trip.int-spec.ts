import { buildEvent } from '@psc/contracts';
import { waitFor } from '@psc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';

describe('command → outbox → Kafka → consumer → read model', () => {
  const world = new SystemWorld(inject('stack'));

  beforeAll(() => world.startAll(['catalogue', 'insight']));
  afterAll(() => world.dispose());

  it('carries a command sent through the gateway into the other service’s read model', async () => {
    const gateway = world.apps.gateway!.url;
    const response = await fetch(`${gateway}/api/catalogue/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...world.adminHeaders },
      body: JSON.stringify({ code: world.nextCode(), name: '高龄津贴申领', theme: 'elderly-care' }),
    });
    expect(response.status).toBe(201);
    const { _id: id } = (await response.json()) as { _id: string };

    const view = await waitFor(
      async () => {
        const r = await fetch(`${gateway}/api/insight/catalogue/items/${id}`, {
          headers: world.adminHeaders,
        });
        return r.ok ? ((await r.json()) as { name: string; theme: string }) : undefined;
      },
      { what: 'the item in the insight read model' },
    );
    expect(view).toMatchObject({ name: '高龄津贴申领', theme: 'elderly-care' });
    const themes = (await (
      await fetch(`${gateway}/api/insight/catalogue/themes`, { headers: world.adminHeaders })
    ).json()) as {
      theme: string;
      drafted: number;
    }[];
    expect(themes).toEqual([expect.objectContaining({ theme: 'elderly-care', drafted: 1 })]);

    // the relay cleared the outbox once Kafka had the event
    const stored = await world
      .db('catalogue')
      .collection('items')
      .findOne({ _id: id as never });
    expect(stored?._outbox).toBeUndefined();
    expect(stored?._outboxPending).toBeUndefined();
  });

  it('refuses a bad command with a Chinese message per field and writes nothing', async () => {
    const gateway = world.apps.gateway!.url;
    const before = await world.db('catalogue').collection('items').countDocuments();
    const response = await fetch(`${gateway}/api/catalogue/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...world.adminHeaders },
      body: JSON.stringify({ code: 'bad code', name: '低' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; details: { field: string; message: string }[] };
    expect(body.code).toBe('COMMON.VALIDATION_FAILED');
    expect(body.details.map((d) => d.field).sort()).toEqual(['code', 'name', 'theme']);
    expect(body.details.find((d) => d.field === 'name')?.message).toBe('事项名称至少 2 个字');
    expect(await world.db('catalogue').collection('items').countDocuments()).toBe(before);
  });

  it('applies the same event delivered twice only once', async () => {
    const event = buildEvent(
      'catalogue.item.drafted',
      'dup-item',
      { itemId: 'dup-item', code: 'DUP-1', name: '重复投递测试', theme: '重复主题' },
      'catalogue',
    );
    const producer = world.kafka.producer();
    await producer.connect();
    const message = { key: event.key, value: JSON.stringify(event) };
    // two copies in one batch, then a third on its own: both ways a redelivery arrives
    await producer.send({ topic: world.topic('catalogue.item.v1'), messages: [message, message] });
    await producer.send({ topic: world.topic('catalogue.item.v1'), messages: [message] });
    await producer.disconnect();

    const insight = world.db('insight');
    const summary = await waitFor(
      () =>
        insight
          .collection<{ _id: string; drafted: number }>('catalogue_theme_summary')
          .findOne({ _id: '重复主题' }),
      { what: 'the duplicated event to be applied' },
    );
    // every copy has been consumed once the consumer has counted two duplicates
    await waitFor(
      async () => {
        const metrics = await (await fetch(`${world.apps.insight!.url}/metrics`)).text();
        return /consumer_events_total\{[^}]*outcome="duplicate"\} [2-9]/.test(metrics);
      },
      { what: 'the other two copies to be recognised as duplicates' },
    );
    const after = await insight
      .collection<{ _id: string; drafted: number }>('catalogue_theme_summary')
      .findOne({ _id: '重复主题' });
    expect(summary.drafted).toBe(1);
    expect(after?.drafted).toBe(1);
  });
});
