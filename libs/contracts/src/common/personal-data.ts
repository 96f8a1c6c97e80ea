// an 18-character 居民身份证 number, an 11-digit mobile number, or a landline with its area code
const ID_NUMBER = /[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]/;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const LANDLINE = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/;

/**
 * Why text that goes on a public board (a 微心愿, a need on the 需求清单) is refused for the personal data in it, in
 * Chinese, or null. Refused rather than masked: the centre contacts the resident through what they registered.
 */
export function personalDataProblem(text: string, label: string): string | null {
  const plain = text.replace(/\s+/g, '');
  if (ID_NUMBER.test(plain)) return `${label}中不能填写身份证号码，工作人员会通过登记的方式联系您`;
  if (MOBILE.test(plain) || LANDLINE.test(plain))
    return `${label}中不能填写电话号码，工作人员会通过登记的方式联系您`;
  return null;
}
