import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trimmedLengthPattern, trimmedText } from './text';

const bounds = fc
  .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 8 }))
  .filter(([min, max]) => min <= max);
const raw = fc.string({ unit: fc.constantFrom('a', '字', ' ', '\n', '\t', 'b', '\u0000'), maxLength: 14 });

describe('trimmed text', () => {
  it('the documented pattern accepts exactly what the schema accepts', () => {
    fc.assert(
      fc.property(bounds, raw, ([min, max], value) => {
        const documented = new RegExp(trimmedLengthPattern(min, max)).test(value);
        // the edge refuses a NUL anywhere (@psc/server-kit), the schema the rest
        const accepted = !value.includes('\u0000') && trimmedText('说明', min, max).safeParse(value).success;
        expect(documented).toBe(accepted);
      }),
    );
  });

  it('counts what is left after trimming and says so in Chinese', () => {
    const schema = trimmedText('设定依据', 4, 10);
    expect(schema.parse('  依据条款  ')).toBe('依据条款');
    expect(schema.safeParse('\n依据条').error?.issues[0].message).toBe('设定依据至少 4 个字');
    expect(schema.safeParse('一二三四五六七八九十一').error?.issues[0].message).toBe('设定依据最多 10 个字');
  });
});
