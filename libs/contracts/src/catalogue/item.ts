import { z } from 'zod';
import { trimmedText as text } from '../common/text';

/** The themes a kiosk groups items under (product.md §1). Codes are stable; labels live here and in the UIs' locales. */
export const THEMES = {
  'social-security': '社会保障',
  'civil-assistance': '民政救助',
  'elderly-care': '养老服务',
  disability: '残疾人服务',
  'health-family': '计生卫健',
  employment: '就业创业',
  veterans: '退役军人',
  household: '户籍居住',
  legal: '法律服务',
  party: '党员服务',
  venue: '场地预约',
} as const;
export type ThemeCode = keyof typeof THEMES;
export const THEME_CODES = Object.keys(THEMES) as [ThemeCode, ...ThemeCode[]];

/** 承办 — the centre decides itself; 代办 — it takes the file to the department for the resident; 帮办 — it helps the resident do it. */
export const HANDLING_MODES = { undertake: '承办', proxy: '代办', assist: '帮办' } as const;
export type HandlingMode = keyof typeof HANDLING_MODES;

export const MATERIAL_FORMS = {
  original: '原件',
  copy: '复印件',
  original_and_copy: '原件及复印件',
} as const;
export type MaterialForm = keyof typeof MATERIAL_FORMS;

export const DELIVERY_MODES = {
  window: '窗口领取',
  mail: '邮寄送达',
  online: '网上送达',
  onsite: '当场办结',
} as const;
export type DeliveryMode = keyof typeof DELIVERY_MODES;

