import { z } from 'zod';
import { calendarDay } from '../common/day';
import { trimmedText } from '../common/text';
import { entityId, instant, placeId } from './organisation';

/**
 * An organisation's stay at a 孵化基地 (incubation base): applied → reviewed by the base's centre → incubating with
 * services (office space, training, a mentor) → mid-term assessment → 出壳 (graduation) or exit with a reason.
 */
export const INCUBATION_STATES = {
  applied: '待审核',
  incubating: '孵化中',
  assessed: '已中期评估',
  graduated: '已出壳',
  exited: '已退出',
  rejected: '未获入驻',
  withdrawn: '已撤回',
} as const;
export type IncubationState = keyof typeof INCUBATION_STATES;
export const INCUBATION_STATE_CODES = Object.keys(INCUBATION_STATES) as [
  IncubationState,
  ...IncubationState[],
];

/** While one of these stands, the organisation cannot apply again. */
export const ACTIVE_INCUBATION_STATES: readonly IncubationState[] = ['applied', 'incubating', 'assessed'];

/** Services (rooms, training, a mentor) are given during the incubation period only. */
export const SERVICE_STATES: readonly IncubationState[] = ['incubating', 'assessed'];

export const INCUBATION_ACTIONS = {
  admit: '准予入驻',
  reject: '不予入驻',
  withdraw: '撤回申请',
  assess: '中期评估',
  graduate: '出壳',
  exit: '退出孵化',
} as const;
export type IncubationAction = keyof typeof INCUBATION_ACTIONS;
const ACTION_CODES = Object.keys(INCUBATION_ACTIONS) as [IncubationAction, ...IncubationAction[]];

/** Who takes each step: the base's centre decides; the organisation may only withdraw its own application. */
export const INCUBATION_ACTION_ROLES: Readonly<Record<IncubationAction, readonly string[]>> = {
  admit: ['centre_admin', 'city_admin'],
  reject: ['centre_admin', 'city_admin'],
  withdraw: ['org_member'],
  assess: ['centre_admin', 'city_admin'],
  graduate: ['centre_admin', 'city_admin'],
  exit: ['centre_admin', 'city_admin'],
};

/** from → action → to. Anything not listed is refused with 409 naming what is possible now. */
export const INCUBATION_TRANSITIONS: Readonly<
  Record<IncubationState, Partial<Record<IncubationAction, IncubationState>>>
> = {
  applied: { admit: 'incubating', reject: 'rejected', withdraw: 'withdrawn' },
  incubating: { assess: 'assessed', exit: 'exited' },
  // an assessment may be repeated after the organisation has put right what the first one found
  assessed: { assess: 'assessed', graduate: 'graduated', exit: 'exited' },
  graduated: {},
  exited: {},
  rejected: {},
  withdrawn: {},
};

export const nextIncubationState = (from: IncubationState, action: IncubationAction) =>
  INCUBATION_TRANSITIONS[from][action];

export const allowedIncubationActions = (state: IncubationState): IncubationAction[] =>
  Object.keys(INCUBATION_TRANSITIONS[state]) as IncubationAction[];

/** The mid-term score sheet (中期评估表): points per criterion, 100 in all. */
export const SCORE_SHEET = [
  { code: 'governance', name: '内部治理（章程、理事会、制度）', max: 20 },
  { code: 'capacity', name: '团队与专业能力', max: 20 },
  { code: 'services', name: '服务项目开展与成效', max: 25 },
  { code: 'finance', name: '财务管理规范', max: 15 },
  { code: 'party', name: '党建工作', max: 10 },
  { code: 'impact', name: '社会影响与居民评价', max: 10 },
] as const;
export type ScoreCriterion = (typeof SCORE_SHEET)[number]['code'];

/** Graduation needs a mid-term assessment of at least this many points. */
export const PASS_MARK = 60;

/** The longest incubation period a base grants at admission. */
export const MAX_INCUBATION_MONTHS = 24;

