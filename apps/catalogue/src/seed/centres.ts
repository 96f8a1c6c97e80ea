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

type RoomInput = NonNullable<CentreInput['rooms']>[number];
type RoomKind = Omit<RoomInput, 'name' | 'capacity' | 'description'>;

const SCHOOL_DAYS_AFTER_CLASS: RoomInput['hours'] = [{ weekdays: WEEKDAYS, open: '16:30', close: '18:30' }];
const quiet = '保持安静，离开时带走个人物品';
const tidy = '使用后恢复桌椅、关闭门窗电器';
const noBusiness = '不得开展经营性、宗教类活动';

/**
 * How each kind of room is booked, by its name: the id other services refer to it by (see roomRef), whole room or
 * place by place, slot length, house rules and the 场地预约 item it is found under.
 */
const ROOM_KINDS: Record<string, RoomKind> = {
  书画室: {
    id: 'calligraphy',
    booking: 'seats',
    slotMinutes: 120,
    rules: ['笔墨纸砚请自备，书画桌和毛毡由中心提供', '用后清洗笔砚，勿将墨汁倒入水池', tidy],
    itemCode: 'CD-001',
  },
  健身室: {
    id: 'gym',
    booking: 'seats',
    slotMinutes: 60,
    rules: ['年满16周岁方可使用，60岁以上建议家属陪同', '请穿运动鞋，器材用后归位', '每人每次1小时'],
    itemCode: 'CD-002',
  },
  四点半课堂: {
    id: 'after-school',
    booking: 'seats',
    slotMinutes: 120,
    hours: SCHOOL_DAYS_AFTER_CLASS,
    rules: ['仅限本社区小学生，每个名额一名学生', '监护人须在 18:30 前接回', '首次使用请到服务台登记接送人'],
    itemCode: 'CD-003',
  },
  多功能活动室: {
    id: 'hall',
    slotMinutes: 120,
    rules: ['活动人数不得超过场地容量', noBusiness, '使用投影、音响请在预约时注明', tidy],
    itemCode: 'CD-004',
  },
  会议室: { id: 'meeting', rules: ['会议结束后关闭空调和投影', tidy], itemCode: 'CD-005' },
  舞蹈室: {
    id: 'dance',
    rules: ['请换软底鞋进入', '音响音量请控制，晚间 21:00 前结束', tidy],
    itemCode: 'CD-006',
  },
  阅览室: {
    id: 'reading',
    booking: 'seats',
    slotMinutes: 120,
    rules: [quiet, '12周岁以下儿童须由监护人陪同'],
    itemCode: 'CD-007',
  },
  儿童游戏区: {
    id: 'kids',
    booking: 'seats',
    rules: ['0–6周岁儿童，须由监护人全程陪同', '每场1小时，场次之间清洁消毒'],
    itemCode: 'CD-008',
  },
  长者活动室: {
    id: 'elders',
    booking: 'seats',
    slotMinutes: 120,
    rules: ['60周岁以上长者优先', '棋牌娱乐不得带彩'],
    itemCode: 'CD-009',
  },
  共享厨房: {
    id: 'kitchen',
    slotMinutes: 120,
    rules: ['规范用火用电，离开前关闭燃气', '不得用于经营性餐饮', '用后清洁灶台、餐具归位'],
    itemCode: 'CD-010',
  },
  党员教育室: { id: 'party-edu', rules: ['优先安排党组织学习活动', tidy], itemCode: 'DY-006' },
  党员教育报告厅: {
    id: 'lecture-hall',
    slotMinutes: 120,
    rules: ['优先安排党组织学习活动', '请提前3天预约', tidy],
    itemCode: 'DY-006',
  },
  人民调解室: { id: 'mediation', booking: 'none' },
  公共法律服务室: { id: 'legal', booking: 'none' },
  共享客厅: { id: 'lounge', rules: ['楼栋议事、邻里活动优先', tidy], itemCode: 'CD-004' },
  阅读角: { id: 'reading-corner', booking: 'seats', rules: [quiet] },
};

