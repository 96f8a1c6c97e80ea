import { z } from 'zod';
import { eligibilityResultSchema } from './calls';
import {
  fenAmount,
  fenSchema,
  fileIdSchema,
  idSchema,
  instantSchema,
  stepRecordSchema,
  yuan,
} from './funding-basics';

/**
 * Where an application stands. Its organisation drafts, submits or withdraws it; the eligibility check passes or
 * fails it. The later stages are read from the call — all reviews in (`scored`), the call ranked (`ranked`), the call
 * awarded (`awarded` / `not_awarded`) — so a call's ranking and award are one write, not one per application.
 */
export const APPLICATION_STATES = {
  draft: '草稿',
  submitted: '已提交',
  eligible: '资格审查通过',
  ineligible: '资格审查未通过',
  scored: '评审完成',
  ranked: '已排名',
  awarded: '已立项',
  not_awarded: '未立项',
  withdrawn: '已撤回',
} as const;
export type ApplicationState = keyof typeof APPLICATION_STATES;
export const APPLICATION_STATE_CODES = Object.keys(APPLICATION_STATES) as [
  ApplicationState,
  ...ApplicationState[],
];

/** The states an application's own record holds. */
export type StoredApplicationState = Extract<
  ApplicationState,
  'draft' | 'submitted' | 'eligible' | 'ineligible' | 'withdrawn'
>;

export const APPLICATION_ACTIONS = {
  submit: '提交申报',
  withdraw: '撤回申报',
  pass: '资格审查通过',
  fail: '资格审查未通过',
} as const;
export type ApplicationAction = keyof typeof APPLICATION_ACTIONS;

/** The steps the organisation takes (the eligibility check takes `pass`/`fail`). */
export const ORGANISATION_APPLICATION_ACTIONS = ['submit', 'withdraw'] as const;

export const APPLICATION_TRANSITIONS: Readonly<
  Record<StoredApplicationState, Partial<Record<ApplicationAction, StoredApplicationState>>>
> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { withdraw: 'withdrawn', pass: 'eligible', fail: 'ineligible' },
  eligible: {},
  ineligible: {},
  withdrawn: {},
};

export const applicationNextState = (from: StoredApplicationState, action: ApplicationAction) =>
  APPLICATION_TRANSITIONS[from][action];

export const applicationAllowedActions = (state: StoredApplicationState): ApplicationAction[] =>
  Object.keys(APPLICATION_TRANSITIONS[state]) as ApplicationAction[];

// ---------------------------------------------------------------------------------------------------------------
// The application form: the portal validates with these schemas as the user types
// ---------------------------------------------------------------------------------------------------------------

