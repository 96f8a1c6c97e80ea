import { attachStack, type RunningStack, type StackPart } from '@psc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';
import { Counter, paced } from './counter';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The store killed (SIGKILL, as a crash) and started again while a counter keeps opening cases through the gateway:
 * every tap meanwhile is told "unavailable, try again" (503), never "internal error", and an intake sent again with
 * its form's key opens one case, however often it was sent.
 */
describe('the store killed under writes', () => {
  const world = new SystemWorld(inject('stack'));
  let stack: RunningStack | null;
  let counter: Counter;

  beforeAll(async () => {
    stack = await attachStack(inject('stack'));
    if (!stack) return; // external servers (MONGODB_URI/KAFKA_BROKERS) are not ours to kill
    await world.startAll(['catalogue', 'affairs'], { catalogue: { SEED_CATALOGUE: 'true' } });
    counter = new Counter(world);
    await counter.ready();
  });
  afterAll(() => world.dispose());

  it.for<[StackPart, string]>([
    ['postgres', 'PostgreSQL behind FerretDB'],
    ['ferret', 'FerretDB'],
  ])('answers 503 while %s (%s) is down and opens each retried intake once', async ([part], ctx) => {
    if (!stack) return ctx.skip();
    const running = stack;
    for (const status of Object.keys(counter.answers)) delete counter.answers[status];
    const keys = Array.from({ length: 30 }, (_, i) => `faults-${part}-${world.namespace}-${i}`);
    const outage = (async () => {
      await sleep(1500);
      await running.kill(part);
      await sleep(5000);
      await running.revive();
    })();
    const opened = await paced(keys.length, 300, 4, (i) => counter.open(`resident-${part}-${i}`, keys[i]));
    await outage;

    expect(counter.answers['500']).toBeUndefined();
    // the outage was seen, and said as such
    expect(counter.answers['503']).toBeGreaterThan(0);
    // one case per form, and the answer to every retry named that case
    const cases = world.db('affairs').collection<{ _id: string; idempotencyKey: string }>('cases');
    for (const [i, key] of keys.entries()) {
      const stored = await cases.find({ idempotencyKey: key }).toArray();
      expect(stored.map((c) => c._id)).toEqual([opened[i].caseNo]);
    }
    expect(new Set(opened.map((c) => c.caseNo)).size).toBe(keys.length);
  });
});
