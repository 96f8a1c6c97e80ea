import { attachStack, type RunningStack, waitFor } from '@psc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';
import { CENTRE, Counter, paced } from './counter';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The cases the gateway's live feed (SSE, channel `case`) announced as delivered (a transition to `delivered`), as a
 * staff screen sees them.
 */
async function watchDeliveries(gateway: string, token: string) {
  const delivered = new Set<string>();
  const stop = new AbortController();
  const response = await fetch(`${gateway}/api/events/stream?channels=case`, {
    headers: { authorization: `Bearer ${token}` },
    signal: stop.signal,
  });
  void (async () => {
    const decoder = new TextDecoder();
    let pending = '';
    for await (const chunk of response.body!) {
      pending += decoder.decode(chunk as Uint8Array, { stream: true });
      const frames = pending.split('\n\n');
      pending = frames.pop() ?? '';
      for (const line of frames.flatMap((frame) => frame.split('\n'))) {
        if (!line.startsWith('data:')) continue;
        const event = JSON.parse(line.slice(5)) as { type: string; key: string; data: { to?: string } };
        if (event.type === 'affairs.case.transitioned' && event.data.to === 'delivered')
          delivered.add(event.key);
      }
    }
  })().catch(() => undefined);
  return { delivered, close: () => stop.abort() };
}

/**
 * Kafka killed (SIGKILL) and started again while a counter delivers cases: the counter never notices (the outbox holds
 * the events), and once the broker is back every consumer resumes — insight's one-trip tally, identity's texts and the
 * gateway's live feed — with each delivery counted exactly once. How fast is the fault benchmark's to say.
 */
describe('the broker killed under load', () => {
  const world = new SystemWorld(inject('stack'));
  let stack: RunningStack | null;

  beforeAll(async () => {
    stack = await attachStack(inject('stack'));
    if (!stack) return; // external servers (MONGODB_URI/KAFKA_BROKERS) are not ours to kill
    await world.startAll(['catalogue', 'insight', 'identity', 'affairs'], {
      catalogue: { SEED_CATALOGUE: 'true' },
    });
  });
  afterAll(() => world.dispose());

  it('loses and doubles nothing, and every consumer resumes once it is back', async (ctx) => {
    if (!stack) return ctx.skip();
    const running = stack;
    const counter = new Counter(world);
    await counter.ready();
    const feed = await watchDeliveries(
      world.apps.gateway!.url,
      await world.tokenFor('counter_staff', CENTRE),
    );
    const outage = (async () => {
      await sleep(2000);
      await running.kill('kafka');
      await sleep(10_000);
      await running.revive();
    })();
    const keys = Array.from({ length: 24 }, (_, i) => `faults-kafka-${world.namespace}-${i}`);
    const delivered = await paced(keys.length, 500, 4, (i) =>
      counter.deliver(`resident-kafka-${i}`, keys[i]),
    );
    await outage;
    expect(counter.answers['500']).toBeUndefined();
    const caseNos = delivered.map((c) => c.caseNo).sort();
    expect(new Set(caseNos).size).toBe(keys.length);

    const tally = world.db('insight').collection<{ _id: string; delivered: number }>('affairs_one_trip');
    const texts = world.db('identity').collection<{ _id: string }>('owed_texts');
    const resumed = { timeoutMs: 120_000, intervalMs: 500 };
    await waitFor(
      async () => ((await tally.findOne({ _id: `${CENTRE}|*` }))?.delivered ?? 0) >= keys.length,
      {
        ...resumed,
        what: 'insight to count every delivery',
      },
    );
    await waitFor(async () => (await texts.countDocuments()) >= keys.length, {
      ...resumed,
      what: 'identity to owe every rating text',
    });
    await waitFor(async () => feed.delivered.size >= keys.length, {
      ...resumed,
      what: 'the live feed to announce every delivery',
    });
    feed.close();
    // anything applied twice would show once the late copies are in
    await sleep(2000);
    expect((await tally.findOne({ _id: `${CENTRE}|*` }))?.delivered).toBe(keys.length);
    expect((await texts.find({}, { projection: { _id: 1 } }).toArray()).map((t) => t._id).sort()).toEqual(
      caseNos.map((caseNo) => `rating:${caseNo}`).sort(),
    );
    expect([...feed.delivered].sort()).toEqual(caseNos);
    expect(await world.db('affairs').collection('cases').countDocuments({ _outboxPending: true })).toBe(0);
  });
});
