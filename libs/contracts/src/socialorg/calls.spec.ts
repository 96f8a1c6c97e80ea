import { describe, expect, it } from 'vitest';
import { CALL_STATE_CODES, CALL_TRANSITIONS, callAllowedActions, createCallRequest } from './calls';

const valid = {
  kind: 'livelihood_micro',
  title: '香蜜湖街道民生微实事',
  ownerScope: 'sz/futian/xiangmihu',
  budgetFen: 50_000_000,
  opensAt: '2026-03-01T00:00:00Z',
  closesAt: '2026-03-20T00:00:00Z',
  aggregation: 'trimmed_mean',
  criteria: [
    { key: 'need', name: '需求分析', weight: 40 },
    { key: 'design', name: '项目设计', weight: 60 },
  ],
  tieBreak: [{ kind: 'criterion', key: 'design' }, { kind: 'earlier_submission' }],
};

const messages = (body: unknown) =>
  createCallRequest.safeParse(body).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('calls: the terms a call states', () => {
  it('takes a call whose weights sum to 100, with the defaults stated: 5 working days of 公示, 60 to pass, 3 reviewers', () => {
    expect(createCallRequest.parse(valid)).toMatchObject({
      publicityDays: 5,
      passMark: 60,
      minReviewers: 3,
      eligibility: [],
    });
  });

  it('refuses weights that do not sum to 100, repeated keys, a tie-break on no criterion and a close before the open', () => {
    expect(
      messages({
        ...valid,
        closesAt: '2026-02-01T00:00:00Z',
        minReviewers: 2,
        criteria: [
          { key: 'need', name: '需求分析', weight: 40 },
          { key: 'need', name: '项目设计', weight: 50 },
        ],
        tieBreak: [
          { kind: 'criterion', key: 'impact' },
          { kind: 'earlier_submission' },
          { kind: 'earlier_submission' },
        ],
        eligibility: [{ kind: 'in_area' }, { kind: 'in_area' }],
      }),
    ).toEqual([
      'closesAt: 申报截止时间须晚于开始时间',
      'criteria: 评分标准的分值合计须为 100，当前合计为 90',
      'criteria: 评分项编码不能重复',
      'minReviewers: “去掉最高分和最低分”至少需要 3 位评审专家',
      'tieBreak: 并列排序规则中有重复的规则',
      'tieBreak.0.key: 并列排序规则中的评分项“impact”不存在',
      'eligibility: 同一类资格条件只能设置一次',
    ]);
    expect(messages({ ...valid, ownerScope: 'sz' })).toEqual([
      'ownerScope: 主办单位应为区（如 sz/futian）或街道（如 sz/futian/xiangmihu）',
    ]);
  });

  it('reaches every state from a draft, and every state but the last two can move on', () => {
    const reached = new Set<string>(['draft']);
    for (let grew = true; grew;) {
      grew = false;
      for (const state of [...reached])
        for (const to of Object.values(CALL_TRANSITIONS[state as keyof typeof CALL_TRANSITIONS]))
          if (!reached.has(to)) grew = Boolean(reached.add(to));
    }
    expect([...reached].sort()).toEqual([...CALL_STATE_CODES].sort());
    expect(CALL_STATE_CODES.filter((s) => callAllowedActions(s).length === 0)).toEqual([
      'concluded',
      'cancelled',
    ]);
  });
});
