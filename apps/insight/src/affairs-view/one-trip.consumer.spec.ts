import { buildEvent, type EventData } from '@psc/contracts';
import { Effects } from '@psc/messaging';
import type { Model } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { OneTripConsumer } from './one-trip.consumer';

const C = 'sz/futian/xiangmihu/c-001';
const transitioned = (to: EventData<'affairs.case.transitioned'>['to'], trips: number) =>
  buildEvent(
    'affairs.case.transitioned',
    'c-1',
    {
      caseNo: '26112300001',
      centreId: C,
      itemCode: 'MZ-001',
      itemVersion: 1,
      trips,
      action: to === 'delivered' ? 'deliver' : 'complete',
      from: to === 'delivered' ? 'completed' : 'assigned',
      to,
      by: 'u1',
      role: 'counter_staff',
      at: '2026-11-23T08:00:00.000Z',
      reason: null,
      due: '2026-12-07',
      rating: null,
    },
    'affairs',
  );

describe('one-trip rate', () => {
  const sut = new OneTripConsumer({ collection: { name: 'tallies' } } as unknown as Model<never> as never);
  const run = (event: ReturnType<typeof transitioned>) => {
    const effects = new Effects(event.id);
    sut.apply(event, effects);
    return effects.list.map((e) => ({ id: e.id, inc: (e.update as { $inc: unknown }).$inc }));
  };

  it('counts a delivered case for its item and its centre, as one-trip when it took one visit', () => {
    expect(run(transitioned('delivered', 1))).toEqual([
      { id: `${C}|MZ-001`, inc: { delivered: 1, oneTrip: 1 } },
      { id: `${C}|*`, inc: { delivered: 1, oneTrip: 1 } },
    ]);
    expect(run(transitioned('delivered', 2))[1]).toEqual({ id: `${C}|*`, inc: { delivered: 1, oneTrip: 0 } });
  });

  it('ignores other steps, whose visit count is not final', () => {
    expect(run(transitioned('completed', 1))).toEqual([]);
  });
});
