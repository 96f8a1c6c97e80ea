import { describe, expect, it } from 'vitest';
import { ratingText } from './rating-text';

describe('rating text', () => {
  const data = {
    caseNo: '20261123-0042',
    centreId: 'sz/futian/xiangmihu/c-001',
    itemName: '最低生活保障申请',
    residentId: 'r-1',
    token: 'AbC-_0123456789abcdefg',
  };

  it('names the item and case and links to the rating page on the public origin with the token', () => {
    const text = ratingText('https://psc.example.cn', data);
    expect(text).toContain('“最低生活保障申请”已办结（办件号 20261123-0042）');
    const link = /https?:\/\/\S+$/.exec(text)?.[0] ?? '';
    const url = new URL(link);
    expect(url.origin).toBe('https://psc.example.cn');
    expect(url.pathname).toBe('/kiosk/rate/20261123-0042');
    expect(url.searchParams.get('t')).toBe(data.token);
  });

  it('keeps a case number with unusual characters inside the path', () => {
    const link = /https?:\/\/\S+$/.exec(
      ratingText('http://127.0.0.1:3000', { ...data, caseNo: 'A/B?1' }),
    )?.[0];
    expect(new URL(link ?? '').pathname).toBe('/kiosk/rate/A%2FB%3F1');
  });
});
