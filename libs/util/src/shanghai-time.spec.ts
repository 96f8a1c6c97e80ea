import { describe, expect, it } from 'vitest';
import {
  formatDay,
  formatShanghai,
  formatShanghaiDateTime,
  formatShanghaiTime,
  shanghaiClock,
  shanghaiDay,
} from './shanghai-time';

// 01:30 UTC on 6 May is 09:30 in Shanghai; 16:30 UTC on 5 May is already 00:30 on the 6th there
const MORNING = '2026-05-06T01:30:00.000Z';
const JUST_AFTER_MIDNIGHT = '2026-05-05T16:30:00.000Z';

describe('Shanghai time', () => {
  it('reads instants on Shanghai’s clock, whatever the process’s zone', () => {
    expect(formatShanghaiDateTime(MORNING)).toBe('2026-05-06 09:30');
    expect(formatShanghaiTime(MORNING)).toBe('09:30');
    expect(formatShanghaiDateTime(new Date(JUST_AFTER_MIDNIGHT))).toBe('2026-05-06 00:30');
  });

  it('gives the Shanghai calendar day and weekday, which may not be UTC’s', () => {
    expect(shanghaiDay(JUST_AFTER_MIDNIGHT)).toBe('2026-05-06');
    expect(shanghaiClock(JUST_AFTER_MIDNIGHT)).toEqual({ weekday: 3, time: '00:30' });
    expect(shanghaiClock('2026-05-10T04:00:00Z')).toEqual({ weekday: 7, time: '12:00' });
  });

  it('writes instants and days in words of the screen’s language', () => {
    expect(formatShanghai(MORNING, 'zh-CN')).toBe('2026年5月6日 09:30');
    expect(formatShanghai(MORNING, 'en')).toBe('May 6, 2026 at 09:30');
    expect(formatShanghai(MORNING, 'zh-CN', { dateStyle: 'medium' })).toBe('2026年5月6日');
    expect(formatDay('2026-05-06', 'zh-CN')).toBe('2026年5月6日');
    expect(formatDay('2026-05-06', 'en')).toBe('May 6, 2026');
  });

  it('refuses what is not a time or a day', () => {
    expect(() => formatShanghaiDateTime('yesterday')).toThrow(RangeError);
    expect(() => formatDay('2026-5-6', 'zh-CN')).toThrow('日期无效');
  });
});
