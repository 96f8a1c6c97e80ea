import type { CaseProgress } from '@psc/contracts/affairs';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { ahead, chinaDay, chinaTime, owedDeferred, stateLabel, timeline, waitEstimate } from './format';

const progress: Pick<CaseProgress, 'steps' | 'deferred'> = {
  steps: [
    { action: 'open', to: 'correcting', at: '2026-05-06T01:30:00Z', reason: null },
    { action: 'supplement', to: 'accepted', at: '2026-05-07T08:05:00Z', reason: null },
    // 23:10 UTC is already the next morning in Shenzhen
    { action: 'refuse', to: 'refused', at: '2026-05-07T23:10:00Z', reason: '不符合申请条件' },
  ],
  deferred: { names: ['收入证明'], due: '2026-05-20', supplied: false, overdue: false },
};

describe('case progress as the resident reads it', () => {
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN';
  });

  it('labels every step with what happened and where it left the case, on Beijing time', () => {
    expect(timeline(progress)).toEqual([
      { label: '窗口收件', state: '待补正', at: '2026年5月6日 09:30', reason: null, latest: false },
      { label: '补齐材料', state: '已受理', at: '2026年5月7日 16:05', reason: null, latest: false },
      {
        label: '不予受理',
        state: '不予受理',
        at: '2026年5月8日 07:10',
        reason: '不符合申请条件',
        latest: true,
      },
    ]);
  });

  it('has English labels for the same steps and states', () => {
    i18n.global.locale.value = 'en';
    expect(timeline(progress).map((s) => `${s.label} → ${s.state}`)).toEqual([
      'Received at the counter → Materials missing',
      'Missing materials brought → Accepted',
      'Not accepted → Not accepted',
    ]);
    expect(stateLabel('assigned')).toBe('Under review');
    expect(chinaTime('2026-05-06T01:30:00Z')).toBe('May 6, 2026 at 09:30');
  });

  it('states due days as calendar days in China', () => {
    expect(chinaDay('2026-05-20')).toBe('2026年5月20日');
    expect(chinaDay('2026-01-01')).toBe('2026年1月1日');
  });

  it('reminds of 容缺 materials only until they were brought', () => {
    expect(owedDeferred(progress)).toEqual(['收入证明']);
    expect(owedDeferred({ deferred: { ...progress.deferred, supplied: true, overdue: false } })).toEqual([]);
  });

  it('tells a person in the queue how many are ahead and how long it may take', () => {
    expect(ahead(0)).toBe('下一位就是您');
    expect(ahead(3)).toBe('3 人');
    expect(waitEstimate(0)).toBe('马上轮到您');
    expect(waitEstimate(12)).toBe('约 12 分钟');
    i18n.global.locale.value = 'en';
    expect(ahead(1)).toBe('1 person');
    expect(ahead(4)).toBe('4 people');
    expect(waitEstimate(1)).toBe('About 1 minute');
  });
});
