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

  // What residents say at the window, in their own words: each must lead to the item a person there would name.
  it.each([
    ['我爸八十了有没有补贴', 'YL-001'],
    ['孩子放学没人接', 'CD-003'],
    ['想找个地方练书法', 'CD-001'],
    ['失业了怎么领钱', 'SB-005'],
    ['我妈腿脚不好想申请轮椅', 'CJ-005'],
    ['社保卡丢了怎么办', 'SB-004'],
    ['老人去哪里吃饭', 'YL-004'],
    ['想给孩子打疫苗', 'WJ-009'],
    ['身份证过期了怎么换', 'HJ-006'],
    ['邻居吵架找谁', 'FL-002'],
    ['老板不发工资怎么办', 'FL-005'],
    ['家里穷揭不开锅了', 'MZ-001'],
    ['我想打官司但是没钱请律师', 'FL-001'],
    ['想跳广场舞找个地方排练', 'CD-006'],
    ['我要退休了怎么领养老金', 'SB-010'],
    ['刚生了宝宝怎么报户口', 'HJ-009'],
    ['老人一个人住没人照顾', 'YL-009'],
    ['党员从外地调过来组织关系怎么转', 'DY-001'],
    ['在外地看病能不能报销', 'SB-011'],
    ['家里有人去世了户口怎么办', 'HJ-010'],
    ['想开个公司有没有补贴', 'JY-007'],
    ['做生意想贷款', 'JY-004'],
    ['想学点技术', 'JY-006'],
    ['帮我找个工作', 'JY-008'],
    ['残疾证到期了要换', 'CJ-002'],
    ['孩子有自闭症想做康复', 'CJ-006'],
    ['给老人家里装扶手', 'YL-007'],
    ['老人想住养老院', 'YL-008'],
    ['80岁老人补贴', 'YL-001'],
    ['怀孕了要建档', 'WJ-008'],
    ['准备要二胎需要登记吗', 'WJ-001'],
    ['孩子出生证明丢了', 'WJ-005'],
    ['想签个家庭医生', 'WJ-004'],
    ['每年要做认证才能领养老金', 'SB-008'],
    ['我是退伍军人想登记一下', 'TY-001'],
    ['儿子去当兵了家里有没有补贴', 'TY-006'],
    ['家门口想挂光荣牌', 'TY-002'],
    ['租房子要备案吗', 'HJ-005'],
    ['外地人来深圳住要登记', 'HJ-002'],
    ['开个没有犯罪记录的证明', 'HJ-004'],
    ['想借个会议室开会', 'CD-005'],
    ['周末带孩子去哪里玩', 'CD-008'],
    ['想找个地方锻炼身体', 'CD-002'],
    ['想找地方看书', 'CD-007'],
    ['社区有没有可以做饭的地方', 'CD-010'],
    ['老人下棋打牌的地方', 'CD-009'],
    ['没有工作了要登记', 'JY-002'],
    ['台风把家里房子弄坏了', 'MZ-011'],
    ['人走了丧葬费怎么领', 'SB-014'],
    ['孩子没人抚养', 'MZ-008'],
    ['大病看不起', 'MZ-005'],
    ['低保每年要复核', 'MZ-012'],
    ['在职党员去社区报到', 'DY-003'],
    ['老党员五十年纪念章', 'DY-009'],
    ['想查一下我的社保交了多少', 'SB-006'],
    ['医保想绑定家里人一起用', 'SB-013'],
    ['慢性病门诊能多报点吗', 'SB-012'],
    ['自己交社保', 'SB-007'],
    ['想办个老年卡坐公交免费', 'YL-002'],
    ['残疾人的车加油有补贴吗', 'CJ-008'],
    ['想在家里养老有补贴吗', 'YL-003'],
    ['老人要做能力评估', 'YL-005'],
    ['想学画画', 'CD-001'],
    ['孩子作业没人辅导', 'CD-003'],
    ['老人摔倒了保险能赔吗', 'YL-010'],
    ['公司欠我工资', 'FL-005'],
    ['要去公证处办继承', 'FL-003'],
    ['想咨询一下法律问题', 'FL-004'],
    ['老婆户口想迁过来', 'HJ-008'],
    ['退役军人有困难想求助', 'TY-005'],
  ])('said: %s → %s', (query, code) => {
    const answer = index.find(query, { limit: 3 });
    expect(answer.hits[0]?.code).toBe(code);
  });

  it.each([
    ['dibso', 'MZ-001'], // bao
    ['canjizeng', 'CJ-001'], // zheng without its h
    ['lanianzheng', 'YL-002'], // lao short of its o
    ['shebaoke', 'SB-003'], // ka
    ['gaolinjintie', 'YL-001'], // ling
  ])('one pinyin letter wrong or missing: %s → %s', (query, code) => {
    const answer = index.find(query, { limit: 3 });
    expect(answer.match).toBe('fuzzy');
    expect(answer.hits[0]?.code).toBe(code);
  });

  it('never leaves the screen empty: what matches nothing brings suggestions', () => {
    for (const query of ['火星移民', 'qqqqzzzz', '我想问一下']) {
      const answer = index.find(query, { limit: 3 });
      expect(answer.match).toBe('none');
      expect(answer.suggestions.length).toBeGreaterThan(0);
    }
  });
});
