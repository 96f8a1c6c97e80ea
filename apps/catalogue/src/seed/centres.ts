import type { CentreInput } from '@psc/contracts/catalogue';

const WEEKDAYS = [1, 2, 3, 4, 5];
const WEEKEND = [6, 7];

/** Community centres: daytime on weekdays, evenings for the gym and dance room, and weekends (15-minute service circle). */
const communityHours: CentreInput['hours'] = [
  { weekdays: WEEKDAYS, open: '09:00', close: '18:00' },
  { weekdays: WEEKDAYS, open: '19:00', close: '21:00' },
  { weekdays: WEEKEND, open: '09:00', close: '17:00' },
];

/** 小区驿站 are staffed by volunteers after work hours and on weekend mornings. */
const stationHours: CentreInput['hours'] = [
  { weekdays: WEEKDAYS, open: '16:00', close: '20:00' },
  { weekdays: WEEKEND, open: '09:30', close: '12:00' },
];

/**
 * The 福田区 part of the centre tree: city → district → two streets → four community centres → two 小区驿站.
 * `itemCodes` stay empty here; the seeder fills them with `itemCodesFor` once every theme's items are known.
 */
export const seedCentres: CentreInput[] = [
  {
    id: 'sz',
    name: '深圳市党群服务中心',
    level: 'city',
    parentId: null,
    address: '广东省深圳市福田区福中三路2006号',
    phone: '0755-88127100',
    hours: [
      { weekdays: WEEKDAYS, open: '09:00', close: '18:00' },
      { weekdays: [6], open: '09:00', close: '17:00' },
    ],
    rooms: [
      { name: '党员教育报告厅', capacity: 300, description: '主题党课、专题讲座和大型党员教育活动' },
      { name: '会议室', capacity: 40, description: '配视频会议系统' },
      { name: '多功能活动室', capacity: 120, description: '可拆分为两个小厅' },
    ],
    itemCodes: [],
  },
  {
    id: 'sz/futian',
    name: '福田区党群服务中心',
    level: 'district',
    parentId: 'sz',
    address: '广东省深圳市福田区福华三路118号',
    phone: '0755-82918600',
    hours: [
      { weekdays: WEEKDAYS, open: '09:00', close: '18:00' },
      { weekdays: WEEKEND, open: '09:00', close: '17:00' },
    ],
    rooms: [
      { name: '党员教育室', capacity: 80, description: '党员电教片点播、集中学习' },
      { name: '会议室', capacity: 30, description: '' },
      { name: '多功能活动室', capacity: 100, description: '配投影、音响' },
      { name: '书画室', capacity: 24, description: '' },
    ],
    itemCodes: [],
  },
  {
    id: 'sz/futian/xiangmihu',
    name: '香蜜湖街道党群服务中心',
    level: 'street',
    parentId: 'sz/futian',
    address: '广东省深圳市福田区香蜜湖街道香梅路1068号',
    phone: '0755-83967215',
    hours: [
      { weekdays: WEEKDAYS, open: '09:00', close: '18:00' },
      { weekdays: WEEKEND, open: '09:00', close: '17:00' },
    ],
    rooms: [
      { name: '多功能活动室', capacity: 80, description: '配投影、音响和话筒' },
      { name: '会议室', capacity: 24, description: '' },
      { name: '人民调解室', capacity: 8, description: '街道人民调解委员会、劳动争议调解' },
      { name: '健身室', capacity: 20, description: '跑步机、动感单车、力量器械' },
    ],
    itemCodes: [],
  },
  {
    id: 'sz/futian/lianhua',
    name: '莲花街道党群服务中心',
    level: 'street',
    parentId: 'sz/futian',
    address: '广东省深圳市福田区莲花街道红荔西路7028号',
    phone: '0755-83125408',
    hours: [
      { weekdays: WEEKDAYS, open: '09:00', close: '18:00' },
      { weekdays: [6], open: '09:00', close: '17:00' },
    ],
    rooms: [
      { name: '多功能活动室', capacity: 100, description: '主题党日、讲座、文艺排练' },
      { name: '会议室', capacity: 20, description: '' },
      { name: '书画室', capacity: 20, description: '' },
      { name: '阅览室', capacity: 40, description: '党群书屋，图书通借通还' },
    ],
    itemCodes: [],
  },
  {
    id: 'sz/futian/xiangmihu/c-001',
    name: '香岭社区党群服务中心',
    level: 'community',
    parentId: 'sz/futian/xiangmihu',
    address: '广东省深圳市福田区香蜜湖街道香岭社区侨香路4036号香岭大厦一楼',
    phone: '0755-83418526',
    hours: communityHours,
    rooms: [
      { name: '书画室', capacity: 20, description: '书画桌10张，配毛毡、晾画架' },
      { name: '健身室', capacity: 15, description: '跑步机、动感单车、综合训练器' },
      { name: '四点半课堂', capacity: 30, description: '上学日 16:30–18:30 课后托管、作业辅导' },
      { name: '多功能活动室', capacity: 80, description: '配投影、音响，可用于主题党日和讲座' },
      { name: '会议室', capacity: 16, description: '居民议事会、业委会会议' },
      { name: '舞蹈室', capacity: 30, description: '镜墙、把杆、音响' },
      { name: '阅览室', capacity: 36, description: '党群书屋，藏书约8000册' },
      { name: '长者活动室', capacity: 30, description: '棋牌、健康讲座' },
      { name: '共享厨房', capacity: 12, description: '燃气灶台2组、烤箱、消毒柜' },
      { name: '人民调解室', capacity: 8, description: '' },
      { name: '公共法律服务室', capacity: 6, description: '社区法律顾问每周二、周四下午坐班' },
    ],
    itemCodes: [],
  },
  {
    id: 'sz/futian/xiangmihu/c-002',
    name: '东海社区党群服务中心',
    level: 'community',
    parentId: 'sz/futian/xiangmihu',
    address: '广东省深圳市福田区香蜜湖街道东海社区红荔西路8099号东海花园裙楼二楼',
    phone: '0755-83401972',
    hours: communityHours,
    rooms: [
      { name: '书画室', capacity: 16, description: '' },
      { name: '健身室', capacity: 12, description: '' },
      { name: '四点半课堂', capacity: 25, description: '' },
      { name: '多功能活动室', capacity: 60, description: '配投影、音响' },
      { name: '阅览室', capacity: 24, description: '' },
      { name: '儿童游戏区', capacity: 15, description: '0–6岁亲子游戏与绘本阅读' },
      { name: '长者活动室', capacity: 25, description: '' },
      { name: '党员教育室', capacity: 40, description: '党员电教片点播' },
    ],
    itemCodes: [],
  },
  {
    id: 'sz/futian/lianhua/c-001',
    name: '景华社区党群服务中心',
    level: 'community',
    parentId: 'sz/futian/lianhua',
    address: '广东省深圳市福田区莲花街道景华社区景田北路景华新村11栋一楼',
    phone: '0755-83356710',
    hours: communityHours,
    rooms: [
      { name: '书画室', capacity: 18, description: '' },
      { name: '健身室', capacity: 12, description: '' },
      { name: '四点半课堂', capacity: 30, description: '' },
      { name: '多功能活动室', capacity: 70, description: '' },
      { name: '会议室', capacity: 12, description: '' },
      { name: '长者活动室', capacity: 40, description: '长者饭堂就餐区兼用' },
      { name: '共享厨房', capacity: 10, description: '' },
    ],
    itemCodes: [],
  },
  {
    id: 'sz/futian/lianhua/c-002',
    name: '彩田社区党群服务中心',
    level: 'community',
    parentId: 'sz/futian/lianhua',
    address: '广东省深圳市福田区莲花街道彩田社区彩田路6012号彩田村综合楼三楼',
    phone: '0755-83286435',
    hours: communityHours,
    rooms: [
      { name: '书画室', capacity: 15, description: '' },
      { name: '四点半课堂', capacity: 20, description: '' },
      { name: '多功能活动室', capacity: 50, description: '' },
      { name: '舞蹈室', capacity: 25, description: '' },
      { name: '阅览室', capacity: 20, description: '' },
      { name: '儿童游戏区', capacity: 12, description: '' },
    ],
    itemCodes: [],
  },
  {
    id: 'sz/futian/xiangmihu/c-001-y01',
    name: '香榭里花园小区党群驿站',
    level: 'station',
    parentId: 'sz/futian/xiangmihu/c-001',
    address: '广东省深圳市福田区香蜜湖街道香岭社区香榭里花园3栋架空层',
    phone: '0755-83418527',
    hours: stationHours,
    rooms: [
      { name: '共享客厅', capacity: 20, description: '楼栋议事、邻里活动' },
      { name: '阅读角', capacity: 8, description: '' },
    ],
    itemCodes: [],
  },
  {
    id: 'sz/futian/lianhua/c-001-y01',
    name: '景华新村小区党群驿站',
    level: 'station',
    parentId: 'sz/futian/lianhua/c-001',
    address: '广东省深圳市福田区莲花街道景华社区景华新村5栋首层',
    phone: '0755-83356711',
    hours: stationHours,
    rooms: [{ name: '共享客厅', capacity: 15, description: '党员议事、志愿者服务点' }],
    itemCodes: [],
  },
];

/** Code prefixes of the themes a 小区驿站 offers in full: 党员服务 (DY) and 场地预约 (CD). */
const STATION_PREFIXES = ['DY-', 'CD-'];
/** …plus these consultation-type items: 居住登记（帮办）, 公证咨询预约, 社区法律顾问咨询. */
const STATION_EXTRA_CODES = ['HJ-002', 'FL-003', 'FL-004'];

/**
 * Which items a centre offers: city, district, street and community centres take in every item (一窗受理, handling
 * or passing on to the department); a 小区驿站 offers only party services, room bookings and a few consultations —
 * everything else is at its community centre, within the 15-minute service circle.
 */
export function itemCodesFor(centre: CentreInput, allCodes: string[]): string[] {
  if (centre.level !== 'station') return [...allCodes];
  return allCodes.filter(
    (code) =>
      STATION_PREFIXES.some((prefix) => code.startsWith(prefix)) || STATION_EXTRA_CODES.includes(code),
  );
}
