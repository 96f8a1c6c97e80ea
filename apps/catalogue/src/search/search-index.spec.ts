import { describe, expect, it } from 'vitest';
import { CatalogueSearchIndex, normalise, type SearchDoc } from './search-index';

const doc = (
  code: string,
  name: string,
  keywords: string[] = [],
  theme: SearchDoc['theme'] = 'civil-assistance',
  popularity = 0,
): SearchDoc => ({ code, name, theme, keywords, popularity });

const DOCS = [
  doc('MZ-001', '最低生活保障申请', ['低保申请']),
  doc('MZ-002', '临时救助申请'),
  doc('MZ-003', '特困人员救助供养申请'),
  doc('CJ-001', '残疾人证办理', [], 'disability'),
  doc('CJ-002', '重度残疾人护理补贴申请', [], 'disability'),
  doc('YL-001', '长者饭堂助餐登记', [], 'elderly-care'),
  doc('YL-002', '老年人优待证办理', [], 'elderly-care'),
  doc('SB-001', '城乡居民基本医疗保险参保登记', [], 'social-security'),
  doc('SB-002', '城乡居民基本养老保险参保登记', [], 'social-security'),
  doc('SB-003', '社会保障卡申领', [], 'social-security'),
  doc('JY-001', '失业登记', [], 'employment'),
  doc('JY-002', '失业保险金申领', [], 'employment'),
  doc('JY-003', '创业担保贷款申请（银行放款）', [], 'employment'),
  doc('HJ-001', '居住证办理', [], 'household'),
  doc('FL-001', '社区法律顾问咨询', [], 'legal'),
  doc('CD-001', '健身室预约', [], 'venue'),
  doc('WJ-001', '计划生育特别扶助金申请', [], 'health-family'),
  doc('TY-001', '退役军人优待证申领', [], 'veterans'),
];

const index = (docs = DOCS) => {
  const sut = new CatalogueSearchIndex();
  sut.replace(docs);
  return sut;
};
const codes = (sut: CatalogueSearchIndex, q: string) => sut.search(q).map((h) => h.code);
const top = (sut: CatalogueSearchIndex, q: string) => sut.search(q)[0]?.code;
/** What the query finds as typed, before it is read as a sentence or a slip */
const direct = (sut: CatalogueSearchIndex, q: string) => {
  const answer = sut.find(q);
  return answer.match === 'direct' ? answer.hits.map((h) => h.code) : [];
};

describe('normalise', () => {
  it('folds full-width letters, case, tone marks, ü, spaces and punctuation', () => {
    expect(normalise(' Ｄｉ　Bǎo，申请 ')).toBe('dibao申请');
    expect(normalise('lǜ shī')).toBe('lvshi');
  });
});

