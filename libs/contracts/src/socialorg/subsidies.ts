import { z } from 'zod';
import { PARTY_ORGANISATION_CODES } from './calls';
import {
  daySchema,
  fenAmount,
  fenSchema,
  fileIdSchema,
  idSchema,
  instantSchema,
  ownerScopeSchema,
  stepRecordSchema,
} from './funding-basics';

/** 以奖代补 by assessment grade, and the start-up fund (微服务经费) for a newly formed party branch (seed 002). */
export const SUBSIDY_KINDS = {
  award_by_grade: '以奖代补',
  party_branch_startup: '新成立党支部微服务经费',
} as const;
export type SubsidyKind = keyof typeof SUBSIDY_KINDS;
export const SUBSIDY_KIND_CODES = Object.keys(SUBSIDY_KINDS) as [SubsidyKind, ...SubsidyKind[]];

/** 3万元: what seed 002 gives a newly formed branch, once. */
export const PARTY_BRANCH_STARTUP_FEN = 3_000_000;

/** 社会组织评估等级, 5A the highest. */
export const ASSESSMENT_GRADES = {
  '5A': '5A级',
  '4A': '4A级',
  '3A': '3A级',
  '2A': '2A级',
  '1A': '1A级',
} as const;
export type AssessmentGrade = keyof typeof ASSESSMENT_GRADES;
export const ASSESSMENT_GRADE_CODES = Object.keys(ASSESSMENT_GRADES) as [
  AssessmentGrade,
  ...AssessmentGrade[],
];

export const SCHEME_STATES = { open: '受理中', closed: '已截止' } as const;
export type SchemeState = keyof typeof SCHEME_STATES;

/** A claim is checked against the organisation when made; the administrator approves (funds committed) and pays. */
export const CLAIM_STATES = {
  claimed: '待审核',
  approved: '已核准，待拨付',
  paid: '已拨付',
  rejected: '未通过',
} as const;
export type ClaimState = keyof typeof CLAIM_STATES;
export const CLAIM_STATE_CODES = Object.keys(CLAIM_STATES) as [ClaimState, ...ClaimState[]];

export const CLAIM_ACTIONS = { approve: '核准', reject: '不予通过', pay: '拨付' } as const;
export type ClaimAction = keyof typeof CLAIM_ACTIONS;

export const CLAIM_TRANSITIONS: Readonly<Record<ClaimState, Partial<Record<ClaimAction, ClaimState>>>> = {
  claimed: { approve: 'approved', reject: 'rejected' },
  approved: { pay: 'paid' },
  paid: {},
  rejected: {},
};
export const claimNextState = (from: ClaimState, action: ClaimAction) => CLAIM_TRANSITIONS[from][action];
export const claimAllowedActions = (state: ClaimState): ClaimAction[] =>
  Object.keys(CLAIM_TRANSITIONS[state]) as ClaimAction[];

const schemeBase = {
  name: z.string({ error: '请填写项目名称' }).trim().min(2, '名称至少 2 个字').max(80, '名称最多 80 个字'),
  ownerScope: ownerScopeSchema,
  budgetFen: fenAmount('资金总额'),
};

export const createSchemeRequest = z
  .discriminatedUnion(
    'kind',
    [
      z.object({
        kind: z.literal('award_by_grade'),
        ...schemeBase,
        /** grade → amount: the 以奖代补 table */
        gradeAmounts: z
          .array(
            z.object({
              grade: z.enum(ASSESSMENT_GRADE_CODES, { error: '评估等级不正确' }),
              amountFen: fenAmount('奖补金额'),
            }),
          )
          .min(1, '请至少填写一个等级的奖补金额')
          .max(5),
      }),
      z.object({
        kind: z.literal('party_branch_startup'),
        ...schemeBase,
        amountFen: fenAmount('每个组织的经费').default(PARTY_BRANCH_STARTUP_FEN),
        /** a branch formed on a day in [formedFrom, formedTo] counts as newly formed */
        formedFrom: daySchema,
        formedTo: daySchema,
        branchKinds: z
          .array(z.enum(PARTY_ORGANISATION_CODES, { error: '党组织类型不正确' }))
          .min(1)
          .default(['branch', 'joint_branch']),
      }),
    ],
    { error: '请选择奖补类型' },
  )
  .superRefine((scheme, ctx) => {
    if (scheme.kind === 'award_by_grade') {
      const grades = scheme.gradeAmounts.map((g) => g.grade);
      if (new Set(grades).size !== grades.length)
        ctx.addIssue({ code: 'custom', path: ['gradeAmounts'], message: '同一评估等级只能填写一次' });
    } else if (scheme.formedTo < scheme.formedFrom) {
      ctx.addIssue({ code: 'custom', path: ['formedTo'], message: '成立日期范围的结束日不能早于开始日' });
    }
  });
