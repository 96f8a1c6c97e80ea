import { z } from 'zod';
import {
  fenAmount,
  fenSchema,
  idSchema,
  instantSchema,
  OWNER_LEVELS,
  ownerScopeSchema,
  stepRecordSchema,
} from './funding-basics';

/** 政府购买服务 / 公益创投 / 民生微实事 / 项目银行: the kinds of call for proposals (申报指南). */
export const CALL_KINDS = {
  government_purchase: '政府购买服务',
  venture_philanthropy: '公益创投',
  livelihood_micro: '民生微实事',
  project_bank: '项目银行',
} as const;
export type CallKind = keyof typeof CALL_KINDS;
export const CALL_KIND_CODES = Object.keys(CALL_KINDS) as [CallKind, ...CallKind[]];

/**
 * Where a call stands. It is drafted, opened for applications until its closing time, closed, scored by experts,
 * ranked, publicly noticed (公示) for its stated working days, awarded within its budget, and concluded once every
 * award is settled. Until the 公示 begins it may be cancelled.
 */
export const CALL_STATES = {
  draft: '草稿',
  open: '申报中',
  closed: '申报截止',
  scoring: '专家评审中',
  ranked: '已排名',
  publicised: '公示中',
  awarded: '已立项',
  concluded: '已结束',
  cancelled: '已撤销',
} as const;
export type CallState = keyof typeof CALL_STATES;
export const CALL_STATE_CODES = Object.keys(CALL_STATES) as [CallState, ...CallState[]];

export const CALL_ACTIONS = {
  open: '发布申报',
  close: '截止申报',
  start_scoring: '开始评审',
  rank: '汇总排名',
  publicise: '发布公示',
  award: '确定立项',
  conclude: '结束项目',
  cancel: '撤销',
} as const;
export type CallAction = keyof typeof CALL_ACTIONS;
export const CALL_ACTION_CODES = Object.keys(CALL_ACTIONS) as [CallAction, ...CallAction[]];

/** from → action → to. Anything not listed is refused with 409, saying what the call can do now. */
export const CALL_TRANSITIONS: Readonly<Record<CallState, Partial<Record<CallAction, CallState>>>> = {
  draft: { open: 'open', cancel: 'cancelled' },
  open: { close: 'closed', cancel: 'cancelled' },
  closed: { start_scoring: 'scoring', cancel: 'cancelled' },
  scoring: { rank: 'ranked', cancel: 'cancelled' },
  ranked: { publicise: 'publicised', cancel: 'cancelled' },
  publicised: { award: 'awarded' },
  awarded: { conclude: 'concluded' },
  concluded: {},
  cancelled: {},
};

export const callNextState = (from: CallState, action: CallAction): CallState | undefined =>
  CALL_TRANSITIONS[from][action];

export const callAllowedActions = (state: CallState): CallAction[] =>
  Object.keys(CALL_TRANSITIONS[state]) as CallAction[];

// ---------------------------------------------------------------------------------------------------------------
// Eligibility (资格条件): data on the call, each rule checked against the organisation with a reason
// ---------------------------------------------------------------------------------------------------------------

export const PARTY_ORGANISATION_CODES = ['branch', 'joint_branch', 'group'] as const;

const fieldName = z.string().trim().min(1, '请填写服务领域').max(20, '服务领域最多 20 个字');

export const eligibilityRuleSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('registration'),
      accepted: z
        .array(z.enum(['registered', 'community_filed'], { error: '登记类型不正确' }))
        .min(1, '请选择接受的登记类型'),
    }),
    z.object({
      kind: z.literal('party_building'),
      accepted: z
        .array(z.enum(PARTY_ORGANISATION_CODES, { error: '党组织类型不正确' }))
        .min(1, '请选择接受的党组织类型'),
    }),
    z.object({ kind: z.literal('incubation_graduated') }),
    z.object({ kind: z.literal('in_area') }),
    z.object({ kind: z.literal('field_of_service'), fields: z.array(fieldName).min(1).max(20) }),
    z.object({ kind: z.literal('max_request'), maxFen: fenAmount('单个项目申请上限') }),
  ],
  { error: '资格条件类型不正确' },
);
export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;
export type EligibilityRuleKind = EligibilityRule['kind'];

export const ELIGIBILITY_RULE_NAMES: Readonly<Record<EligibilityRuleKind, string>> = {
  registration: '登记类型',
  party_building: '党组织覆盖',
  incubation_graduated: '孵化出壳',
  in_area: '服务区域',
  field_of_service: '服务领域',
  max_request: '申请金额上限',
};

