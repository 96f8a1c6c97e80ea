import { describe, expect, it } from 'vitest';
import { APPLICATION_TRANSITIONS, applicationContentSchema, budgetMismatch } from './applications';

const content = {
  title: '长者关爱',
  summary: '为辖区独居长者提供探访和助餐服务。',
  requestFen: 5_000_000,
  budgetLines: [
    { item: '人员经费', amountFen: 3_000_000 },
    { item: '活动物料', amountFen: 1_950_000 },
  ],
  targets: ['服务独居长者 100 人'],
  kpis: [{ name: '探访人次', target: 1200, unit: '人次' }],
};

describe('applications: the form checked as it is typed', () => {
  it('names both sums and the difference when the budget lines do not add up to the request', () => {
    expect(budgetMismatch(content.budgetLines, content.requestFen)).toBe(
      '预算明细合计 49,500.00元，与申请金额 50,000.00元 不一致，相差 500.00元',
    );
    expect(budgetMismatch([{ amountFen: 1 }, { amountFen: 2 }], 3)).toBeNull();
    const refused = applicationContentSchema.safeParse(content);
    expect(refused.error?.issues).toEqual([
      expect.objectContaining({
        path: ['budgetLines'],
        message: '预算明细合计 49,500.00元，与申请金额 50,000.00元 不一致，相差 500.00元',
      }),
    ]);
    expect(applicationContentSchema.safeParse({ ...content, requestFen: 4_950_000 }).success).toBe(true);
  });

  it('takes every amount in whole 分', () => {
    const refused = applicationContentSchema.safeParse({
      ...content,
      budgetLines: [{ item: '人员经费', amountFen: 4_950_000.5 }],
      requestFen: 4_950_000.5,
    });
    expect(refused.error?.issues.map((i) => i.message)).toEqual(['申请金额须为整数分', '预算金额须为整数分']);
  });

  it('lets the organisation submit or withdraw a draft, and only the eligibility check decide a submitted one', () => {
    expect(APPLICATION_TRANSITIONS.draft).toEqual({ submit: 'submitted', withdraw: 'withdrawn' });
    expect(APPLICATION_TRANSITIONS.submitted).toEqual({
      withdraw: 'withdrawn',
      pass: 'eligible',
      fail: 'ineligible',
    });
    for (const end of ['eligible', 'ineligible', 'withdrawn'] as const)
      expect(APPLICATION_TRANSITIONS[end]).toEqual({});
  });
});
