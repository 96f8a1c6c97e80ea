import { z } from 'zod';
import { type Criterion, criterionSchema, tieBreakStepSchema } from './calls';
import { fenSchema, idSchema, instantSchema } from './funding-basics';

/**
 * One reviewer's part in one application. The reviewer first declares whether they have a conflict of interest;
 * a conflicted reviewer is out (回避) and the declaration stays on record; the others score each criterion once.
 * The call's administrator may revoke an assignment no score has been given under.
 */
export const REVIEW_STATES = {
  assigned: '待声明利益冲突',
  declared: '待评分',
  conflicted: '已回避',
  submitted: '已评分',
  revoked: '已撤销指派',
} as const;
export type ReviewState = keyof typeof REVIEW_STATES;
export const REVIEW_STATE_CODES = Object.keys(REVIEW_STATES) as [ReviewState, ...ReviewState[]];

export const REVIEW_ACTIONS = {
  declare_none: '声明无利益冲突',
  declare_conflict: '声明存在利益冲突（回避）',
  submit: '提交评分',
  revoke: '撤销指派',
} as const;
export type ReviewAction = keyof typeof REVIEW_ACTIONS;

export const REVIEW_TRANSITIONS: Readonly<Record<ReviewState, Partial<Record<ReviewAction, ReviewState>>>> = {
  assigned: { declare_none: 'declared', declare_conflict: 'conflicted', revoke: 'revoked' },
  declared: { submit: 'submitted', revoke: 'revoked' },
  conflicted: {},
  submitted: {},
  revoked: {},
};

export const reviewNextState = (from: ReviewState, action: ReviewAction) => REVIEW_TRANSITIONS[from][action];
export const reviewAllowedActions = (state: ReviewState): ReviewAction[] =>
  Object.keys(REVIEW_TRANSITIONS[state]) as ReviewAction[];

/** The states in which a review still holds the ranking up. */
export const PENDING_REVIEW_STATES: readonly ReviewState[] = ['assigned', 'declared'];

export const assignReviewersRequest = z.object({
  reviewers: z
    .array(idSchema('评审专家账号'), { error: '请选择评审专家' })
    .min(1, '请至少选择一位评审专家')
    .max(15, '每个项目最多 15 位评审专家')
    .refine((ids) => new Set(ids).size === ids.length, '评审专家不能重复')
    .meta({ uniqueItems: true }),
});
export type AssignReviewersRequest = z.infer<typeof assignReviewersRequest>;

/** 利益冲突声明, recorded before any score: a conflicted reviewer says why. */
export const declarationRequest = z
  .object({
    conflict: z.boolean({ error: '请声明是否存在利益冲突' }),
    statement: z.string().trim().max(500, '声明内容最多 500 个字').default(''),
  })
  .superRefine((body, ctx) => {
    if (body.conflict && body.statement.length < 2)
      ctx.addIssue({ code: 'custom', path: ['statement'], message: '请说明存在的利益关系' });
  });
export type DeclarationRequest = z.infer<typeof declarationRequest>;

/** The score of one criterion: from 0 to its weight, to one decimal place. */
export const criterionScore = (criterion: Pick<Criterion, 'name' | 'weight'>) =>
  z
    .number({ error: `请为“${criterion.name}”打分` })
    .min(0, `“${criterion.name}”的得分为 0–${criterion.weight}`)
    .max(criterion.weight, `“${criterion.name}”的得分为 0–${criterion.weight}`)
    .multipleOf(0.1, `“${criterion.name}”的得分最多保留一位小数`);

/** The score sheet of one call, built from its criteria: the portal and the service check a sheet with it. */
export const scoreSheetFor = (criteria: readonly Criterion[]) =>
  z.object({
    scores: z.strictObject(Object.fromEntries(criteria.map((c) => [c.key, criterionScore(c)])), {
      error: (issue) => (issue.code === 'unrecognized_keys' ? '评分表中有不属于本次评审的评分项' : undefined),
    }),
    comment: z.string().trim().max(1000, '评审意见最多 1000 个字').default(''),
  });

/** The sheet as the route takes it; its scores are then checked against the call's criteria. */
export const scoreSheetRequest = z.object({
  scores: z.record(
    z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, '评分项编码不正确'),
    z.number().min(0).max(100),
    {
      error: '请逐项打分',
    },
  ),
  comment: z.string().trim().max(1000, '评审意见最多 1000 个字').default(''),
});
export type ScoreSheetRequest = z.infer<typeof scoreSheetRequest>;

export const reviewView = z.object({
  applicationId: z.string(),
  callId: z.string(),
  reviewerId: z.string(),
  state: z.enum(REVIEW_STATE_CODES),
  allowedActions: z.array(z.enum(['declare_none', 'declare_conflict', 'submit', 'revoke'])),
  assignedAt: instantSchema,
  declaration: z.object({ conflict: z.boolean(), statement: z.string(), at: instantSchema }).nullable(),
  /** hidden from everyone but the reviewer until every review of the application is in */
  scores: z.record(z.string(), z.number()).nullable(),
  total: z.number().nullable(),
  comment: z.string().nullable(),
  submittedAt: instantSchema.nullable(),
});
export type ReviewView = z.infer<typeof reviewView>;

export const applicationReviewsView = z.object({
  applicationId: z.string(),
  /** every assignment declared and scored (or conflicted out): the scores are visible from now on */
  complete: z.boolean(),
  reviews: z.array(reviewView),
});
export type ApplicationReviewsView = z.infer<typeof applicationReviewsView>;

/** A reviewer's work list: the applications assigned to them. */
export const reviewAssignmentView = reviewView.extend({
  title: z.string(),
  orgName: z.string(),
  criteria: z.array(criterionSchema),
});
export type ReviewAssignmentView = z.infer<typeof reviewAssignmentView>;

export const rankingEntryView = z.object({
  rank: z.number().int().min(1),
  applicationId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  requestFen: fenSchema,
  submittedAt: instantSchema,
  /** sheets the score is aggregated from (after dropping the highest and lowest, when the call says so) */
  sheets: z.number().int().min(0),
  total: z.number(),
  criteria: z.record(z.string(), z.number()),
  passed: z.boolean(),
  /** proposed for funding: passed, and its request fits in what the budget has left in rank order */
  funded: z.boolean(),
  fundedFen: fenSchema,
});
export type RankingEntryView = z.infer<typeof rankingEntryView>;

export const rankingView = z.object({
  callId: z.string(),
  rankedAt: instantSchema,
  aggregation: z.enum(['mean', 'trimmed_mean']),
  tieBreak: z.array(tieBreakStepSchema),
  passMark: z.number().int(),
  budgetFen: fenSchema,
  proposedFen: fenSchema,
  entries: z.array(rankingEntryView),
});
export type RankingView = z.infer<typeof rankingView>;
