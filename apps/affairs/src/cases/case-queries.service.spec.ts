import { expectAppError, resident, staff } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import {
  admin,
  applicant,
  caseWorld,
  type CaseWorld,
  CENTRE,
  counter,
  OTHER_CENTRE,
  reviewer,
} from '../../test/case-world';
import type { Case } from './case.model';
import { centreWeek, LIST_LIMIT, LIST_WEEKS } from './case-keys';

const city = staff('counter_staff', 'sz');
const WEEK_MS = 7 * 86_400_000;

/** Every filter the store is asked, from here on. */
function readsOf(world: CaseWorld): Record<string, unknown>[] {
  const reads: Record<string, unknown>[] = [];
  const find = world.store.find.bind(world.store);
  world.store.find = (filter = {}, projection?: unknown) => {
    reads.push(filter);
    return find(filter, projection);
  };
  return reads;
}

/** `n` finished (well-rated) copies of `template` opened `weeksAgo` weeks before now, stored directly. */
async function finished(world: CaseWorld, template: Case, n: number, weeksAgo: number): Promise<void> {
  const openedAt = new Date(world.clock().getTime() - weeksAgo * WEEK_MS);
  for (let i = 0; i < n; i++)
    await world.store.create({
      ...template,
      _id: `${template._id}-${weeksAgo}-${i}`,
      idempotencyKey: `copy-${weeksAgo}-${i}`,
      state: 'rated',
      live: false,
      openedAt,
      centreWeek: centreWeek(template.centreId, openedAt),
    });
}

describe('CaseQueriesService.get', () => {
  it('shows a case to staff of its centre and to the resident who applied, to no one else', async () => {
    const world = caseWorld();
    const { caseNo } = await world.open();
    expect((await world.queries.get(caseNo, reviewer)).caseNo).toBe(caseNo);
    expect((await world.queries.get(caseNo, applicant)).caseNo).toBe(caseNo);
    await expectAppError(world.queries.get(caseNo, staff('centre_admin', OTHER_CENTRE)), 'AUTH.OUT_OF_SCOPE');
    await expectAppError(world.queries.get(caseNo, resident('r-2')), 'AUTH.NOT_OWN_RECORD');
    await expectAppError(world.queries.get('25030399999', admin), 'AFFAIRS.CASE_NOT_FOUND');
  });
});

describe('CaseQueriesService.list', () => {
  it("lists one centre's cases due soonest first, those not yet running last, filtered as asked", async () => {
    const world = caseWorld();
    const first = await world.open();
    world.clock.advance(86_400_000);
    const second = await world.open();
    const correcting = await world.open(['户口簿']);
    await world.open([], { centreId: OTHER_CENTRE }, city);
    await world.steps.act(
      second.caseNo,
      { action: 'assign', revision: 1, assignee: { kind: 'proxy', name: '王代办' } },
      counter,
    );
    world.clock.set('2025-03-14T02:00:00Z');
    const list = (query = {}) =>
      world.queries
        .list({ centreId: CENTRE, ...query }, counter)
        .then((l) => l.map((c) => [c.caseNo, c.due, c.sla]));
    expect(await list()).toEqual([
      [first.caseNo, '2025-03-17', 'due_soon'],
      [second.caseNo, '2025-03-18', 'on_track'],
      [correcting.caseNo, null, null],
    ]);
    expect(await list({ sla: 'due_soon' })).toEqual([[first.caseNo, '2025-03-17', 'due_soon']]);
    expect(await list({ state: 'correcting' })).toEqual([[correcting.caseNo, null, null]]);
    expect(await list({ assignee: '王代办' })).toEqual([[second.caseNo, '2025-03-18', 'on_track']]);
    await expectAppError(world.queries.list({ centreId: OTHER_CENTRE }, counter), 'AUTH.OUT_OF_SCOPE');
  });
});