export const budgetLineSchema = z.object({
  item: z.string({ error: '请填写预算科目' }).trim().min(1, '请填写预算科目').max(60, '预算科目最多 60 个字'),
  amountFen: fenAmount('预算金额'),
  note: z.string().trim().max(200, '说明最多 200 个字').default(''),
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

/** The refusal when the lines do not add up to the request, naming both sums and the difference; null when they do. */
export function budgetMismatch(lines: readonly { amountFen: number }[], requestFen: number): string | null {
  const total = lines.reduce((sum, line) => sum + line.amountFen, 0);
  if (total === requestFen) return null;
  return `预算明细合计 ${yuan(total)}，与申请金额 ${yuan(requestFen)} 不一致，相差 ${yuan(Math.abs(total - requestFen))}`;
}

export const kpiSchema = z.object({
  name: z
    .string({ error: '请填写绩效指标名称' })
    .trim()
    .min(1, '请填写绩效指标名称')
    .max(40, '指标名称最多 40 个字'),
  target: z.number({ error: '请填写指标目标值' }).min(0, '目标值不能为负').max(1_000_000_000),
  unit: z.string({ error: '请填写计量单位' }).trim().min(1, '请填写计量单位').max(10, '计量单位最多 10 个字'),
});
export type Kpi = z.infer<typeof kpiSchema>;

const contentShape = {
  title: z
    .string({ error: '请填写项目名称' })
    .trim()
    .min(2, '项目名称至少 2 个字')
    .max(80, '项目名称最多 80 个字'),
  summary: z
    .string({ error: '请填写项目简介' })
    .trim()
    .min(10, '项目简介至少 10 个字')
    .max(2000, '项目简介最多 2000 个字'),
  field: z.string().trim().max(20, '服务领域最多 20 个字').default(''),
  requestFen: fenAmount('申请金额'),
  budgetLines: z
    .array(budgetLineSchema, { error: '请填写预算明细' })
    .min(1, '请至少填写一项预算明细')
    .max(50, '预算明细最多 50 项'),
  targets: z
    .array(z.string().trim().min(2, '项目目标至少 2 个字').max(200, '项目目标最多 200 个字'), {
      error: '请填写项目目标',
    })
    .min(1, '请至少填写一项项目目标')
    .max(10, '项目目标最多 10 项'),
  kpis: z
    .array(kpiSchema, { error: '请填写绩效指标' })
    .min(1, '请至少填写一项绩效指标')
    .max(20, '绩效指标最多 20 项'),
  attachments: z.array(fileIdSchema).max(20, '附件最多 20 个').default([]),
};

const withBudgetCheck = <S extends z.ZodType<{ requestFen: number; budgetLines: { amountFen: number }[] }>>(
  schema: S,
) =>
  schema.superRefine((body, ctx) => {
    const mismatch = budgetMismatch(body.budgetLines, body.requestFen);
    if (mismatch) ctx.addIssue({ code: 'custom', path: ['budgetLines'], message: mismatch });
  });

/** The content an organisation writes; the form checks it as it is typed. */
export const applicationContentSchema = withBudgetCheck(z.object(contentShape));
export type ApplicationContent = z.infer<typeof applicationContentSchema>;

export const createApplicationRequest = withBudgetCheck(
  z.object({ callId: idSchema('申报指南编号'), orgId: idSchema('组织编号'), ...contentShape }),
);
export type CreateApplicationRequest = z.infer<typeof createApplicationRequest>;

export const updateApplicationRequest = withBudgetCheck(
  z.object({ revision: z.number({ error: '缺少版本号，请刷新后再改' }).int().min(1), ...contentShape }),
);
export type UpdateApplicationRequest = z.infer<typeof updateApplicationRequest>;

export const applicationActionRequest = z.object({
  action: z.enum(ORGANISATION_APPLICATION_ACTIONS, { error: '不支持的操作' }),
  revision: z.number({ error: '缺少版本号，请刷新后再操作' }).int().min(1),
});
export type ApplicationActionRequest = z.infer<typeof applicationActionRequest>;

export const applicationListQuery = z.object({
  callId: idSchema('申报指南编号').optional(),
  orgId: idSchema('组织编号').optional(),
});
export type ApplicationListQuery = z.infer<typeof applicationListQuery>;

// ---------------------------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------------------------

export const applicationView = z.object({
  applicationId: z.string(),
  revision: z.number().int().min(1),
  callId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  summary: z.string(),
  field: z.string(),
  requestFen: fenSchema,
  budgetLines: z.array(budgetLineSchema),
  targets: z.array(z.string()),
  kpis: z.array(kpiSchema),
  attachments: z.array(z.string()),
  state: z.enum(APPLICATION_STATE_CODES),
  allowedActions: z.array(z.enum(ORGANISATION_APPLICATION_ACTIONS)),
  createdAt: instantSchema,
  submittedAt: instantSchema.nullable(),
  eligibility: z
    .object({
      passed: z.boolean(),
      checkedAt: instantSchema,
      checkedBy: z.string(),
      results: z.array(eligibilityResultSchema),
    })
    .nullable(),
  /** reviews of the application, counted: who is still to declare or score is not shown to the organisation */
  reviews: z
    .object({
      assigned: z.number().int().min(0),
      conflicted: z.number().int().min(0),
      submitted: z.number().int().min(0),
    })
    .nullable(),
  /** its place once the call is ranked (its organisation sees it from the 公示 on) */
  result: z
    .object({
      rank: z.number().int().min(1),
      total: z.number(),
      passed: z.boolean(),
      funded: z.boolean(),
      fundedFen: fenSchema,
    })
    .nullable(),
  history: z.array(stepRecordSchema),
});
export type ApplicationView = z.infer<typeof applicationView>;
