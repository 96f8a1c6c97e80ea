import type { Connection } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { EffectStore } from './effect-store';

const GROUP = 'insight.dashboards';

/** The processed-events collection of a group, answering point reads; every filter it is asked is recorded. */
function storeWith(recorded: string[]) {
  const filters: unknown[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const connection = {
    collection: () => ({
      findOne: async (filter: { _id: string }) => {
        filters.push(filter);
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
        return recorded.includes(filter._id) ? { _id: filter._id } : null;
      },
    }),
  } as unknown as Connection;
  return { sut: new EffectStore(connection, GROUP), filters, mostInFlight: () => mostInFlight };
}

describe('EffectStore.alreadyProcessed', () => {
  it('finds the recorded ones by a point read each, a bounded number at a time', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `e-${i}`);
    const { sut, filters, mostInFlight } = storeWith([`${GROUP}:e-3`, `${GROUP}:e-39`, 'other.group:e-5']);
    expect(await sut.alreadyProcessed(ids)).toEqual(new Set(['e-3', 'e-39']));
    expect(filters).toHaveLength(40);
    expect(filters).toContainEqual({ _id: `${GROUP}:e-5` });
    expect(mostInFlight()).toBeGreaterThan(1);
    expect(mostInFlight()).toBeLessThanOrEqual(16);
  });

  it('asks nothing for a batch without resent copies', async () => {
    const { sut, filters } = storeWith([]);
    expect(await sut.alreadyProcessed([])).toEqual(new Set());
    expect(filters).toEqual([]);
  });
});