export const INCUBATION_NEEDS = {
  office: '办公场地',
  training: '能力培训',
  mentoring: '导师辅导',
  registration: '登记注册指导',
  projects: '项目申报指导',
  resources: '资源对接',
} as const;
export type IncubationNeed = keyof typeof INCUBATION_NEEDS;

const revision = z.number({ error: '缺少版本号，请刷新后再操作' }).int().min(1);

/** 入驻申请: the base is the 党群服务中心 (street or community) that runs it. */
export const applyIncubationRequest = z.object({
  orgId: entityId('组织编号'),
  baseId: placeId('孵化基地', [3, 4]),
  plan: trimmedText('入驻计划', 10, 1000),
  needs: z
    .array(
      z.enum(Object.keys(INCUBATION_NEEDS) as [IncubationNeed, ...IncubationNeed[]], { error: '需求不正确' }),
    )
    .min(1, '请至少选择一项孵化需求')
    .max(6),
  teamSize: z
    .number({ error: '请填写团队人数' })
    .int('团队人数应为整数')
    .min(1, '团队人数至少 1 人')
    .max(500),
  /** files uploaded for the application beforehand (`POST /files`, kind `incubation`) */
  attachments: z.array(entityId('附件编号')).max(10, '附件最多 10 个').default([]),
});
export type ApplyIncubationRequest = z.infer<typeof applyIncubationRequest>;

const reasonRequired = (label: string) => trimmedText(label, 2, 500);
const reasonOptional = trimmedText('说明', 0, 500).optional();

/** One step of the state machine, with what that step needs. */
export const incubationActionRequest = z.discriminatedUnion(
  'action',
  [
    z.object({
      action: z.literal('admit'),
      revision,
      until: calendarDay('孵化期截止日期'),
      reason: reasonOptional,
    }),
    z.object({ action: z.literal('reject'), revision, reason: reasonRequired('不予入驻的原因') }),
    z.object({ action: z.literal('withdraw'), revision, reason: reasonOptional }),
    z.object({ action: z.literal('graduate'), revision, reason: reasonOptional }),
    z.object({ action: z.literal('exit'), revision, reason: reasonRequired('退出原因') }),
  ],
  { error: '不支持的孵化操作' },
);
export type IncubationActionRequest = z.infer<typeof incubationActionRequest>;

const points = (max: number) =>
  z
    .number({ error: '请为每一项打分' })
    .int('分数应为整数')
    .min(0, '分数不能为负')
    .max(max, `该项最高 ${max} 分`);

export const assessIncubationRequest = z.object({
  revision,
  scores: z.object(
    Object.fromEntries(SCORE_SHEET.map((c) => [c.code, points(c.max)])) as Record<
      ScoreCriterion,
      ReturnType<typeof points>
    >,
    { error: '请为每一项打分' },
  ),
  comment: trimmedText('评估意见', 2, 1000),
});
export type AssessIncubationRequest = z.infer<typeof assessIncubationRequest>;

export const assignMentorRequest = z.object({
  revision,
  name: trimmedText('导师姓名', 2, 20),
  affiliation: trimmedText('导师单位', 2, 60),
  expertise: trimmedText('辅导方向', 2, 100),
});
export type AssignMentorRequest = z.infer<typeof assignMentorRequest>;

export const recordTrainingRequest = z.object({
  revision,
  title: trimmedText('培训主题', 2, 60),
  on: calendarDay('培训日期'),
  hours: z
    .number({ error: '请填写培训学时' })
    .multipleOf(0.5, '学时以半小时计')
    .min(0.5, '学时至少 0.5')
    .max(8, '一次培训最多 8 学时'),
  provider: trimmedText('授课人或机构', 2, 60),
});
export type RecordTrainingRequest = z.infer<typeof recordTrainingRequest>;

/** Office space or a meeting room of the base's centre, on half-hour boundaries, at most 31 days at a time. */
export const bookRoomRequest = z.object({
  room: trimmedText('场地名称', 2, 30),
  from: z.iso.datetime({ error: '开始时间格式不正确' }),
  to: z.iso.datetime({ error: '结束时间格式不正确' }),
  purpose: trimmedText('用途', 2, 100),
});
export type BookRoomRequest = z.infer<typeof bookRoomRequest>;

