import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { fee, isOpen, promised, timeLimit, todayHours, visits, weekHours, workingDays } from './format';

const communityHours = [
  { weekdays: [1, 2, 3, 4, 5], open: '19:00', close: '21:00' },
  { weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '18:00' },
  { weekdays: [6, 7], open: '09:00', close: '17:00' },
];

describe('catalogue formatting', () => {
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN';
  });

  it('shows fees in yuan from whole fen, and free as 免费', () => {
    expect(fee(0)).toBe('免费');
    expect(fee(2000)).toBe('¥20.00');
    expect(fee(123456789)).toBe('¥1,234,567.89');
    i18n.global.locale.value = 'en';
    expect(fee(5)).toBe('CN¥0.05');
  });

  it('states limits in working days, with the legal limit beside the promised one', () => {
    expect(workingDays(20)).toBe('20 个工作日');
    expect(workingDays(0)).toBe('即办');
    expect(promised(20)).toBe('承诺 20 个工作日');
    expect(promised(0)).toBe('即办');
    expect(timeLimit({ promisedDays: 20, legalDays: 30 })).toBe('承诺 20 个工作日（法定 30 个工作日）');
    expect(timeLimit({ promisedDays: 5, legalDays: 5 })).toBe('5 个工作日');
    expect(timeLimit({ promisedDays: 0, legalDays: 0 })).toBe('即办');
    i18n.global.locale.value = 'en';
    expect(workingDays(1)).toBe('1 working day');
    expect(timeLimit({ promisedDays: 20, legalDays: 30 })).toBe(
      'Within 20 working days (30 working days by law)',
    );
  });

  it('names the trips: none at all, or at most one', () => {
    expect(visits(0)).toBe('全程网办 · 零跑腿');
    expect(visits(1)).toBe('最多跑一次');
  });

  it("gives today's hours in order and whether the centre is open now", () => {
    const mondayMorning = new Date('2026-11-23T02:00:00Z'); // 10:00 in Shenzhen
    expect(todayHours(communityHours, mondayMorning)).toBe('09:00–18:00、19:00–21:00');
    expect(isOpen(communityHours, mondayMorning)).toBe(true);
    expect(isOpen(communityHours, new Date('2026-11-23T10:30:00Z'))).toBe(false); // 18:30, between sessions
    expect(isOpen(communityHours, new Date('2026-11-23T10:00:00Z'))).toBe(false); // 18:00, just closed
    expect(
      todayHours([{ weekdays: [1], open: '09:00', close: '12:00' }], new Date('2026-11-24T02:00:00Z')),
    ).toBe('休息');
  });

  it('sums the week up in runs of days with the same hours', () => {
    expect(weekHours(communityHours)).toEqual([
      { days: '周一至周五', hours: '09:00–18:00、19:00–21:00' },
      { days: '周六、周日', hours: '09:00–17:00' },
    ]);
    expect(weekHours([{ weekdays: [1, 2, 3, 4, 5, 6], open: '09:00', close: '18:00' }])).toEqual([
      { days: '周一至周六', hours: '09:00–18:00' },
      { days: '周日', hours: '休息' },
    ]);
    i18n.global.locale.value = 'en';
    expect(weekHours(communityHours)[0]).toEqual({ days: 'Mon–Fri', hours: '09:00–18:00, 19:00–21:00' });
  });
});
