/** Why a 统一社会信用代码 was refused; the UI shows `message`, code is for logic. */
export type CreditCodeErrorCode = 'LENGTH' | 'FORMAT' | 'CHECK_CHARACTER';

export type CreditCodeResult =
  | { ok: true; value: string; department: string; category: string; region: string }
  | { ok: false; code: CreditCodeErrorCode; message: string };

export const CREDIT_CODE_MESSAGES: Record<CreditCodeErrorCode, string> = {
  LENGTH: '统一社会信用代码应为18位',
  FORMAT: '统一社会信用代码只能由数字和大写字母组成（不使用 I、O、Z、S、V），第3至8位为行政区划代码',
  CHECK_CHARACTER: '统一社会信用代码校验位不正确，请核对最后一位',
};

// GB 32100-2015: 31 characters, each standing for its index; I, O, Z, S and V are left out as easily misread
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// the weight of position i is 3^i mod 31
const WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);
const SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;

const fail = (code: CreditCodeErrorCode): CreditCodeResult => ({
  ok: false,
  code,
  message: CREDIT_CODE_MESSAGES[code],
});

/** The check character (position 18) that GB 32100-2015 gives the first 17 characters. */
export function creditCodeCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * CHARSET.indexOf(first17[i]), 0);
  return CHARSET[(31 - (sum % 31)) % 31];
}

/**
 * Validates an 18-character 统一社会信用代码 (GB 32100-2015): 登记管理部门 (1), 机构类别 (2), 行政区划 (3–8),
 * 主体标识码 (9–17) and the check character. Input may carry spaces, lower case or full-width characters from a
 * Chinese IME; `value` is the normalised form to store and compare.
 */
export function validateCreditCode(input: string): CreditCodeResult {
  const value = input.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  if (value.length !== 18) return fail('LENGTH');
  if (!SHAPE.test(value)) return fail('FORMAT');
  if (creditCodeCheckCharacter(value) !== value[17]) return fail('CHECK_CHARACTER');
  return { ok: true, value, department: value[0], category: value.slice(0, 2), region: value.slice(2, 8) };
}
