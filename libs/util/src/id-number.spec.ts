import { describe, expect, it } from 'vitest';
import { ID_NUMBER_MESSAGES, type IdNumberErrorCode, validateIdNumber } from './id-number';

// Independent of the implementation's weight table: the recursive form of ISO 7064 MOD 11-2.
function withCheck(first17: string): string {
  const p = [...first17].reduce((acc, digit) => ((acc + Number(digit)) * 2) % 11, 0);
  const check = (12 - p) % 11;
  return first17 + (check === 10 ? 'X' : String(check));
}

// 00:00 on 15 June 2024 in Beijing
const today = new Date('2024-06-15T00:00:00+08:00');

describe('validateIdNumber: accepted', () => {
  it.each([
    ['the GB 11643 sample', '11010519491231002X', '11010519491231002X', '1949-12-31', 'female'],
    ['29 February of a leap year', '440304200002291236', '440304200002291236', '2000-02-29', 'male'],
    ['a male number', '310115199912310014', '310115199912310014', '1999-12-31', 'male'],
    ['1 January 1900, the earliest date', '710000190001010014', '710000190001010014', '1900-01-01', 'male'],
    ['born today', withCheck('65010220240615001'), withCheck('65010220240615001'), '2024-06-15', 'male'],
    ['lower-case x, normalised', '11010519491231002x', '11010519491231002X', '1949-12-31', 'female'],
    ['surrounding whitespace', ' \t440304200002291236\n', '440304200002291236', '2000-02-29', 'male'],
    [
      'full-width IME input',
      '１１０１０５１９４９１２３１００２Ｘ',
      '11010519491231002X',
      '1949-12-31',
      'female',
    ],
  ])('%s', (_case, input, value, birthDate, sex) => {
    expect(validateIdNumber(input, today)).toEqual({ ok: true, value, birthDate, sex });
  });

  it('the test helper agrees with the published sample', () => {
    expect(withCheck('11010519491231002')).toBe('11010519491231002X');
  });

  it('takes "today" as the Beijing calendar day, not UTC', () => {
    const lateEveningUtc = new Date('2024-06-14T16:30:00Z'); // 00:30 on 15 June in Beijing
    expect(validateIdNumber(withCheck('65010220240615001'), lateEveningUtc).ok).toBe(true);
  });
});

describe('validateIdNumber: refused', () => {
  it.each<[string, string, IdNumberErrorCode]>([
    ['17 characters', '11010519491231002', 'LENGTH'],
    ['19 characters', '11010519491231002X0', 'LENGTH'],
    ['an old 15-digit number', '110105491231002', 'LENGTH'],
    ['empty', '   ', 'LENGTH'],
    ['a letter in the middle', '1101051949A231002X', 'FORMAT'],
    ['X anywhere but last', '110105X94912310021', 'FORMAT'],
    ['an inner space', '110105 9491231002X', 'FORMAT'],
    ['province 00', withCheck('00010519491231002'), 'REGION'],
    ['province 10', withCheck('10010519491231002'), 'REGION'],
    ['province 72', withCheck('72010519491231002'), 'REGION'],
    ['province 99', withCheck('99010519491231002'), 'REGION'],
    ['30 February', withCheck('11010519990230002'), 'BIRTH_DATE'],
    ['29 February of a common year', withCheck('11010520230229002'), 'BIRTH_DATE'],
    ['29 February 1900 (not a leap year)', withCheck('11010519000229002'), 'BIRTH_DATE'],
    ['month 13', withCheck('11010519991301002'), 'BIRTH_DATE'],
    ['day 0', withCheck('11010519990100002'), 'BIRTH_DATE'],
    ['before 1900', withCheck('11010518991231002'), 'BIRTH_DATE'],
    ['tomorrow', withCheck('11010520240616002'), 'BIRTH_DATE'],
    ['far future', withCheck('11010530000101002'), 'BIRTH_DATE'],
    ['wrong check digit', '110105194912310021', 'CHECK_DIGIT'],
    ['check digit off by one', '440304200002291237', 'CHECK_DIGIT'],
    ['X where a digit belongs', '44030420000229123X', 'CHECK_DIGIT'],
    ['two digits swapped', '11010519491231020X', 'CHECK_DIGIT'],
  ])('%s', (_case, input, code) => {
    expect(validateIdNumber(input, today)).toEqual({ ok: false, code, message: ID_NUMBER_MESSAGES[code] });
  });

  it('tells the person what to fix, in Chinese', () => {
    expect(validateIdNumber('11010519491231002', today)).toMatchObject({ message: '身份证号码应为18位' });
    expect(validateIdNumber('110105194912310021', today)).toMatchObject({
      message: '身份证号码校验位不正确，请核对最后一位',
    });
  });
});
