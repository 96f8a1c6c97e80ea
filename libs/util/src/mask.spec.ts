import { describe, expect, it } from 'vitest';
import { isMobilePhone, maskIdNumber, maskMiddle, maskName, maskPhone } from './mask';

describe('masking', () => {
  it.each([
    ['110105194912310021', '110***********0021'],
    ['11010519491231002x', '110***********002X'],
    [' 440304200002291236 ', '440***********1236'],
    ['1234567', '*******'],
  ])('maskIdNumber(%j) → %j', (input, masked) => {
    expect(maskIdNumber(input)).toBe(masked);
  });

  it.each([
    ['13812345678', '138****5678'],
    [' 19912345678', '199****5678'],
    ['1381234', '*******'],
  ])('maskPhone(%j) → %j', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  it.each([
    ['张三', '张*'],
    ['李小龙', '李**'],
    ['欧阳娜娜', '欧***'],
    ['买买提·艾力', '买*****'],
    ['𠮷祥', '𠮷*'],
    ['王', '*'],
    ['', ''],
  ])('maskName(%j) → %j', (input, masked) => {
    expect(maskName(input)).toBe(masked);
  });

  it('never reveals a value too short to mask', () => {
    expect(maskMiddle('abcd', 2, 2)).toBe('****');
    expect(maskMiddle('abcde', 2, 2)).toBe('ab*de');
  });
});

describe('isMobilePhone', () => {
  it.each([
    ['13812345678', true],
    ['19912345678', true],
    [' 15012345678 ', true],
    ['１３８１２３４５６７８', true],
    ['12812345678', false],
    ['1381234567', false],
    ['138123456789', false],
    ['138-1234-5678', false],
    ['+8613812345678', false],
    ['03812345678', false],
  ])('%j → %s', (input, expected) => {
    expect(isMobilePhone(input)).toBe(expected);
  });
});
