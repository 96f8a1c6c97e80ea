import { describe, expect, it } from 'vitest';
import { formatFen, formatFenInWan } from './money';

describe('formatFen', () => {
  it('shows whole fen as yuan to the 分, grouped', () => {
    expect(formatFen(3000000)).toBe('¥30,000.00');
    expect(formatFen(2000)).toBe('¥20.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(-150)).toBe('-¥1.50');
  });

  it('keeps every digit of the largest amounts, where a float would round', () => {
    // 2^53 − 1 fen: as a float division by 100 its last digits would not survive
    expect(formatFen(Number.MAX_SAFE_INTEGER)).toBe('¥90,071,992,547,409.91');
  });

  it('follows the screen’s language', () => {
    expect(formatFen(3000000, 'en')).toBe('CN¥30,000.00');
  });

  it('refuses an amount that is not whole fen', () => {
    expect(() => formatFen(12.5)).toThrow(RangeError);
    expect(() => formatFen(Number.NaN)).toThrow('金额应为整数分');
  });
});

describe('formatFenInWan', () => {
  it('states amounts in 万元, exact and without trailing zeros', () => {
    expect(formatFenInWan(3000000)).toBe('3万元');
    expect(formatFenInWan(12345600)).toBe('12.3456万元');
    expect(formatFenInWan(1)).toBe('0.000001万元');
    expect(formatFenInWan(15000000000)).toBe('15,000万元');
  });
});
