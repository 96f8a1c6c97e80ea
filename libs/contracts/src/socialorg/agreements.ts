import { z } from 'zod';
import {
  daySchema,
  fenAmount,
  fenSchema,
  fileIdSchema,
  idSchema,
  instantSchema,
  stepRecordSchema,
  yuan,
} from './funding-basics';

/**
 * A project agreement (项目协议) for an award: the organisation delivers against milestones, the call pays in
 * tranches, a final evaluation grades it. `completed` settles it; `terminated` ends it early. Either way what was
 * not paid goes back to the call.
 */
export const AGREEMENT_STATES = {
  active: '履约中',
  evaluated: '已结项评估',
  completed: '已结清',
  terminated: '已终止',
} as const;
export type AgreementState = keyof typeof AGREEMENT_STATES;
export const AGREEMENT_STATE_CODES = Object.keys(AGREEMENT_STATES) as [AgreementState, ...AgreementState[]];

export const AGREEMENT_ACTIONS = {
  evaluate: '结项评估',
  complete: '结清',
  terminate: '终止协议',
} as const;
export type AgreementAction = keyof typeof AGREEMENT_ACTIONS;

export const AGREEMENT_TRANSITIONS: Readonly<
  Record<AgreementState, Partial<Record<AgreementAction, AgreementState>>>
> = {
  active: { evaluate: 'evaluated', terminate: 'terminated' },
  evaluated: { complete: 'completed', terminate: 'terminated' },
  completed: {},
  terminated: {},
};

export const agreementNextState = (from: AgreementState, action: AgreementAction) =>
  AGREEMENT_TRANSITIONS[from][action];
export const agreementAllowedActions = (state: AgreementState): AgreementAction[] =>
  Object.keys(AGREEMENT_TRANSITIONS[state]) as AgreementAction[];

/** A milestone is reported with evidence, then accepted, or returned to be reported again. */
export const MILESTONE_STATES = {
  pending: '待提交报告',
  reported: '待验收',
  accepted: '已验收',
  returned: '已退回修改',
} as const;
export type MilestoneState = keyof typeof MILESTONE_STATES;
export const MILESTONE_STATE_CODES = Object.keys(MILESTONE_STATES) as [MilestoneState, ...MilestoneState[]];

export const MILESTONE_ACTIONS = { report: '提交节点报告', accept: '验收通过', return: '退回修改' } as const;
export type MilestoneAction = keyof typeof MILESTONE_ACTIONS;

export const MILESTONE_TRANSITIONS: Readonly<
  Record<MilestoneState, Partial<Record<MilestoneAction, MilestoneState>>>
> = {
  pending: { report: 'reported' },
  returned: { report: 'reported' },
  reported: { accept: 'accepted', return: 'returned' },
  accepted: {},
};

export const milestoneNextState = (from: MilestoneState, action: MilestoneAction) =>
  MILESTONE_TRANSITIONS[from][action];
export const milestoneAllowedActions = (state: MilestoneState): MilestoneAction[] =>
  Object.keys(MILESTONE_TRANSITIONS[state]) as MilestoneAction[];

/** When a tranche may be paid: on signing, once a milestone is accepted, or once the final evaluation passes. */
export const TRANCHE_RELEASES = {
  signing: '协议签订后',
  milestone: '节点验收通过后',
  evaluation: '结项评估合格后',
} as const;
export type TrancheRelease = keyof typeof TRANCHE_RELEASES;

/** 结项评估等级; 不合格 withholds the tranche released on the evaluation. */
export const EVALUATION_GRADES = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' } as const;
export type EvaluationGrade = keyof typeof EVALUATION_GRADES;
export const EVALUATION_GRADE_CODES = Object.keys(EVALUATION_GRADES) as [
  EvaluationGrade,
  ...EvaluationGrade[],
];

const milestoneKey = z
  .string({ error: '请填写节点编码' })
  .regex(/^[a-z][a-z0-9_]{0,31}$/, '节点编码为小写字母开头的字母、数字或下划线，最多 32 位');

export const milestoneTermSchema = z.object({
  key: milestoneKey,
  name: z
    .string({ error: '请填写节点名称' })
    .trim()
    .min(2, '节点名称至少 2 个字')
    .max(60, '节点名称最多 60 个字'),
  dueOn: daySchema,
});
export type MilestoneTerm = z.infer<typeof milestoneTermSchema>;

export const trancheTermSchema = z.object({
  releaseOn: z.enum(['signing', 'milestone', 'evaluation'], { error: '请选择拨付条件' }),
  milestone: milestoneKey.nullable().default(null),
  /** the share of the contracted amount, in whole per cent (percent split) */
  percent: z
    .number()
    .int('比例须为整数百分比')
    .min(1, '比例为 1–100')
    .max(100, '比例为 1–100')
    .nullable()
    .default(null),
  /** the amount (amount split) */
  amountFen: fenAmount('拨付金额').nullable().default(null),
});
export type TrancheTerm = z.infer<typeof trancheTermSchema>;

