import { describe, expect, it } from 'vitest';
import { candidatesFor, loadDictionary } from './usePinyinCandidates';

describe('pinyin candidates for typing a name', () => {
  it('offers the characters of a syllable, common ones first', async () => {
    const map = await loadDictionary();
    const zhang = candidatesFor(map, 'zhang');
    expect(zhang).toContain('张');
    expect(zhang).toContain('章');
    // GB2312 level 1 (common) before level 2: 张 comes before the rare 嫜
    expect(zhang.indexOf('张')).toBeLessThan(zhang.indexOf('嫜'));
  });

  it('knows polyphones by each of their readings, and ü typed as v', async () => {
    const map = await loadDictionary();
    expect(candidatesFor(map, 'shan')).toContain('单');
    expect(candidatesFor(map, 'dan')).toContain('单');
    expect(candidatesFor(map, 'lv')).toContain('吕');
  });

  it('extends a partial syllable and ignores what is not a letter', async () => {
    const map = await loadDictionary();
    const zh = candidatesFor(map, 'zh', 400);
    expect(zh).toEqual(expect.arrayContaining(['张', '赵', '周']));
    expect(
      zh.every((char) =>
        [...map].some(([reading, chars]) => reading.startsWith('zh') && chars.includes(char)),
      ),
    ).toBe(true);
    expect(candidatesFor(map, 'Wang1')).toContain('王');
    expect(candidatesFor(map, '')).toEqual([]);
    // taken in turns: the first five come from five different syllables
    expect(candidatesFor(map, 'zh', 5)).toEqual(['查', '侧', '颤', '长', '朝']);
  });
});
