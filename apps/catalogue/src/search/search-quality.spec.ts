import { describe, expect, it } from 'vitest';
import { seedItems } from '../seed/items';
import { CatalogueSearchIndex } from './search-index';

// What a busy centre opens most; everything else starts at 0.
const POPULARITY: Record<string, number> = {
  'MZ-001': 40,
  'SB-002': 35,
  'SB-003': 30,
  'HJ-006': 25,
  'YL-002': 20,
};

const index = new CatalogueSearchIndex();
index.replace(
  seedItems.map((item) => ({
    code: item.code,
    name: item.name,
    theme: item.theme,
    keywords: item.keywords ?? [],
    popularity: POPULARITY[item.code] ?? 0,
  })),
);

describe('search quality on the 108 seed items', () => {
  it('indexes every seed item once', () => {
    expect(new Set(seedItems.map((i) => i.code)).size).toBe(108);
  });

  it.each([
    // characters
    ['低保', 'MZ-001'],
    ['最低生活保障', 'MZ-001'],
    ['五保', 'MZ-002'],
    ['临时救助', 'MZ-003'],
    ['低保年审', 'MZ-012'],
    ['残疾证补办', 'CJ-002'],
    ['护理补贴', 'CJ-004'],
    ['高龄津贴', 'YL-001'],
    ['长寿金', 'YL-001'],
    ['老人饭堂', 'YL-004'],
    ['养老院', 'YL-008'],
    ['社保卡丢了', 'SB-004'],
    ['领养老金', 'SB-010'],
    ['退休', 'SB-010'],
    ['异地就医', 'SB-011'],
    ['居住证', 'HJ-001'],
    ['身份证', 'HJ-006'],
    ['无犯罪记录', 'HJ-004'],
    ['户口证明', 'HJ-003'],
    ['法律援助', 'FL-001'],
    ['调解', 'FL-002'],
    ['党费', 'DY-004'],
    ['入党', 'DY-005'],
    ['组织关系', 'DY-001'],
    ['光荣牌', 'TY-002'],
    ['四点半课堂', 'CD-003'],
    ['会议室', 'CD-005'],
    ['家庭医生', 'WJ-004'],
    ['打疫苗', 'WJ-009'],
    ['找工作', 'JY-008'],
    ['失业登记', 'JY-002'],
    ['就业登记', 'JY-001'],
    ['创业贷款', 'JY-004'],
    // synonyms
    ['残疾证', 'CJ-001'],
    ['老年证', 'YL-002'],
    ['敬老卡', 'YL-002'],
    ['医保', 'SB-002'],
    ['医疗保险', 'SB-002'],
    ['社保卡', 'SB-003'],
    ['失业金', 'SB-005'],
    ['暂住证', 'HJ-001'],
    ['律师', 'FL-004'],
    ['党组织关系', 'DY-001'],
    ['双报到', 'DY-003'],
    ['托管', 'CD-003'],
    ['健身房', 'CD-002'],
    ['准生证', 'WJ-001'],
    ['计生', 'WJ-003'],
    ['退伍军人', 'TY-001'],
    ['老兵', 'TY-001'],
    // full pinyin
    ['dibao', 'MZ-001'],
    ['di bao', 'MZ-001'],
    ['dibaoshenqing', 'MZ-001'],
    ['canjizheng', 'CJ-001'],
    ['laonianzheng', 'YL-002'],
    ['yibao', 'SB-002'],
    ['shebaoka', 'SB-003'],
    ['juzhuzheng', 'HJ-001'],
    ['gaolingjintie', 'YL-001'],
    ['zhangzhefantang', 'YL-004'],
    ['zhongducanji', 'CJ-004'],
    ['chuangyedaikuan', 'JY-004'],
    ['shuangbaodao', 'DY-003'],
    ['jiatingyisheng', 'WJ-004'],
    ['dangfei', 'DY-004'],
    ['yanglaoyuan', 'YL-008'],
    ['falvyuanzhu', 'FL-001'],
    ['faluyuanzhu', 'FL-001'],
    ['Shi Ye Jin', 'SB-005'],
    ['tuiyijunren', 'TY-001'],
    // initials
    ['dbsq', 'MZ-001'],
    ['zdshbz', 'MZ-001'],
    ['cjz', 'CJ-001'],
    ['lnz', 'YL-002'],
    ['sbk', 'SB-003'],
    ['jzz', 'HJ-001'],
    ['sbd', 'DY-003'],
    ['gljt', 'YL-001'],
    ['zzft', 'YL-004'],
    ['jtys', 'WJ-004'],
    ['wfzjl', 'HJ-004'],
    ['flyz', 'FL-001'],
    ['grp', 'TY-002'],
    // mixed, full width, fillers
    ['低保sq', 'MZ-001'],
    ['dbshenqing', 'MZ-001'],
    ['残疾zheng', 'CJ-001'],
    ['laonian证', 'YL-002'],
    ['社保k', 'SB-003'],
    ['ｄｂｓｑ', 'MZ-001'],
    ['ＹＩＢＡＯ', 'SB-002'],
    ['申请低保', 'MZ-001'],
    ['怎么办残疾证', 'CJ-001'],
    ['老年证在哪里办', 'YL-002'],
  ])('%s → %s', (query, code) => {
    expect(index.search(query, { limit: 3 }).map((h) => h.code)[0]).toBe(code);
  });
});