function room(name: string, capacity: number, description: string): RoomInput {
  const kind = ROOM_KINDS[name];
  if (!kind) throw new Error(`no room kind for ${name}`);
  return { name, capacity, description, ...kind };
}

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
    location: { lat: 22.5431, lng: 114.0579 },
    holidays: 'closed',
    rooms: [
      room('党员教育报告厅', 300, '主题党课、专题讲座和大型党员教育活动'),
      room('会议室', 40, '配视频会议系统'),
      room('多功能活动室', 120, '可拆分为两个小厅'),
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
    location: { lat: 22.5368, lng: 114.0619 },
    holidays: 'closed',
    rooms: [
      room('党员教育室', 80, '党员电教片点播、集中学习'),
      room('会议室', 30, ''),
      room('多功能活动室', 100, '配投影、音响'),
      room('书画室', 24, ''),
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
    location: { lat: 22.5479, lng: 114.0268 },
    holidays: 'closed',
    rooms: [
      room('多功能活动室', 80, '配投影、音响和话筒'),
      room('会议室', 24, ''),
      room('人民调解室', 8, '街道人民调解委员会、劳动争议调解'),
      room('健身室', 20, '跑步机、动感单车、力量器械'),
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
    location: { lat: 22.5532, lng: 114.0478 },
    holidays: 'closed',
    rooms: [
      room('多功能活动室', 100, '主题党日、讲座、文艺排练'),
      room('会议室', 20, ''),
      room('书画室', 20, ''),
      room('阅览室', 40, '党群书屋，图书通借通还'),
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
    location: { lat: 22.551, lng: 114.023 },
    holidays: 'weekend',
    rooms: [
      room('书画室', 20, '书画桌10张，配毛毡、晾画架'),
      room('健身室', 15, '跑步机、动感单车、综合训练器'),
      room('四点半课堂', 30, '上学日 16:30–18:30 课后托管、作业辅导'),
      room('多功能活动室', 80, '配投影、音响，可用于主题党日和讲座'),
      room('会议室', 16, '居民议事会、业委会会议'),
      room('舞蹈室', 30, '镜墙、把杆、音响'),
      room('阅览室', 36, '党群书屋，藏书约8000册'),
      room('长者活动室', 30, '棋牌、健康讲座'),
      room('共享厨房', 12, '燃气灶台2组、烤箱、消毒柜'),
      room('人民调解室', 8, ''),
      room('公共法律服务室', 6, '社区法律顾问每周二、周四下午坐班'),
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
    location: { lat: 22.5402, lng: 114.0262 },
    holidays: 'weekend',
    rooms: [
      room('书画室', 16, ''),
      room('健身室', 12, ''),
      room('四点半课堂', 25, ''),
      room('多功能活动室', 60, '配投影、音响'),
      room('阅览室', 24, ''),
      room('儿童游戏区', 15, '0–6岁亲子游戏与绘本阅读'),
      room('长者活动室', 25, ''),
      room('党员教育室', 40, '党员电教片点播'),
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
    location: { lat: 22.5571, lng: 114.0409 },
    holidays: 'weekend',
    rooms: [
      room('书画室', 18, ''),
      room('健身室', 12, ''),
      room('四点半课堂', 30, ''),
      room('多功能活动室', 70, ''),
      room('会议室', 12, ''),
      room('长者活动室', 40, '长者饭堂就餐区兼用'),
      room('共享厨房', 10, ''),
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
    location: { lat: 22.5519, lng: 114.0631 },
    holidays: 'weekend',
    rooms: [
      room('书画室', 15, ''),
      room('四点半课堂', 20, ''),
      room('多功能活动室', 50, ''),
      room('舞蹈室', 25, ''),
      room('阅览室', 20, ''),
      room('儿童游戏区', 12, ''),
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
    location: { lat: 22.553, lng: 114.025 },
    holidays: 'weekend',
    rooms: [room('共享客厅', 20, '楼栋议事、邻里活动'), room('阅读角', 8, '')],
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
    location: { lat: 22.5583, lng: 114.0421 },
    holidays: 'weekend',
    rooms: [room('共享客厅', 15, '党员议事、志愿者服务点')],
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