export type CreateSchemeRequest = z.infer<typeof createSchemeRequest>;

export const claimRequest = z.object({
  schemeId: idSchema('奖补项目编号'),
  orgId: idSchema('组织编号'),
  /** 以奖代补: the grade the organisation was assessed at */
  grade: z.enum(ASSESSMENT_GRADE_CODES, { error: '评估等级不正确' }).optional(),
  evidence: z.array(fileIdSchema).max(10, '证明材料最多 10 份').default([]),
});
export type ClaimRequest = z.infer<typeof claimRequest>;

export const claimDecisionRequest = z
  .object({
    action: z.enum(['approve', 'reject', 'pay'], { error: '不支持的操作' }),
    reason: z.string().trim().max(500, '原因最多 500 个字').optional(),
    voucher: z.string().trim().min(1).max(40, '凭证号最多 40 个字').optional(),
    paidOn: daySchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.action === 'reject' && !body.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '不予通过须写明原因' });
    if (body.action === 'pay' && !body.voucher)
      ctx.addIssue({ code: 'custom', path: ['voucher'], message: '请填写拨付凭证号' });
    if (body.action === 'pay' && !body.paidOn)
      ctx.addIssue({ code: 'custom', path: ['paidOn'], message: '请填写拨付日期' });
  });
export type ClaimDecisionRequest = z.infer<typeof claimDecisionRequest>;

export const schemeView = z.object({
  schemeId: z.string(),
  revision: z.number().int().min(1),
  kind: z.enum(SUBSIDY_KIND_CODES),
  name: z.string(),
  ownerScope: z.string(),
  state: z.enum(['open', 'closed']),
  gradeAmounts: z.array(z.object({ grade: z.enum(ASSESSMENT_GRADE_CODES), amountFen: fenSchema })),
  amountFen: fenSchema.nullable(),
  formedFrom: z.string().nullable(),
  formedTo: z.string().nullable(),
  branchKinds: z.array(z.enum(PARTY_ORGANISATION_CODES)),
  /** budget = granted + remaining; paid is part of granted */
  money: z.object({
    budgetFen: fenSchema,
    grantedFen: fenSchema,
    remainingFen: fenSchema,
    paidFen: fenSchema,
  }),
  createdAt: instantSchema,
});
export type SchemeView = z.infer<typeof schemeView>;

export const claimView = z.object({
  claimId: z.string(),
  revision: z.number().int().min(1),
  schemeId: z.string(),
  kind: z.enum(SUBSIDY_KIND_CODES),
  orgId: z.string(),
  orgName: z.string(),
  grade: z.enum(ASSESSMENT_GRADE_CODES).nullable(),
  amountFen: fenSchema,
  state: z.enum(CLAIM_STATE_CODES),
  allowedActions: z.array(z.enum(['approve', 'reject', 'pay'])),
  /** why the organisation qualified when it claimed */
  basis: z.string(),
  evidence: z.array(z.string()),
  payment: z.object({ voucher: z.string(), paidOn: z.string() }).nullable(),
  claimedAt: instantSchema,
  history: z.array(stepRecordSchema),
});
export type ClaimView = z.infer<typeof claimView>;

export const claimListQuery = z.object({
  schemeId: idSchema('奖补项目编号').optional(),
  orgId: idSchema('组织编号').optional(),
});
export type ClaimListQuery = z.infer<typeof claimListQuery>;