describe('CatalogueSearchIndex', () => {
  describe('finds an item by', () => {
    it.each([
      ['its name', '临时救助申请', 'MZ-002'],
      ['a word inside the name', '救助供养', 'MZ-003'],
      ['a keyword', '低保', 'MZ-001'],
      ['full pinyin', 'dibao', 'MZ-001'],
      ['full pinyin with spaces and capitals', 'Di Bao', 'MZ-001'],
      ['full pinyin of a whole keyword', 'dibaoshenqing', 'MZ-001'],
      ['pinyin initials of a keyword', 'dbsq', 'MZ-001'],
      ['pinyin initials of the name', 'zdshbz', 'MZ-001'],
      ['zh/ch/sh typed as initials', 'shybxj', 'JY-002'],
      ['characters then initials', '低保sq', 'MZ-001'],
      ['initials then full pinyin', 'dbshenqing', 'MZ-001'],
      ['a last syllable still being typed', 'linshijiuzh', 'MZ-002'],
      ['full-width letters (NFKC)', 'ｄｂｓｑ', 'MZ-001'],
      ['full-width capitals', 'ＤＩＢＡＯ', 'MZ-001'],
      ['tone marks', 'dī bǎo', 'MZ-001'],
      ['a name with its note in brackets left off', '创业担保贷款申请', 'JY-003'],
    ])('%s (%s)', (_, query, code) => {
      expect(top(index(), query)).toBe(code);
    });
  });

  describe('reads polyphones in context and indexes their other readings too', () => {
    it.each([
      ['重度 is zhong', 'zhongdu', 'CJ-002'],
      ['重度 initials', 'zdcjr', 'CJ-002'],
      ['长者 is zhang', 'zhangzhe', 'YL-001'],
      ['长者 initials', 'zzft', 'YL-001'],
      ['银行 is hang', 'yinhang', 'JY-003'],
      ['the other reading still finds it: chang', 'changzhe', 'YL-001'],
      ['the other reading still finds it: chongdu', 'chongdu', 'CJ-002'],
    ])('%s (%s)', (_, query, code) => {
      expect(top(index(), query)).toBe(code);
    });

    it('ranks the reading in context above another reading', () => {
      const sut = index([doc('A', '行走'), doc('B', '行业')]);
      // 行 is xing in 行走 and hang in 行业; either reading finds both, the one in context first
      expect(codes(sut, 'hang')).toEqual(['B', 'A']);
      expect(codes(sut, 'xing')).toEqual(['A', 'B']);
    });
  });

  describe('synonyms', () => {
    it.each([
      ['残疾证 → 残疾人证', '残疾证', 'CJ-001'],
      ['老年证 → 老年人优待证', '老年证', 'YL-002'],
      ['敬老卡 → 老年人优待证', '敬老卡', 'YL-002'],
      ['医保 → 医疗保险', '医保', 'SB-001'],
      ['养老金 → 养老保险', '养老金', 'SB-002'],
      ['社保卡 → 社会保障卡', '社保卡', 'SB-003'],
      ['暂住证 → 居住证', '暂住证', 'HJ-001'],
      ['失业金 → 失业保险金', '失业金', 'JY-002'],
      ['律师 → 法律顾问', '律师', 'FL-001'],
      ['健身房 → 健身室', '健身房', 'CD-001'],
      ['计生 → 计划生育', '计生', 'WJ-001'],
      ['老兵 → 退役军人', '老兵', 'TY-001'],
      ['by the synonym’s full pinyin', 'yibao', 'SB-001'],
      ['by the synonym’s initials', 'cjz', 'CJ-001'],
      ['by the synonym’s pinyin, ü typed as u', 'lushi', 'FL-001'],
    ])('%s (%s)', (_, query, code) => {
      expect(top(index(), query)).toBe(code);
    });

    it('uses the synonyms it is given', () => {
      const sut = new CatalogueSearchIndex([['开证明', '证明开具']]);
      sut.replace([doc('A', '居住证明开具')]);
      expect(codes(sut, '开证明')).toEqual(['A']);
      const none = new CatalogueSearchIndex([]);
      none.replace([doc('A', '残疾人证办理', [], 'disability')]);
      expect(direct(none, '残疾证')).toEqual([]);
    });
  });

  describe('ranks', () => {
    it('exact name > another name (keyword) in full > name prefix > name substring > keyword/synonym > theme', () => {
      const sut = index([
        doc('E', '低保'),
        doc('K', '城市困难家庭认定', ['低保']),
        doc('P', '低保边缘家庭认定'),
        doc('S', '城市低保复核'),
        doc('W', '困难群众救助金发放', ['低保金']),
        doc('Y', '最低生活保障待遇发放'), // 低保待遇发放 by synonym
      ]);
      const hits = sut.search('低保');
      expect(hits.map((h) => h.code)).toEqual(['E', 'K', 'P', 'S', 'W', 'Y']);
      expect(new Set(hits.map((h) => h.score)).size).toBe(hits.length);

      const themed = index([
        doc('O', '入户走访', [], 'civil-assistance'), // theme 民政救助
        doc('Q', '困难群众走访', ['民政走访'], 'elderly-care'),
        doc('M', '民政救助资金发放', [], 'elderly-care'),
      ]);
      expect(codes(themed, '民政')).toEqual(['M', 'Q', 'O']);
      expect(codes(themed, 'minzheng')).toEqual(['M', 'Q', 'O']);
    });

    it('characters > full pinyin > initials, and prefix > infix', () => {
      const pinyin = index([
        doc('A', '城市低保复核'),
        doc('B', '低保边缘家庭认定'),
        doc('F', '晚霞合唱团'),
        doc('I', '王爱农'), // w-a-n only as initials
      ]);
      expect(codes(pinyin, 'dibao')).toEqual(['B', 'A']);
      expect(codes(pinyin, 'db')).toEqual(['B', 'A']);
      expect(codes(pinyin, 'wan')).toEqual(['F', 'I']);
      const scores = pinyin.search('dibao').map((h) => h.score);
      expect(scores[0]).toBeGreaterThan(scores[1]);
      expect(index().search('低保')[0].score).toBeGreaterThan(index().search('dibao')[0].score);
      expect(index().search('dibaoshenqing')[0].score).toBeGreaterThan(index().search('dbsq')[0].score);
    });

    it('puts the popular item first when scores tie, then keeps code order', () => {
      const tied = index();
      expect(codes(tied, '参保登记')).toEqual(['SB-001', 'SB-002']);
      tied.setPopularity('SB-002', 9);
      expect(codes(tied, '参保登记')).toEqual(['SB-002', 'SB-001']);
      expect(codes(tied, 'cbdj')).toEqual(['SB-002', 'SB-001']);
      // popularity never lifts a weaker match over a stronger one
      const weaker = index([doc('A', '社区食堂就餐', [], 'elderly-care', 1000), doc('B', '食堂就餐登记')]);
      expect(codes(weaker, '食堂')).toEqual(['B', 'A']);
    });
  });

  it('searches only the items a centre offers, and honours the limit', () => {
    const sut = index();
    expect(codes(sut, '申请').length).toBeGreaterThan(2);
    expect(sut.search('申请', { codes: new Set(['MZ-002', 'HJ-001']) }).map((h) => h.code)).toEqual([
      'MZ-002',
    ]);
    expect(sut.search('dbsq', { codes: new Set(['MZ-002']) })).toEqual([]);
    expect(sut.search('申请', { limit: 1 })).toHaveLength(1);
  });

  it('follows changes: an upserted item is found by its new name only, a removed one no more', () => {
    const sut = index();
    sut.upsert(doc('MZ-002', '急难救助金申领'));
    expect(top(sut, 'jiuzhujin')).toBe('MZ-002');
    expect(direct(sut, '临时救助')).toEqual([]);
    sut.upsert(doc('XX-001', '新增事项试点'));
    expect(top(sut, 'xzsx')).toBe('XX-001');
    sut.remove('MZ-002');
    expect(direct(sut, '急难救助')).toEqual([]);
    sut.replace([doc('A', '健身室预约', [], 'venue')]);
    expect(codes(sut, 'dbsq')).toEqual([]);
    expect(codes(sut, 'jianshen')).toEqual(['A']);
  });

  it('drops filler words when the query finds nothing as typed', () => {
    expect(top(index(), '申请低保')).toBe('MZ-001');
    expect(top(index(), '老年证怎么办理')).toBe('YL-002');
    expect(top(index(), '我要 失业金')).toBe('JY-002');
  });

  describe('reads what finds nothing as typed again', () => {
    it('as a sentence: the words that matter, the rarer the weightier, everyday words standing in', () => {
      const sut = index([
        doc('A', '高龄津贴申领', ['80岁补贴'], 'elderly-care'),
        doc('B', '重度残疾人护理补贴申请', [], 'disability'),
        doc('C', '四点半课堂报名', ['课后托管'], 'venue'),
      ]);
      expect(sut.find('我爸八十了有没有补贴')).toMatchObject({
        match: 'words',
        hits: [{ code: 'A' }, { code: 'B' }],
      });
      // 没人接 is not in any item: it stands for 托管
      expect(sut.find('孩子放学没人接')).toMatchObject({ match: 'words', hits: [{ code: 'C' }] });
      expect(sut.words('我爸八十了有没有补贴')).toEqual(['爸', '八十', '补贴']);
    });

    it('teaches the segmenter the indexed words, so a name is one word', () => {
      const taught: string[] = [];
      const segmenter = {
        cut: (t: string) => [t],
        cutSmall: (t: string) => [t],
        addWords: (w: readonly string[]) => taught.push(...w),
      };
      const sut = new CatalogueSearchIndex([], segmenter);
      sut.replace([doc('C', '四点半课堂报名', ['课后托管'])]);
      sut.words('四点半课堂');
      expect(taught).toEqual(expect.arrayContaining(['四点半课堂报名', '课后托管', '没人接']));
    });

    it('as pinyin with one letter wrong or missing, but not among initials or in short queries', () => {
      const sut = index();
      expect(sut.find('dibso')).toMatchObject({ match: 'fuzzy', hits: [{ code: 'MZ-001' }] }); // bao
      expect(sut.find('dibo')).toMatchObject({ match: 'fuzzy', hits: [{ code: 'MZ-001' }] }); // bao
      expect(sut.find('canjizeng')).toMatchObject({ match: 'fuzzy', hits: [{ code: 'CJ-001' }] }); // zheng
      expect(sut.find('dbsw').match).toBe('none');
      expect(sut.find('dibi').match).toBe('none'); // di + bi is no slip of a 4-letter word we hold
      // a slip never outranks what was typed right
      expect(sut.find('dibao').match).toBe('direct');
    });

    it('suggests the closest items when nothing matches at all, and the popular ones when nothing is close', () => {
      const sut = index();
      const answer = sut.find('救助供养金额标准');
      expect(answer.match).toBe('words');
      const none = sut.find('火星救赎');
      expect(none).toMatchObject({ match: 'none', hits: [] });
      expect(none.suggestions.map((h) => h.code)).toEqual(['MZ-002', 'MZ-003']);
      sut.setPopularity('HJ-001', 5);
      const far = sut.find('xyzxyz');
      expect(far.suggestions).toHaveLength(4);
      expect(far.suggestions[0].code).toBe('HJ-001');
    });
  });

  it('answers nothing for a blank query or one that matches nothing', () => {
    expect(index().search('')).toEqual([]);
    expect(index().search('  　 ')).toEqual([]);
    expect(index().search('，。')).toEqual([]);
    expect(index().search('xyzxyz')).toEqual([]);
    expect(index().search('火星移民')).toEqual([]);
  });
});
