import { z } from 'zod';

/**
 * The pattern a raw string matches exactly when, trimmed, it is `min`–`max` characters long. Bounds on trimmed
 * text cannot be stated as minLength/maxLength (those count the raw string: "\nabc" has four characters, three
 * once trimmed), so the document states this pattern and a generated client refuses what the service refuses.
 */
export function trimmedLengthPattern(min: number, max: number): string {
  if (max < 1 || min > max) throw new RangeError(`no text is ${min}–${max} characters long`);
  // a NUL is refused at every edge (the store cannot hold one), so the pattern leaves it out as well
  const visible = '[^\\s\\u0000]';
  const any = '[^\\u0000]';
  if (min >= 2) return `^\\s*${visible}${any}{${min - 2},${max - 2}}${visible}\\s*$`;
  const some = max === 1 ? visible : `${visible}(?:${any}{0,${max - 2}}${visible})?`;
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
