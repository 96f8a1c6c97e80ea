import { dashboardQuery } from '@psc/contracts/insight';
import { expectAppError, staff } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import { knownWeek } from '@psc/contracts/insight/testing';
import { dashboardWorld as newWorld } from '../../test/dashboard-world';

describe('affairs dashboard', () => {
  it('counts a known week of a district: cases by state, one-trip, handling time, ratings, queue', async () => {
    const world = newWorld();
    await world.feed(knownWeek());
    const report = await world.read({
      scope: 'sz/futian',
      from: '2026-11-23',
      to: '2026-11-29',
      grain: 'week',
    });

    expect(report.periods).toEqual(['2026-W48']);
    expect(report.affairs.tally).toMatchObject({
      opened: 2,
      correcting: 1,
      accepted: 2,
      completed: 2,
      completedOnTime: 1,
      timed: 2,
      // case 1: accepted Mon 23rd, done Wed 25th (2 working days of 4 promised); case 2: Tue 24th → Fri 27th, 3 of 2
      handlingDays: 5,
      promisedDays: 6,
      delivered: 2,
      oneTrip: 1,
      rated: 2,
      rating5: 1,
      rating2: 1,
      rectified: 1,
      rectifiedOnTime: 1,
      refused: 0,
      ticketsIssued: 3,
      ticketsCalled: 2,
      waitSeconds: 15 * 60 + 30 * 60,
      noShow: 1,
    });
    expect(report.affairs.rates).toEqual({
      oneTrip: 0.5,
      completedOnTime: 0.5,
      meanHandlingDays: 2.5,
      meanPromisedDays: 3,
      good: 0.5,
      rectifiedOnTime: 1,
      meanWaitMinutes: 22.5,
    });
    expect(report.affairs.children.map((c) => [c.scope, c.tally.opened])).toEqual([
      ['sz/futian/xiangmihu', 2],
    ]);
    expect(report.affairs.items.map((i) => [i.itemCode, i.tally.completed, i.rates.oneTrip])).toEqual([
      ['MZ-001', 1, 1],
      ['YL-002', 1, 0],
    ]);
    // 09:10 and 09:40 Shanghai were called after 15 and 30 minutes; the 14:00 ticket never came
    expect(report.affairs.hours.map((h) => [h.hour, h.tally.ticketsCalled, h.rates.meanWaitMinutes])).toEqual(
      [
        ['09', 2, 22.5],
        ['14', 0, null],
      ],
    );
  });

  it('gives one entry per day, ISO week or month touching the range, empty where nothing happened', async () => {
    const world = newWorld();
    await world.feed(knownWeek());
    const days = await world.read({ scope: 'sz/futian', from: '2026-11-29', to: '2026-12-03' });
    expect(
      days.affairs.series.map((s) => [s.period, s.tally.opened, s.tally.overdue, s.tally.refused]),
    ).toEqual([
      ['2026-11-29', 0, 0, 0],
      ['2026-11-30', 1, 0, 0],
      ['2026-12-01', 0, 0, 0],
      ['2026-12-02', 0, 0, 0],
      ['2026-12-03', 0, 1, 1],
    ]);
    const weeks = await world.read({ scope: 'sz', from: '2026-11-25', to: '2026-12-01', grain: 'week' });
    expect(weeks.affairs.series.map((s) => [s.period, s.tally.opened])).toEqual([
      ['2026-W48', 2],
      ['2026-W49', 1],
    ]);
    const months = await world.read({ scope: 'sz', from: '2026-11-01', to: '2026-12-31', grain: 'month' });
    expect(months.affairs.series.map((s) => [s.period, s.tally.opened, s.tally.refused])).toEqual([
      ['2026-11', 3, 0],
      ['2026-12', 0, 1],
    ]);
    expect(months.affairs.children.map((c) => [c.scope, c.tally.opened])).toEqual([['sz/futian', 3]]);
  });

  it('reads each section by one equality on its bucket, and counts only the periods asked for', async () => {
    const world = newWorld();
    await world.feed(knownWeek());
    // 30 Nov alone: its bucket (November) also holds 23–29 Nov, which must not be counted
    const day = await world.read({ scope: 'sz/futian', from: '2026-11-30', to: '2026-11-30' });
    expect(day.affairs.series.map((s) => [s.period, s.tally.opened])).toEqual([['2026-11-30', 1]]);
    expect(day.affairs.tally.opened).toBe(1);
    expect(day.affairs.tally.ticketsIssued).toBe(0);
    expect(world.finds.affairs_counters).toEqual([{ bucket: 'sz/futian|day|2026-11' }]);

    // a year by week across the turn of the year: one query per ISO year, whatever the number of weeks
    for (const name of Object.keys(world.finds)) world.finds[name].length = 0;
    const weeks = await world.read({ scope: 'sz', from: '2026-11-23', to: '2027-01-10', grain: 'week' });
    expect(weeks.periods.at(-2)).toBe('2026-W53');
    expect(weeks.periods.at(-1)).toBe('2027-W01');
    expect(weeks.affairs.tally.opened).toBe(3);
    for (const name of ['affairs_counters', 'volunteer_counters', 'socialorg_counters', 'rooms_counters'])
      expect(world.finds[name], name).toEqual([{ bucket: 'sz|week|2026' }, { bucket: 'sz|week|2027' }]);
  });

  it('shows an administrator their own place and what lies below it, and nothing beside it', async () => {
    const world = newWorld();
    await world.feed(knownWeek());
    const range = { from: '2026-11-01', to: '2026-12-31', grain: 'month' };
    const street = staff('centre_admin', 'sz/futian/lianhua');
    const own = await world.read({ ...range, scope: 'sz/futian/lianhua' }, street);
    expect(own.affairs.tally.opened).toBe(1);
    expect(own.affairs.children.map((c) => c.scope)).toEqual(['sz/futian/lianhua/c-001']);
    const centre = await world.read({ ...range, scope: 'sz/futian/lianhua/c-001' }, street);
    expect(centre.affairs.children).toEqual([]);
    await expectAppError(world.read({ ...range, scope: 'sz/futian/xiangmihu' }, street), 'AUTH.OUT_OF_SCOPE');
    await expectAppError(world.read({ ...range, scope: 'sz/futian' }, street), 'AUTH.OUT_OF_SCOPE');
    await expectAppError(
      world.read({ ...range, scope: 'sz/futian' }, staff('counter_staff', 'sz')),
      'AUTH.OUT_OF_SCOPE',
    );
  });

  it('refuses a range it would answer with too many reads, and dates that do not exist', () => {
    const issues = (query: Record<string, string>) =>
      dashboardQuery.safeParse(query).error?.issues.map((i) => i.message) ?? [];
    expect(issues({ scope: 'sz', from: '2026-01-01', to: '2026-12-31' })).toEqual([
      '时间范围过长，请缩短范围或改用更粗的粒度',
    ]);
    expect(issues({ scope: 'sz', from: '2026-01-01', to: '2026-12-31', grain: 'week' })).toEqual([]);
    expect(issues({ scope: 'sz', from: '2026-02-30', to: '2026-03-01' })).toEqual([
      '日期应为有效日期（YYYY-MM-DD）',
    ]);
    expect(issues({ scope: 'sz', from: '2026-03-02', to: '2026-03-01' })).toEqual([
      '开始日期不能晚于结束日期',
    ]);
    expect(issues({ scope: 'SZ/x', from: '2026-03-01', to: '2026-03-01' })).toEqual([
      '统计范围应为 市/区/街道/中心 的编号',
    ]);
  });
});