export const releaseRoomRequest = z.object({
  room: trimmedText('场地名称', 2, 30),
  reason: trimmedText('取消原因', 2, 200),
});
export type ReleaseRoomRequest = z.infer<typeof releaseRoomRequest>;

/** Half an hour: bookings start and end on these boundaries. */
export const BOOKING_SLOT_MINUTES = 30;
export const MAX_BOOKING_DAYS = 31;

export const incubationParams = z.object({ incubationId: entityId('孵化编号') });
export type IncubationParams = z.infer<typeof incubationParams>;

export const bookingParams = incubationParams.extend({ bookingId: entityId('预订编号') });
export type BookingParams = z.infer<typeof bookingParams>;

export const incubationBoardQuery = z.object({ baseId: placeId('孵化基地', [1, 2, 3, 4]) });
export type IncubationBoardQuery = z.infer<typeof incubationBoardQuery>;

export const roomScheduleQuery = z.object({ centreId: placeId('党群服务中心', [3, 4]) });
export type RoomScheduleQuery = z.infer<typeof roomScheduleQuery>;

const state = z.enum(INCUBATION_STATE_CODES);

/** One recorded step or service: who, in which role, when, and why. */
export const incubationEntry = z.object({
  action: z.string(),
  from: state.nullable(),
  to: state,
  by: z.string(),
  /** the account's display name as its token gave it; null on steps recorded before tokens carried one */
  byName: z.string().nullable(),
  role: z.string(),
  at: instant,
  reason: z.string().nullable(),
});
export type IncubationEntry = z.infer<typeof incubationEntry>;

export const bookingView = z.object({
  bookingId: z.string(),
  centreId: z.string(),
  room: z.string(),
  from: instant,
  to: instant,
  purpose: z.string(),
  /** the incubated organisation holding it; another organisation sees only that the room is taken */
  incubationId: z.string().nullable(),
  orgName: z.string().nullable(),
});
export type BookingView = z.infer<typeof bookingView>;

export const assessmentView = z.object({
  scores: z.record(z.string(), z.number().int()),
  total: z.number().int(),
  passed: z.boolean(),
  comment: z.string(),
  by: z.string(),
  at: instant,
});
export type AssessmentView = z.infer<typeof assessmentView>;

export const incubationView = z.object({
  incubationId: z.string(),
  revision: z.number().int(),
  orgId: z.string(),
  orgName: z.string(),
  baseId: z.string(),
  state,
  plan: z.string(),
  needs: z.array(z.string()),
  teamSize: z.number().int(),
  attachments: z.array(z.string()),
  appliedAt: instant,
  period: z.object({ from: z.string(), until: z.string() }).nullable(),
  mentor: z
    .object({ name: z.string(), affiliation: z.string(), expertise: z.string(), since: instant })
    .nullable(),
  trainings: z.array(
    z.object({
      title: z.string(),
      on: z.string(),
      hours: z.number(),
      provider: z.string(),
      recordedAt: instant,
    }),
  ),
  assessment: assessmentView.nullable(),
  bookings: z.array(bookingView),
  history: z.array(incubationEntry),
  /** the steps the state allows (the caller's roles may allow fewer) */
  allowedActions: z.array(z.enum(ACTION_CODES)),
});
export type IncubationView = z.infer<typeof incubationView>;

/** A row of the centre's review board: how long an application has waited, how far an incubation has come. */
export const incubationSummary = incubationView
  .pick({
    incubationId: true,
    revision: true,
    orgId: true,
    orgName: true,
    baseId: true,
    state: true,
    appliedAt: true,
    period: true,
    allowedActions: true,
  })
  .extend({ waitingDays: z.number().int().nullable(), assessmentTotal: z.number().int().nullable() });
export type IncubationSummary = z.infer<typeof incubationSummary>;