/**
 * The amounts of the tranches, exact to the 分. By percentage, every tranche but the last is rounded down and the
 * last takes the remainder, so they always add up to the contracted amount; by amount, they are as given.
 */
export function splitTranches(
  contractedFen: number,
  split: 'percent' | 'amount',
  tranches: readonly Pick<TrancheTerm, 'percent' | 'amountFen'>[],
): number[] {
  if (split === 'amount') return tranches.map((t) => t.amountFen ?? 0);
  const amounts = tranches.slice(0, -1).map((t) => Math.floor((contractedFen * (t.percent ?? 0)) / 100));
  return [...amounts, contractedFen - amounts.reduce((sum, a) => sum + a, 0)];
}

export const TRANCHE_ROUNDING = '按比例拨付时，除最后一笔外每笔向下取整到分，余数计入最后一笔';

type AgreementTerms = {
  contractedFen: number;
  split: 'percent' | 'amount';
  signedOn: string;
  endsOn: string;
  milestones: MilestoneTerm[];
  tranches: TrancheTerm[];
};

/** What an agreement's terms must agree on beyond their shapes. */
export function agreementProblems(terms: AgreementTerms): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  if (terms.endsOn < terms.signedOn)
    problems.push({ path: ['endsOn'], message: '协议结束日期不能早于签订日期' });
  const keys = terms.milestones.map((m) => m.key);
  if (new Set(keys).size !== keys.length)
    problems.push({ path: ['milestones'], message: '节点编码不能重复' });
  const conditions = new Set<string>();
  terms.tranches.forEach((t, index) => {
    const at = (field: string, message: string) =>
      problems.push({ path: ['tranches', index, field], message });
    if (t.releaseOn === 'milestone' && (!t.milestone || !keys.includes(t.milestone)))
      at('milestone', '请选择该笔款项对应的节点');
    if (t.releaseOn !== 'milestone' && t.milestone !== null)
      at('milestone', '只有“节点验收通过后”拨付的款项才对应节点');
    const condition = t.releaseOn === 'milestone' ? `milestone:${t.milestone}` : t.releaseOn;
    if (conditions.has(condition)) at('releaseOn', '同一拨付条件只能对应一笔款项');
    conditions.add(condition);
    if (terms.split === 'percent' && t.percent === null) at('percent', '请填写该笔款项的比例');
    if (terms.split === 'amount' && t.amountFen === null) at('amountFen', '请填写该笔款项的金额');
  });
  if (terms.split === 'percent') {
    const total = terms.tranches.reduce((sum, t) => sum + (t.percent ?? 0), 0);
    if (total !== 100)
      problems.push({ path: ['tranches'], message: `各笔款项比例合计须为 100%，当前为 ${total}%` });
  } else {
    const total = terms.tranches.reduce((sum, t) => sum + (t.amountFen ?? 0), 0);
    if (total !== terms.contractedFen)
      problems.push({
        path: ['tranches'],
        message: `各笔款项合计 ${yuan(total)}，与协议金额 ${yuan(terms.contractedFen)} 不一致`,
      });
  }
  return problems;
}

export const signAgreementRequest = z
  .object({
    applicationId: idSchema('申报编号'),
    /** at most what was awarded; less gives the difference back to the call */
    contractedFen: fenAmount('协议金额'),
    signedOn: daySchema,
    endsOn: daySchema,
    milestones: z
      .array(milestoneTermSchema, { error: '请填写项目节点' })
      .min(1, '请至少填写一个项目节点')
      .max(12),
    split: z.enum(['percent', 'amount'], { error: '请选择按比例还是按金额拨付' }),
    tranches: z.array(trancheTermSchema, { error: '请填写拨付计划' }).min(1, '请至少填写一笔拨付').max(12),
  })
  .superRefine((terms, ctx) => {
    for (const problem of agreementProblems(terms)) ctx.addIssue({ code: 'custom', ...problem });
  });
export type SignAgreementRequest = z.infer<typeof signAgreementRequest>;

export const milestoneReportRequest = z.object({
  summary: z
    .string({ error: '请填写节点报告' })
    .trim()
    .min(5, '节点报告至少 5 个字')
    .max(2000, '节点报告最多 2000 个字'),
  evidence: z
    .array(fileIdSchema, { error: '请上传佐证材料' })
    .min(1, '请至少上传一份佐证材料')
    .max(20, '佐证材料最多 20 份'),
  kpis: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(40),
        actual: z.number({ error: '请填写指标完成值' }).min(0).max(1_000_000_000),
      }),
    )
    .max(20)
    .default([]),
});
export type MilestoneReportRequest = z.infer<typeof milestoneReportRequest>;

