/**
 * Words residents and staff use for the same thing. An item whose name or alias contains one member is also found by
 * the others, by characters, full pinyin and initials alike. Where one member contains another (计划生育 ⊃ 生育), the
 * longer one wins at that place in the text.
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  ['低保', '最低生活保障'],
  ['医保', '医疗保险', '医疗保障'],
  ['社保', '社会保险', '社会保障'],
  ['养老金', '养老保险'],
  ['残疾证', '残疾人证'],
  ['老年证', '老年人优待证', '敬老卡'],
  ['居住证', '暂住证'],
  ['党组织关系', '组织关系'],
  ['双报到', '在职党员进社区报到'],
  ['失业金', '失业保险金'],
  ['生育', '计生', '计划生育'],
  ['退伍军人', '退役军人', '老兵'],
  ['四点半课堂', '托管', '课后托管'],
  ['健身室', '健身房'],
  ['律师', '法律咨询', '法律顾问'],
  // beyond the brief: what the counter hears every day
  ['社保卡', '社会保障卡'],
  ['特困', '特困人员', '五保'],
  ['高龄津贴', '高龄补贴', '长寿金'],
  ['户口', '户籍'],
  ['准生证', '生育登记', '生育服务证'],
  ['调解', '纠纷', '矛盾'],
  ['补贴', '补助', '津贴'],
  ['找工作', '就业', '求职'],
  ['创业贷款', '创业担保贷款'],
  ['助餐', '长者饭堂', '老年饭堂', '老人饭堂'],
  ['老年人', '老人', '长者'],
  ['残疾人', '残障人士'],
  ['家庭医生', '家医'],
  ['流动党员', '外出党员'],
  ['灵活就业', '自由职业'],
  ['身份证', '居民身份证'],
  ['出生证', '出生医学证明'],
  ['会议室', '会场'],
  ['活动室', '场地', '场室'],
  ['心理咨询', '心理疏导'],
];
