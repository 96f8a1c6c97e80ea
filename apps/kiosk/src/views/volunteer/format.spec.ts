import { describe, expect, it } from 'vitest';
import { onDay } from './format';
import { volunteerMessages } from './messages';

type Messages = { [key: string]: string | Messages };
const keys = (messages: Messages, prefix = ''): string[] =>
  Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : keys(value, `${prefix}${key}.`),
  );

describe('volunteer kiosk format', () => {
  it('lists the activities running on this Shanghai day, soonest first, including one that started yesterday', () => {
    const now = new Date('2026-03-15T01:00:00Z'); // 09:00 in Shanghai
    const list = [
      { id: 'late', startsAt: '2026-03-15T10:00:00Z', endsAt: '2026-03-15T12:00:00Z' },
      { id: 'overnight', startsAt: '2026-03-14T12:00:00Z', endsAt: '2026-03-15T02:00:00Z' },
      { id: 'tomorrow', startsAt: '2026-03-15T16:30:00Z', endsAt: '2026-03-15T18:00:00Z' },
      { id: 'yesterday', startsAt: '2026-03-14T01:00:00Z', endsAt: '2026-03-14T03:00:00Z' },
    ];
    expect(onDay(list, now).map((a) => a.id)).toEqual(['overnight', 'late']);
  });

  it('has every text in Chinese and English', () => {
    expect(keys(volunteerMessages.en)).toEqual(keys(volunteerMessages['zh-CN']));
  });
});