/** One rule as checked against one organisation and application. */
export const eligibilityResultSchema = z.object({
  rule: z.enum(Object.keys(ELIGIBILITY_RULE_NAMES) as [EligibilityRuleKind, ...EligibilityRuleKind[]]),
  passed: z.boolean(),
  reason: z.string(),
});
export type EligibilityResult = z.infer<typeof eligibilityResultSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Scoring rules stated on the call
// ---------------------------------------------------------------------------------------------------------------

/**
 * 评分标准: each criterion is scored from 0 to its weight (分值), in steps of 0.1, so a reviewer's total is out of
 * 100 when the weights sum to 100, which the call must.
 */
export const criterionSchema = z.object({
  key: z
    .string({ error: '请填写评分项编码' })
    .regex(/^[a-z][a-z0-9_]{0,31}$/, '评分项编码为小写字母开头的字母、数字或下划线，最多 32 位'),
  name: z
    .string({ error: '请填写评分项名称' })
    .trim()
    .min(1, '请填写评分项名称')
    .max(40, '评分项名称最多 40 个字'),
  weight: z
    .number({ error: '请填写评分项分值' })
    .int('评分项分值须为整数')
    .min(1, '评分项分值至少为 1')
    .max(100, '评分项分值最多为 100'),
  description: z.string().trim().max(300, '评分说明最多 300 个字').default(''),
});
export type Criterion = z.infer<typeof criterionSchema>;

/** How the reviewers' totals become an application's score. */
export const AGGREGATION_RULES = {
  mean: '取全部评审专家评分的算术平均分',
  trimmed_mean: '去掉一个最高分和一个最低分后取算术平均分（至少 3 位专家评分）',
} as const;
export type AggregationRule = keyof typeof AGGREGATION_RULES;

/**
 * Ties on the total are broken by these steps in order: the higher aggregated score on a criterion, the earlier
 * submission, the lower request. Applications still level after every step are ordered by application number.
 */
export const tieBreakStepSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('criterion'), key: criterionSchema.shape.key }),
    z.object({ kind: z.literal('earlier_submission') }),
    z.object({ kind: z.literal('lower_request') }),
  ],
  { error: '并列排序规则不正确' },
);
export type TieBreakStep = z.infer<typeof tieBreakStepSchema>;

export const describeTieBreak = (steps: readonly TieBreakStep[], criteria: readonly Criterion[]): string =>
  [
    ...steps.map((step) => {
      switch (step.kind) {
        case 'criterion':
          return `“${criteria.find((c) => c.key === step.key)?.name ?? step.key}”得分高者在前`;
        case 'earlier_submission':
          return '提交时间早者在前';
        case 'lower_request':
          return '申请金额低者在前';
      }
    }),
    '仍相同时按申报编号排序',
  ].join('；');

// ---------------------------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------------------------

const callShape = {
  kind: z.enum(CALL_KIND_CODES, { error: '请选择项目类型' }),
  title: z
    .string({ error: '请填写申报指南名称' })
    .trim()
    .min(2, '名称至少 2 个字')
    .max(80, '名称最多 80 个字'),
  description: z.string().trim().max(2000, '说明最多 2000 个字').default(''),
  ownerScope: ownerScopeSchema,
  budgetFen: fenAmount('项目总预算'),
  opensAt: instantSchema,
  closesAt: instantSchema,
  publicityDays: z
    .number({ error: '请填写公示期（工作日）' })
    .int('公示期须为整数个工作日')
    .min(1, '公示期至少 1 个工作日')
    .max(30, '公示期最多 30 个工作日')
    .default(5),
  passMark: z
    .number({ error: '请填写立项最低分' })
    .int('立项最低分须为整数')
    .min(0, '立项最低分为 0–100')
    .max(100, '立项最低分为 0–100')
    .default(60),
  aggregation: z.enum(['mean', 'trimmed_mean'], { error: '请选择评分汇总规则' }),
  minReviewers: z
    .number({ error: '请填写每个项目至少需要的评审专家人数' })
    .int()
    .min(1, '每个项目至少 1 位评审专家')
    .max(15, '每个项目最多 15 位评审专家')
    .default(3),
  criteria: z.array(criterionSchema, { error: '请填写评分标准' }).min(1, '请至少填写一项评分标准').max(12),
  tieBreak: z.array(tieBreakStepSchema, { error: '请填写并列排序规则' }).min(1, '请填写并列排序规则').max(14),
  eligibility: z.array(eligibilityRuleSchema).max(10).default([]),
};