export const milestoneDecisionRequest = z
  .object({
    decision: z.enum(['accept', 'return'], { error: '请选择验收通过或退回修改' }),
    comment: z.string().trim().max(1000, '验收意见最多 1000 个字').default(''),
  })
  .superRefine((body, ctx) => {
    if (body.decision === 'return' && body.comment.length < 2)
      ctx.addIssue({ code: 'custom', path: ['comment'], message: '退回修改须写明原因' });
  });
export type MilestoneDecisionRequest = z.infer<typeof milestoneDecisionRequest>;

export const evaluationRequest = z.object({
  grade: z.enum(EVALUATION_GRADE_CODES, { error: '请选择评估等级' }),
  score: z
    .number({ error: '请填写评估得分' })
    .int('评估得分须为整数')
    .min(0, '评估得分为 0–100')
    .max(100, '评估得分为 0–100'),
  comment: z
    .string({ error: '请填写评估意见' })
    .trim()
    .min(2, '请填写评估意见')
    .max(2000, '评估意见最多 2000 个字'),
});
export type EvaluationRequest = z.infer<typeof evaluationRequest>;

export const agreementActionRequest = z
  .object({
    action: z.enum(['complete', 'terminate'], { error: '不支持的操作' }),
    reason: z.string().trim().max(500, '原因最多 500 个字').optional(),
  })
  .superRefine((body, ctx) => {
    if (body.action === 'terminate' && !body.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '终止协议须写明原因' });
  });
export type AgreementActionRequest = z.infer<typeof agreementActionRequest>;

/** A payment of (part of) a tranche: a record of its own, never an edit of an earlier one. */
export const paymentRequest = z.object({
  /** which tranche, from 1 */
  tranche: z.number({ error: '请选择拨付第几笔款项' }).int().min(1, '款项序号从 1 开始').max(12),
  amountFen: fenAmount('本次拨付金额'),
  voucher: z
    .string({ error: '请填写拨付凭证号' })
    .trim()
    .min(1, '请填写拨付凭证号')
    .max(40, '凭证号最多 40 个字'),
  paidOn: daySchema,
});
export type PaymentRequest = z.infer<typeof paymentRequest>;

export const agreementListQuery = z.object({
  callId: idSchema('申报指南编号').optional(),
  orgId: idSchema('组织编号').optional(),
});
export type AgreementListQuery = z.infer<typeof agreementListQuery>;

export const paymentView = z.object({
  seq: z.number().int().min(1),
  tranche: z.number().int().min(1),
  amountFen: fenSchema,
  voucher: z.string(),
  paidOn: z.string(),
  by: z.string(),
  at: instantSchema,
});
export type PaymentView = z.infer<typeof paymentView>;

export const agreementView = z.object({
  agreementId: z.string(),
  revision: z.number().int().min(1),
  callId: z.string(),
  applicationId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  state: z.enum(AGREEMENT_STATE_CODES),
  allowedActions: z.array(z.enum(['evaluate', 'complete', 'terminate'])),
  signedOn: z.string(),
  endsOn: z.string(),
  contractedFen: fenSchema,
  paidFen: fenSchema,
  /** contracted − paid − released */
  unpaidFen: fenSchema,
  releasedFen: fenSchema,
  split: z.enum(['percent', 'amount']),
  rounding: z.string(),
  milestones: z.array(
    milestoneTermSchema.extend({
      state: z.enum(MILESTONE_STATE_CODES),
      report: z
        .object({
          summary: z.string(),
          evidence: z.array(z.string()),
          kpis: z.array(z.object({ name: z.string(), actual: z.number() })),
          by: z.string(),
          at: instantSchema,
        })
        .nullable(),
      decision: z
        .object({
          decision: z.enum(['accept', 'return']),
          comment: z.string(),
          by: z.string(),
          at: instantSchema,
        })
        .nullable(),
    }),
  ),
  tranches: z.array(
    z.object({
      tranche: z.number().int().min(1),
      releaseOn: z.enum(['signing', 'milestone', 'evaluation']),
      milestone: z.string().nullable(),
      percent: z.number().int().nullable(),
      amountFen: fenSchema,
      paidFen: fenSchema,
      /** its condition is met and something of it is unpaid */
      payable: z.boolean(),
      /** withheld for good: the evaluation failed, or the agreement ended before it was paid */
      withheld: z.boolean(),
      payments: z.array(paymentView),
    }),
  ),
  evaluation: z
    .object({
      grade: z.enum(EVALUATION_GRADE_CODES),
      score: z.number().int(),
      comment: z.string(),
      by: z.string(),
      at: instantSchema,
    })
    .nullable(),
  history: z.array(stepRecordSchema),
});
export type AgreementView = z.infer<typeof agreementView>;
