/** Why an ID number was refused; the UI shows `message`, code is for logic and metrics. */
export type IdNumberErrorCode = 'LENGTH' | 'FORMAT' | 'REGION' | 'BIRTH_DATE' | 'CHECK_DIGIT';

export type IdNumberResult =
  | { ok: true; value: string; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; code: IdNumberErrorCode; message: string };

export const ID_NUMBER_MESSAGES: Record<IdNumberErrorCode, string> = {
  LENGTH: '身份证号码应为18位',
  FORMAT: '身份证号码只能是数字，最后一位可以是X',
  REGION: '身份证号码前两位（省份代码）不正确，请核对',
  BIRTH_DATE: '身份证号码中的出生日期不正确，请核对第7至14位',
  CHECK_DIGIT: '身份证号码校验位不正确，请核对最后一位',
};

// GB/T 2260 province-level prefixes. A form check only: it does not prove the full 6-digit code names a real county.
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82,
]);

// ISO 7064 MOD 11-2 as tabulated in GB 11643-1999
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000; // no DST in China since 1991

const fail = (code: IdNumberErrorCode): IdNumberResult => ({
  ok: false,
  code,
  message: ID_NUMBER_MESSAGES[code],
});

/**
 * Validates an 18-digit resident ID number (GB 11643-1999). Input may carry surrounding spaces, a lower-case x or
 * full-width characters from a Chinese IME; `value` is the normalised form to store and compare.
 */
export function validateIdNumber(input: string, today: Date = new Date()): IdNumberResult {
  const value = input.normalize('NFKC').trim().toUpperCase();
  if (value.length !== 18) return fail('LENGTH');
  if (!/^\d{17}[\dX]$/.test(value)) return fail('FORMAT');
  if (!PROVINCES.has(Number(value.slice(0, 2)))) return fail('REGION');

  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isPlausibleBirthDate(birthDate, today)) return fail('BIRTH_DATE');

  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(value[i]), 0);
  if (CHECK_CHARS[sum % 11] !== value[17]) return fail('CHECK_DIGIT');

  return { ok: true, value, birthDate, sex: Number(value[16]) % 2 === 1 ? 'male' : 'female' };
}

function isPlausibleBirthDate(isoDate: string, today: Date): boolean {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  // day 0 of the next month is the last day of this one, which takes care of leap years
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  // "today" is the Beijing calendar day, whatever time zone the device or server runs in
  const todayInShanghai = new Date(today.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
  return isoDate <= todayInShanghai;
}
