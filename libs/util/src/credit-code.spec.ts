import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_MESSAGES, creditCodeCheckCharacter, validateCreditCode } from './credit-code';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// Independent of the implementation's weight table: the weights computed as 3^(i-1) mod 31 by repeated products.
function withCheck(first17: string): string {
  let weight = 1;
  let sum = 0;
  for (const char of first17) {
    sum += CHARSET.indexOf(char) * weight;
    weight = (weight * 3) % 31;
  }
  return first17 + CHARSET[(31 - (sum % 31)) % 31];
}

// Codes as published on the 国家企业信用信息公示系统 and on the companies' own sites.
const PUBLISHED = [
  ['深圳市腾讯计算机系统有限公司', '91440300708461136T'],
  ['华为技术有限公司', '914403001922038216'],
  ['阿里巴巴（中国）有限公司', '91330100799655058B'],
  ['小米科技有限责任公司', '91110108551385082Q'],
];

const arbitraryCode = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(...CHARSET), minLength: 2, maxLength: 2 }),
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 }),
    fc.string({ unit: fc.constantFrom(...CHARSET), minLength: 9, maxLength: 9 }),
  )
  .map(([head, region, body]) => withCheck(head + region + body));

describe('validateCreditCode', () => {
  it.each(PUBLISHED)('accepts the published code of %s', (_name, code) => {
    expect(validateCreditCode(code)).toEqual({
      ok: true,
      value: code,
      department: code[0],
      category: code.slice(0, 2),
      region: code.slice(2, 8),
    });
  });

  it('the test helper agrees with the published codes', () => {
    for (const [, code] of PUBLISHED) expect(withCheck(code.slice(0, 17))).toBe(code);
  });

  it('normalises spaces, lower case and full-width IME input', () => {
    expect(validateCreditCode(' 9144 0300 7084 6113 6t ')).toMatchObject({
      ok: true,
      value: '91440300708461136T',
    });
    expect(validateCreditCode('９１４４０３００７０８４６１１３６Ｔ')).toMatchObject({
      ok: true,
      value: '91440300708461136T',
    });
  });

  it.each([
    ['too short', '9144030070846113', 'LENGTH'],
    ['too long', '91440300708461136TX', 'LENGTH'],
    ['a letter GB 32100 leaves out (O)', '91440300708461136O', 'FORMAT'],
    ['a letter in the region code', '9144A300708461136T', 'FORMAT'],
    ['punctuation', '91440300-08461136T', 'FORMAT'],
    ['the wrong check character', '91440300708461136U', 'CHECK_CHARACTER'],
  ] as const)('refuses %s', (_case, input, code) => {
    expect(validateCreditCode(input)).toEqual({ ok: false, code, message: CREDIT_CODE_MESSAGES[code] });
  });

  it('accepts every code whose check character is the one GB 32100 gives', () => {
    fc.assert(fc.property(arbitraryCode, (code) => validateCreditCode(code).ok));
  });

  it('refuses a code with any one character changed (the check catches every single substitution)', () => {
    fc.assert(
      fc.property(
        arbitraryCode,
        fc.nat({ max: 17 }),
        fc.constantFrom(...CHARSET),
        (code, position, replacement) => {
          fc.pre(code[position] !== replacement);
          // keep the shape valid so only the check character can catch it
          fc.pre(position < 2 || position > 7 || /\d/.test(replacement));
          const changed = code.slice(0, position) + replacement + code.slice(position + 1);
          expect(validateCreditCode(changed)).toMatchObject({ ok: false, code: 'CHECK_CHARACTER' });
        },
      ),
    );
  });

  it('gives the check character of the first 17 characters', () => {
    expect(creditCodeCheckCharacter('91440300708461136')).toBe('T');
  });
});
