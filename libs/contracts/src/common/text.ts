import { z } from 'zod';

/**
 * The pattern a raw string matches exactly when, trimmed, it is `min`–`max` characters long. Bounds on trimmed
 * text cannot be stated as minLength/maxLength (those count the raw string: "\nabc" has four characters, three
 * once trimmed), so the document states this pattern and a generated client refuses what the service refuses.
 */
export function trimmedLengthPattern(min: number, max: number): string {
  if (max < 1 || min > max) throw new RangeError(`no text is ${min}–${max} characters long`);
  if (min >= 2) return `^\\s*\\S[\\s\\S]{${min - 2},${max - 2}}\\S\\s*$`;
  const some = max === 1 ? '\\S' : `\\S(?:[\\s\\S]{0,${max - 2}}\\S)?`;
  return min === 1 ? `^\\s*${some}\\s*$` : `^\\s*(?:${some})?\\s*$`;
}

/** Text trimmed on the way in, its length bounds counted after trimming, with a message a person can act on. */
export function trimmedText(label: string, min: number, max: number) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .refine((v) => v.length >= min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`)
    .refine((v) => v.length <= max, `${label}最多 ${max} 个字`)
    .meta({ pattern: trimmedLengthPattern(min, max) });
}