type CallShape = z.infer<z.ZodObject<typeof callShape>>;

/** What a call's fields must agree on beyond their own shapes; the portal's form shows the same messages. */
export function callProblems(call: CallShape): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  if (new Date(call.closesAt) <= new Date(call.opensAt))
    problems.push({ path: ['closesAt'], message: '申报截止时间须晚于开始时间' });
  const weights = call.criteria.reduce((sum, c) => sum + c.weight, 0);
  if (weights !== 100)
    problems.push({ path: ['criteria'], message: `评分标准的分值合计须为 100，当前合计为 ${weights}` });
  const keys = call.criteria.map((c) => c.key);
  if (new Set(keys).size !== keys.length)
    problems.push({ path: ['criteria'], message: '评分项编码不能重复' });
  if (call.aggregation === 'trimmed_mean' && call.minReviewers < 3)
    problems.push({
      path: ['minReviewers'],
      message: '“去掉最高分和最低分”至少需要 3 位评审专家',
    });
  const steps = call.tieBreak.map((s) => (s.kind === 'criterion' ? `criterion:${s.key}` : s.kind));
  if (new Set(steps).size !== steps.length)
    problems.push({ path: ['tieBreak'], message: '并列排序规则中有重复的规则' });
  call.tieBreak.forEach((step, index) => {
    if (step.kind === 'criterion' && !keys.includes(step.key))
      problems.push({
        path: ['tieBreak', index, 'key'],
        message: `并列排序规则中的评分项“${step.key}”不存在`,
      });
  });
  const kinds = call.eligibility.map((r) => r.kind);
  if (new Set(kinds).size !== kinds.length)
    problems.push({ path: ['eligibility'], message: '同一类资格条件只能设置一次' });
  return problems;
}

const withCallChecks = <S extends z.ZodType<CallShape>>(schema: S) =>
  schema.superRefine((call, ctx) => {
    for (const problem of callProblems(call)) ctx.addIssue({ code: 'custom', ...problem });
  });

export const createCallRequest = withCallChecks(z.object(callShape));
export type CreateCallRequest = z.infer<typeof createCallRequest>;

/** A draft is replaced whole, on the revision its editor saw. */
export const updateCallRequest = withCallChecks(
  z.object({
    ...callShape,
    revision: z.number({ error: '缺少版本号，请刷新后再改' }).int().min(1),
  }),
);
export type UpdateCallRequest = z.infer<typeof updateCallRequest>;

/**
 * The steps taken at `POST /calls/:callId/actions`. The two that need the applications and the reviews have routes of
 * their own in the scoring API: `start_scoring` is `POST /calls/:callId/scoring`, `rank` is
 * `POST /calls/:callId/ranking`.
 */
export const CALL_STEP_ACTIONS = ['open', 'close', 'publicise', 'award', 'conclude', 'cancel'] as const;

export const callActionRequest = z
  .object({
    action: z.enum(CALL_STEP_ACTIONS, { error: '不支持的操作' }),
    reason: z.string().trim().max(500, '原因最多 500 个字').optional(),
  })
  .superRefine((body, ctx) => {
    if (body.action === 'cancel' && !body.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '撤销申报指南须写明原因' });
  });
export type CallActionRequest = z.infer<typeof callActionRequest>;

export const callListQuery = z.object({
  state: z.enum(CALL_STATE_CODES, { error: '状态不正确' }).optional(),
  kind: z.enum(CALL_KIND_CODES, { error: '项目类型不正确' }).optional(),
});
export type CallListQuery = z.infer<typeof callListQuery>;

/** 公示期异议: anyone signed in may raise one while the notice runs; it names an application or the whole list. */
export const raiseObjectionRequest = z.object({
  applicationId: idSchema('申报编号').optional(),
  text: z
    .string({ error: '请填写异议内容' })
    .trim()
    .min(10, '异议内容至少 10 个字')
    .max(2000, '异议内容最多 2000 个字'),
});
export type RaiseObjectionRequest = z.infer<typeof raiseObjectionRequest>;

