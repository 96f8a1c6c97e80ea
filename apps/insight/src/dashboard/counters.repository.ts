import type { Effects } from '@psc/messaging';
import type { Model } from 'mongoose';
import { type CounterFact, counterWrites } from './counters';

/** States a source's facts as the consumer's effects on its counters collection (applied once per event). */
export function count(effects: Effects, counters: Model<never>, facts: CounterFact<string>[]): void {
  for (const fact of facts)
    for (const { id, update } of counterWrites(fact)) effects.upsert(counters, id, update);
}
