import type { Material } from '@psc/contracts/catalogue';
import { describe, expect, it } from 'vitest';
import { promiseOverdue, rectificationOverdue, slaAlertDue } from './sla-alerts';

/** A wall-clock time in Shanghai (UTC+8, no daylight saving). */
const shanghai = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);
const running = (
  acceptedDay: string,
  promisedDays: number,
  slaAlerted: 'due_soon' | 'overdue' | null = null,
) => ({
  state: 'accepted' as const,
  acceptedAt: shanghai(acceptedDay, '16:00'),
  item: {
    code: 'MZ-001',
    version: 1,
    name: '',
    mode: 'undertake' as const,
    promisedDays,
    materials: [] as Material[],
  },
  slaAlerted,
});

describe('SLA alerts across the 2026 Spring Festival', () => {
  // accepted Friday 13 Feb; 3 working days: Sat 14 Feb (调休, worked), then 24 and 25 Feb after the holiday
  const beforeFestival = running('2026-02-13', 3);

  it('stays quiet through the holiday, warns on the last working day before due, and is overdue after', () => {
    expect(slaAlertDue(beforeFestival, shanghai('2026-02-20'))).toBeNull();
    expect(slaAlertDue(beforeFestival, shanghai('2026-02-24'))).toBe('due_soon');
    expect(slaAlertDue(beforeFestival, shanghai('2026-02-25', '23:59'))).toBe('due_soon');
    expect(slaAlertDue(beforeFestival, shanghai('2026-02-26', '00:01'))).toBe('overdue');
  });

  it('raises each level once, and overdue even when the warning was missed', () => {
    expect(slaAlertDue(running('2026-02-13', 3, 'due_soon'), shanghai('2026-02-24'))).toBeNull();
    expect(slaAlertDue(running('2026-02-13', 3, 'due_soon'), shanghai('2026-02-26'))).toBe('overdue');
    expect(slaAlertDue(running('2026-02-13', 3, 'overdue'), shanghai('2026-03-02'))).toBeNull();
    expect(slaAlertDue(running('2026-02-13', 3), shanghai('2026-03-02'))).toBe('overdue');
  });

  it('counts the 调休 Saturday as a working day: a one-day limit from Friday ends that Saturday', () => {
    const oneDay = running('2026-02-13', 1);
    expect(slaAlertDue(oneDay, shanghai('2026-02-14', '18:00'))).toBe('due_soon');
    expect(slaAlertDue(oneDay, shanghai('2026-02-15', '09:00'))).toBe('overdue');
  });

  it('says nothing about cases that are not running', () => {
    expect(slaAlertDue({ ...beforeFestival, state: 'completed' }, shanghai('2026-03-02'))).toBeNull();
  });
});

describe('rectification deadline', () => {
  const open = { due: '2026-11-30', answer: null, answeredAt: null, answeredBy: null };
  it('is overdue after the end of its due day in Shanghai unless answered or already flagged', () => {
    expect(rectificationOverdue({ rectification: open }, shanghai('2026-11-30', '23:59'))).toBe(false);
    expect(rectificationOverdue({ rectification: open }, shanghai('2026-12-01', '00:00'))).toBe(true);
    expect(
      rectificationOverdue({ rectification: { ...open, answer: '已整改' } }, shanghai('2026-12-02')),
    ).toBe(false);
    expect(rectificationOverdue({ rectification: { ...open, flagged: true } }, shanghai('2026-12-02'))).toBe(
      false,
    );
  });
});

describe('容缺 promise', () => {
  // the materials promised by Tuesday 13 Oct (work-calendar's tests cover how that day is reached)
  const promised = (supplied = false, flagged = false) => ({
    state: 'accepted' as const,
    deferred: { names: ['收入证明'], due: '2026-10-13', supplied, flagged },
  });

  it('is broken after the end of the promised day, once, unless the materials were brought', () => {
    expect(promiseOverdue(promised(), shanghai('2026-10-13', '23:59'))).toBe(false);
    expect(promiseOverdue(promised(), shanghai('2026-10-14', '00:00'))).toBe(true);
    expect(promiseOverdue(promised(true), shanghai('2026-10-20'))).toBe(false);
    expect(promiseOverdue(promised(false, true), shanghai('2026-10-20'))).toBe(false);
  });

  it('is not followed up on a case no longer being handled, nor on one that promised nothing', () => {
    expect(promiseOverdue({ ...promised(), state: 'refused' as const }, shanghai('2026-10-20'))).toBe(false);
    expect(
      promiseOverdue(
        { state: 'accepted', deferred: { names: [], due: null, supplied: true } },
        shanghai('2026-10-20'),
      ),
    ).toBe(false);
  });
});
