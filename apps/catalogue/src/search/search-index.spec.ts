import { describe, expect, it } from 'vitest';
import { CatalogueSearchIndex, type SearchDoc } from './search-index';

const doc = (
  code: string,
  name: string,
  keywords: string[] = [],
  popularity = 0,
  theme: SearchDoc['theme'] = 'civil-assistance',
): SearchDoc => ({
  code,
  name,
  theme,
  keywords,
  popularity,
});

const DOCS = [
  doc('MZ-001', '最低生活保障申请', ['低保申请']),
  doc('MZ-002', '临时救助申请'),
  doc('CJ-001', '残疾人证办理', [], 0, 'disability'),
  doc('CJ-002', '重度残疾人护理补贴申请', [], 0, 'disability'),
  doc('YL-001', '长者饭堂助餐登记', [], 0, 'elderly-care'),
  doc('SB-001', '城乡居民基本医疗保险参保登记', [], 0, 'social-security'),
  doc('SB-002', '城乡居民基本养老保险参保登记', [], 5, 'social-security'),
];

const index = () => {
  const sut = new CatalogueSearchIndex();
  sut.replace(DOCS);
  return sut;
};
const top = (sut: CatalogueSearchIndex, q: string) => sut.search(q)[0]?.code;

describe('CatalogueSearchIndex', () => {
  it.each([
    ['characters', '低保', 'MZ-001'],
    ['a word inside the name', '救助', 'MZ-002'],
    ['full pinyin', 'dibao', 'MZ-001'],
    ['full pinyin with spaces and capitals', 'Di Bao Shen Qing', 'MZ-001'],
    ['pinyin initials of an alias', 'dbsq', 'MZ-001'],
    ['pinyin initials of the name', 'zdshbz', 'MZ-001'],
    ['mixed characters and initials', '低保sq', 'MZ-001'],
    ['mixed full pinyin and initials', 'dibaosq', 'MZ-001'],
    ['a syllable still being typed', 'linshij', 'MZ-002'],
    ['a synonym not in the item', '残疾证', 'CJ-001'],
    ['full-width letters', 'ｄｂｓｑ', 'MZ-001'],
    ['a polyphone read in context: 重度 is zhong', 'zhongdu', 'CJ-002'],
    ['a polyphone read in context: 长者 is zhang', 'zhangzhe', 'YL-001'],
    ['a synonym of a word in the name', '医保', 'SB-001'],
  ])('finds by %s (%s)', (_, query, code) => {
    expect(top(index(), query)).toBe(code);
  });

  it('ranks an exact name above a partial one', () => {
    const sut = new CatalogueSearchIndex();
    sut.replace([doc('A', '临时救助申请'), doc('B', '临时救助')]);
    expect(sut.search('临时救助').map((h) => h.code)).toEqual(['B', 'A']);
  });

  it('puts the popular item first when scores tie, then keeps code order', () => {
    const sut = index();
    expect(sut.search('参保登记').map((h) => h.code)).toEqual(['SB-002', 'SB-001']);
    sut.setPopularity('SB-001', 9);
    expect(sut.search('参保登记').map((h) => h.code)).toEqual(['SB-001', 'SB-002']);
  });

  it('searches only the items a centre offers, and honours the limit', () => {
    const sut = index();
    expect(sut.search('申请', { codes: new Set(['MZ-002']) }).map((h) => h.code)).toEqual(['MZ-002']);
    expect(sut.search('申请', { limit: 1 })).toHaveLength(1);
  });

  it('follows changes: an upserted item is found by its new name, a removed one no more', () => {
    const sut = index();
    sut.upsert(doc('MZ-002', '临时救助金申领'));
    expect(top(sut, 'jiuzhujin')).toBe('MZ-002');
    sut.remove('MZ-002');
    expect(sut.search('临时救助')).toEqual([]);
  });

  it('answers nothing for a blank query or one that matches nothing', () => {
    expect(index().search('   ')).toEqual([]);
    expect(index().search('xyzxyz')).toEqual([]);
  });
});
