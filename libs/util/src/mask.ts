const MOBILE_PHONE = /^1[3-9]\d{9}$/;

/** Mainland China mobile number, 11 digits, surrounding spaces allowed. */
export const isMobilePhone = (input: string): boolean => MOBILE_PHONE.test(input.normalize('NFKC').trim());

/**
 * Keeps `head` and `tail` characters and stars the rest, one star per character. Fails closed: a value too short
 * to hide anything between the kept ends is starred entirely.
 */
export function maskMiddle(input: string, head: number, tail: number): string {
  // Array.from counts code points, so a rare character outside the BMP (common in names) stays one character
  const chars = Array.from(input.trim());
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(-tail).join('');
}

/**
 * `110105194912310021` → `110***********0021`. Keeps only the first 3 and last 4: the province and one more digit
 * (not the city and county, positions 3–6) and never the birth date (positions 7–14), yet enough for a person or a
 * clerk to recognise "their" number. Showing the first 6 as many sites do would reveal the county of registration.
 */
export const maskIdNumber = (input: string): string =>
  maskMiddle(input.normalize('NFKC').toUpperCase(), 3, 4);

/** `13812345678` → `138****5678`, the form carriers and banks print. */
export const maskPhone = (input: string): string => maskMiddle(input.normalize('NFKC'), 3, 4);

/** `张三` → `张*`, `欧阳娜娜` → `欧***`: the first character only, even when the surname has two. */
export function maskName(input: string): string {
  const chars = Array.from(input.trim());
  if (chars.length <= 1) return '*'.repeat(chars.length);
  return chars[0] + '*'.repeat(chars.length - 1);
}