/** An upheld objection against an application takes it off the award list; nothing is added without a new 公示. */
export const answerObjectionRequest = z.object({
  answer: z
    .string({ error: '请填写答复内容' })
    .trim()
    .min(5, '答复内容至少 5 个字')
    .max(2000, '答复内容最多 2000 个字'),
  upheld: z.boolean({ error: '请说明异议是否成立' }),
});
export type AnswerObjectionRequest = z.infer<typeof answerObjectionRequest>;

export const cancelAwardRequest = z.object({
  reason: z.string({ error: '请填写取消立项的原因' }).trim().min(2, '请填写取消立项的原因').max(500),
});
export type CancelAwardRequest = z.infer<typeof cancelAwardRequest>;

// ---------------------------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------------------------

export const objectionView = z.object({
  objectionId: z.string(),
  applicationId: z.string().nullable(),
  text: z.string(),
  raisedBy: z.string(),
  /** the organisation the objector works for, when they raised it as its staff */
  raisedByOrg: z.string().nullable(),
  raisedAt: instantSchema,
  answer: z.string().nullable(),
  upheld: z.boolean().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: instantSchema.nullable(),
});
export type ObjectionView = z.infer<typeof objectionView>;

export const AWARD_STATUSES = {
  awarded: '已立项，待签订协议',
  contracted: '已签订协议',
  settled: '已结清',
  cancelled: '已取消立项',
} as const;
export type AwardStatus = keyof typeof AWARD_STATUSES;

export const awardView = z.object({
  applicationId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  awardedFen: fenSchema,
  /** what the agreement settled on (at most the award); null before it is signed */
  contractedFen: fenSchema.nullable(),
  paidFen: fenSchema,
  /** given back to the call: a cancelled award, a contract below the award, a terminated agreement's unpaid part */
  releasedFen: fenSchema,
  agreementId: z.string().nullable(),
  status: z.enum(Object.keys(AWARD_STATUSES) as [AwardStatus, ...AwardStatus[]]),
});
export type AwardView = z.infer<typeof awardView>;

/** budget = awarded + remaining, always, to the 分; paid is part of awarded. */
export const callMoneyView = z.object({
  budgetFen: fenSchema,
  awardedFen: fenSchema,
  remainingFen: fenSchema,
  paidFen: fenSchema,
});
export type CallMoneyView = z.infer<typeof callMoneyView>;

export const callView = z.object({
  callId: z.string(),
  revision: z.number().int().min(1),
  kind: z.enum(CALL_KIND_CODES),
  title: z.string(),
  description: z.string(),
  ownerScope: z.string(),
  ownerLevel: z.enum(Object.keys(OWNER_LEVELS) as ['district', 'street']),
  opensAt: instantSchema,
  closesAt: instantSchema,
  publicityDays: z.number().int(),
  passMark: z.number().int(),
  aggregation: z.enum(['mean', 'trimmed_mean']),
  aggregationRule: z.string(),
  minReviewers: z.number().int(),
  criteria: z.array(criterionSchema),
  tieBreak: z.array(tieBreakStepSchema),
  tieBreakRule: z.string(),
  eligibility: z.array(eligibilityRuleSchema),
  state: z.enum(CALL_STATE_CODES),
  allowedActions: z.array(z.enum(CALL_ACTION_CODES)),
  money: callMoneyView,
  /** the 公示: from when, through which working day (inclusive, Shanghai), and the instant it ends */
  publicity: z.object({ startedAt: instantSchema, lastDay: z.string(), endsAt: instantSchema }).nullable(),
  objections: z.array(objectionView),
  awards: z.array(awardView),
  createdAt: instantSchema,
  history: z.array(stepRecordSchema),
});
export type CallView = z.infer<typeof callView>;

/** What the 公示 shows anyone: the proposed awards in rank order. */
export const publicityView = z.object({
  callId: z.string(),
  title: z.string(),
  kind: z.enum(CALL_KIND_CODES),
  ownerScope: z.string(),
  startedAt: instantSchema,
  lastDay: z.string(),
  endsAt: instantSchema,
  entries: z.array(
    z.object({
      rank: z.number().int().min(1),
      applicationId: z.string(),
      orgName: z.string(),
      title: z.string(),
      total: z.number(),
      amountFen: fenSchema,
    }),
  ),
  openObjections: z.number().int().min(0),
});
export type PublicityView = z.infer<typeof publicityView>;

export const eligibilityRunView = z.object({
  callId: z.string(),
  checked: z.number().int().min(0),
  passed: z.number().int().min(0),
  failed: z.number().int().min(0),
});
export type EligibilityRunView = z.infer<typeof eligibilityRunView>;
