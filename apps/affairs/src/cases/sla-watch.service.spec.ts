import type { Model } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { admin, applicant, caseWorld } from '../../test/case-world';
import type { AffairsConfig } from '../config';
import type { Case } from './case.model';
import { SlaWatchService } from './sla-watch.service';

function watched() {
  const world = caseWorld();
  const reads: Record<string, unknown>[] = [];
  const find = world.store.find.bind(world.store);
  world.store.find = (filter = {}, projection?: unknown) => {
    reads.push(filter);
    return find(filter, projection);
  };
  const sut = new SlaWatchService(world.store as unknown as Model<Case>, world.outbox, world.clock, {
    SLA_SWEEP_SECONDS: 60,
  } as AffairsConfig);
  const live = () => [...world.store.docs.values()].filter((d) => d.live).map((d) => d._id);
  return { world, sut, reads, live };
}

describe('SlaWatchService.sweep', () => {
  it('alerts once for a live case and reads nothing but the live ones', async () => {
    const { world, sut, reads } = watched();
    const late = await world.open();
    await world.delivered();
    world.clock.set('2025-03-18T02:00:00Z');
    await sut.sweep();
    await sut.sweep();
    expect(world.outbox.dataOf('affairs.case.sla-alerted')).toEqual([
      expect.objectContaining({ caseNo: late.caseNo, level: 'overdue' }),
    ]);
    expect(reads).toEqual([{ live: true }, { live: true }]);
  });

  it('keeps a case in its sweep while a step is left or a 差评 waits for its answer', async () => {
    const { world, live } = watched();
    const good = await world.delivered();
    const bad = await world.delivered();
    expect(live()).toEqual([]);
    await world.rating.rate(good.caseNo, { score: 5 }, applicant);
    await world.rating.rate(bad.caseNo, { score: 1 }, applicant);
    expect(live()).toEqual([bad.caseNo]);
    await world.rectification.answer(bad.caseNo, '已约谈窗口人员并整改', admin);
    expect(live()).toEqual([]);
  });
});
