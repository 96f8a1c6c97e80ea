// The big screen's texts, merged into the kiosk's messages when the view loads so the shared locale files stay
// untouched by this slice.
export const screenMessages = {
  'zh-CN': {
    screen: {
      title: '今日服务',
      // the name comes from the catalogue for the kiosk's own centre; another centre's screen says what it is
      centre: '党群服务中心',
      tickets: '今日取号',
      waiting: '正在等候',
      meanWait: '平均等候 {minutes} 分钟',
      casesDone: '今日办结',
      oneTrip: '最多跑一次率',
      satisfaction: '满意度',
      ratings: '{count} 条评价',
      volunteer: '志愿服务活动',
      checkIns: '{count} 人次签到',
      none: '—',
      unit: { people: '人', cases: '件', items: '场' },
      stale: '数据暂未更新',
      noCentre: '请在地址中指定服务中心，例如 /kiosk/screen?centre=sz/futian/xiangmihu/c-001',
    },
  },
  en: {
    screen: {
      title: 'Today',
      centre: 'Party and Community Service Centre',
      tickets: 'Tickets today',
      waiting: 'Waiting now',
      meanWait: 'Average wait {minutes} min',
      casesDone: 'Cases completed',
      oneTrip: 'One-trip rate',
      satisfaction: 'Satisfaction',
      ratings: '{count} ratings',
      volunteer: 'Volunteer activities',
      checkIns: '{count} check-ins',
      none: '—',
      unit: { people: '', cases: '', items: '' },
      stale: 'Figures not updated',
      noCentre: 'Name the centre in the address, e.g. /kiosk/screen?centre=sz/futian/xiangmihu/c-001',
    },
  },
};