describe('CaseQueriesService.list on a store in use', () => {
  it('lists a finished case for LIST_WEEKS weeks after its intake, one still being handled whatever its age', async () => {
    const world = caseWorld();
    const running = await world.open();
    const done = await world.delivered();
    const listed = async () => (await world.queries.list({ centreId: CENTRE }, counter)).map((c) => c.caseNo);
    world.clock.advance((LIST_WEEKS - 1) * WEEK_MS);
    expect((await listed()).sort()).toEqual([running.caseNo, done.caseNo].sort());
    world.clock.advance(2 * WEEK_MS);
    expect(await listed()).toEqual([running.caseNo]);
    // what only cases being handled can match is listed from them alone, at any age
    expect((await world.queries.list({ centreId: CENTRE, state: 'accepted' }, counter)).length).toBe(1);
  });

  it('reads by indexed keys only, and no more weeks than the newest LIST_LIMIT cases take', async () => {
    const world = caseWorld();
    const { caseNo } = await world.open();
    const template = world.store.docs.get(caseNo) as unknown as Case;
    await finished(world, template, 300, 0);
    await finished(world, template, 300, 1);
    await finished(world, template, 10, 5);
    const reads = readsOf(world);

    const list = await world.queries.list({ centreId: CENTRE }, counter);
    expect(list).toHaveLength(LIST_LIMIT);
    expect(list.every((c) => new Date(c.openedAt) >= new Date(world.clock().getTime() - 2 * WEEK_MS))).toBe(
      true,
    );
    // the live cases, then this week, then the two before it: enough, so week 5 is never read
    expect(reads).toEqual([
      { centreId: CENTRE, live: true },
      { centreWeek: centreWeek(CENTRE, world.clock()) },
      { centreWeek: centreWeek(CENTRE, new Date(world.clock().getTime() - WEEK_MS)) },
      { centreWeek: centreWeek(CENTRE, new Date(world.clock().getTime() - 2 * WEEK_MS)) },
    ]);

    reads.length = 0;
    const rated = await world.queries.list(
      { centreId: CENTRE, state: 'rated', assignee: '区民政局' },
      counter,
    );
    expect(rated).toEqual([]);
    expect(reads).toHaveLength(1 + LIST_WEEKS);
    expect(reads.every((filter) => filter.state === 'rated')).toBe(true);
    expect(reads.flatMap((filter) => Object.values(filter)).some((v) => typeof v === 'object')).toBe(false);
  });
});

describe('CaseQueriesService.alerts', () => {
  it('lists what has passed its day first, by due day, then what is about to', async () => {
    const world = caseWorld();
    const rated = await world.delivered();
    await world.rating.rate(rated.caseNo, { score: 1 }, applicant);
    const late = await world.open();
    world.clock.set('2025-03-05T02:00:00Z');
    const promised = await world.open(['收入证明']);
    const done = await world.delivered();
    await world.open([], { centreId: OTHER_CENTRE }, city);
    world.clock.set('2025-03-18T02:00:00Z');
    expect(await world.queries.alerts(CENTRE, counter)).toEqual([
      { caseNo: rated.caseNo, kind: 'rectification_overdue', due: '2025-03-10', assignee: null },
      { caseNo: promised.caseNo, kind: 'promise_overdue', due: '2025-03-12', assignee: null },
      { caseNo: late.caseNo, kind: 'overdue', due: '2025-03-17', assignee: null },
      { caseNo: promised.caseNo, kind: 'due_soon', due: '2025-03-19', assignee: null },
    ]);
    expect(done.state).toBe('delivered');
    await expectAppError(world.queries.alerts(OTHER_CENTRE, counter), 'AUTH.OUT_OF_SCOPE');
  });
});

describe('CaseQueriesService.mine', () => {
  it("lists a resident's own cases, newest first, as progress", async () => {
    const world = caseWorld();
    const older = await world.open();
    world.clock.advance(60_000);
    const newer = await world.open(['户口簿']);
    await world.open([], { residentId: 'r-2' });
    const mine = await world.queries.mine(applicant);
    expect(mine.map((c) => [c.caseNo, c.state])).toEqual([
      [newer.caseNo, 'correcting'],
      [older.caseNo, 'accepted'],
    ]);
    expect(mine[0]).not.toHaveProperty('history');
  });
});