const days = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}应为整数个工作日`)
    .min(0, `${label}不能为负数`)
    .max(365, `${label}最多 365 个工作日`);

export const itemCodeSchema = z
  .string({ error: '请填写事项编码' })
  .trim()
  .regex(/^[A-Z0-9-]{3,32}$/, '事项编码只能由大写字母、数字和连字符组成，长度 3–32');

export const materialSchema = z.object({
  name: text('材料名称', 2, 80),
  form: z.enum(Object.keys(MATERIAL_FORMS) as [MaterialForm], {
    error: '材料形式应为原件、复印件或原件及复印件',
  }),
  copies: z.number().int().min(1, '份数至少 1 份').max(20, '份数最多 20 份'),
  /** 容缺: the case may be accepted without it on the applicant's written promise to bring it later. */
  deferrable: z.boolean({ error: '请说明该材料是否允许容缺' }),
  note: z.string().trim().max(200, '材料说明最多 200 个字').optional(),
});
export type Material = z.infer<typeof materialSchema>;

/** Names, colloquial words and phrasings staff attached from the counter's 查无结果 page all count here. */
export const MAX_KEYWORDS = 50;

export const faqSchema = z.object({ question: text('问题', 4, 100), answer: text('解答', 2, 500) });

/**
 * Every element of a 政务服务事项 as the item's editors write it. A draft may be incomplete (see
 * `publishableItemSchema` for what publishing demands); money is in integer 分, limits in working days.
 */
export const itemContentSchema = z.object({
  code: itemCodeSchema,
  name: text('事项名称', 2, 60),
  theme: z.enum(THEME_CODES, { error: '请选择主题' }),
  mode: z
    .enum(Object.keys(HANDLING_MODES) as [HandlingMode], { error: '办理方式应为承办、代办或帮办' })
    .default('undertake'),
  summary: z.string().trim().max(300, '事项简介最多 300 个字').default(''),
  department: z.string().trim().max(60, '实施部门最多 60 个字').default(''),
  legalBasis: z
    .array(text('设定依据', 4, 200))
    .max(10)
    .default([]),
  conditions: z
    .array(text('申请条件', 4, 200))
    .max(20)
    .default([]),
  materials: z.array(materialSchema).max(40, '申请材料最多 40 项').default([]),
  legalDays: days('法定办结时限').default(0),
  promisedDays: days('承诺办结时限').default(0),
  feeFen: z.number().int('收费以分为单位，应为整数').min(0, '收费不能为负数').default(0),
  visits: z
    .union([z.literal(0), z.literal(1)], { error: '到现场次数只能是 0 或 1（最多跑一次）' })
    .default(1),
  online: z.boolean().default(false),
  delivery: z
    .array(z.enum(Object.keys(DELIVERY_MODES) as [DeliveryMode], { error: '送达方式不正确' }))
    .max(4)
    .default([]),
  where: z.string().trim().max(120, '办理地点最多 120 个字').default(''),
  faq: z.array(faqSchema).max(20).default([]),
  /** Other names residents use (低保 ↔ 最低生活保障): search matches these like the name. */
  keywords: z
    .array(text('别名', 1, 30))
    .max(MAX_KEYWORDS, `别名最多 ${MAX_KEYWORDS} 个`)
    .default([]),
});
export type ItemContent = z.infer<typeof itemContentSchema>;
export type ItemContentInput = z.input<typeof itemContentSchema>;

/** What publishing demands beyond a valid draft; each message says what to fix. */
export const publishableItemSchema = itemContentSchema.superRefine((item, ctx) => {
  const missing = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (item.materials.length === 0) missing('materials', '没有申请材料的事项不能发布，请至少列出一项材料');
  if (item.conditions.length === 0) missing('conditions', '请填写申请条件后再发布');
  if (item.legalBasis.length === 0) missing('legalBasis', '请填写设定依据后再发布');
  if (!item.department) missing('department', '请填写实施部门后再发布');
  if (!item.summary) missing('summary', '请填写事项简介后再发布');
  if (item.delivery.length === 0) missing('delivery', '请至少选择一种送达方式后再发布');
  if (item.legalDays === 0 && item.promisedDays > 0) missing('legalDays', '请填写法定办结时限');
  if (item.promisedDays > item.legalDays)
    missing(
      'promisedDays',
      `承诺时限（${item.promisedDays} 个工作日）不能超过法定时限（${item.legalDays} 个工作日）`,
    );
  const names = new Set<string>();
  for (const m of item.materials) {
    if (names.has(m.name)) missing('materials', `材料“${m.name}”重复列出`);
    names.add(m.name);
  }
});

export const CENTRE_LEVELS = {
  city: '市级',
  district: '区级',
  street: '街道',
  community: '社区',
  station: '小区驿站',
} as const;
export type CentreLevel = keyof typeof CENTRE_LEVELS;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');

export const openingHoursSchema = z.object({
  /** ISO weekdays, 1 = Monday … 7 = Sunday */
  weekdays: z.array(z.number().int().min(1).max(7)).min(1),
  open: clock,
  close: clock,
});

/** A room's id within its centre: lower-case letters, digits and -, as the centre ids' segments are. */
export const roomIdSchema = z
  .string({ error: '请填写场地编号' })
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, '场地编号只能由小写字母、数字和连字符组成，最长 32 位');

/**
 * How a room is booked: `whole` — one booking holds the room for a slot (a resident, or a group up to the
 * capacity); `seats` — each booking is one person's place, up to the capacity; `none` — not booked by residents
 * (调解室, 法律服务室: staff arrange them).
 */
export const ROOM_BOOKING_MODES = { whole: '整间预约', seats: '按座位预约', none: '不对外预约' } as const;
export type RoomBookingMode = keyof typeof ROOM_BOOKING_MODES;

export const roomSchema = z.object({
  id: roomIdSchema,
  name: text('场地名称', 2, 30),
  capacity: z.number().int().min(1).max(1000),
  description: z.string().trim().max(200).default(''),
  booking: z
    .enum(Object.keys(ROOM_BOOKING_MODES) as [RoomBookingMode, ...RoomBookingMode[]])
    .default('whole'),
  /** minutes per bookable slot, from each opening period's start */
  slotMinutes: z.union([z.literal(30), z.literal(60), z.literal(90), z.literal(120)]).default(60),
  /** when the room opens, if not whenever its centre does (四点半课堂: school days 16:30–18:30) */
  hours: z.array(openingHoursSchema).default([]),
  /** house rules shown before booking */
  rules: z
    .array(text('使用规则', 2, 100))
    .max(10)
    .default([]),
  /** the 场地预约 item residents find it under (CD-001 书画室预约) */
  itemCode: itemCodeSchema.optional(),
});
export type Room = z.infer<typeof roomSchema>;

/**
 * A room's id across the city: its centre's id and its own, `sz/futian/xiangmihu/c-001/calligraphy`. Other services
 * (incubation office space, insight's room use) refer to rooms by it.
 */
export const roomRef = (centreId: string, roomId: string) => `${centreId}/${roomId}`;

/** WGS-84 degrees, as a map app gives them. */
export const locationSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export type Location = z.infer<typeof locationSchema>;

/** On public holidays (法定节假日): `closed`, or open with the `weekend` hours (Sunday's). */
export const HOLIDAY_POLICIES = { closed: '节假日闭馆', weekend: '节假日按周末时间开放' } as const;
export type HolidayPolicy = keyof typeof HOLIDAY_POLICIES;

/**
 * A 党群服务中心 or 小区驿站. `id` is its scope path (city/district/street/centre, as in `@psc/auth`), so a centre
 * administrator's scope is simply the centre's id; a community centre and its 驿站 are both at the centre depth.
 */
export const centreSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*){0,3}$/, '中心编号应为管辖范围路径'),
  name: text('中心名称', 2, 60),
  level: z.enum(Object.keys(CENTRE_LEVELS) as [CentreLevel]),
  parentId: z.string().nullable(),
  address: text('地址', 4, 120),
  phone: z.string().trim().max(30).default(''),
  hours: z.array(openingHoursSchema).min(1, '请填写开放时间'),
  holidays: z.enum(Object.keys(HOLIDAY_POLICIES) as [HolidayPolicy, ...HolidayPolicy[]]).default('closed'),
  location: locationSchema.optional(),
  rooms: z
    .array(roomSchema)
    .default([])
    .refine((rooms) => new Set(rooms.map((r) => r.id)).size === rooms.length, '同一中心的场地编号不能重复'),
  /** codes of the items this centre handles or takes in for others */
  itemCodes: z.array(itemCodeSchema).default([]),
});
export type Centre = z.infer<typeof centreSchema>;
export type CentreInput = z.input<typeof centreSchema>;
