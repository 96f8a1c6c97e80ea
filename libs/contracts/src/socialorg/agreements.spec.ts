import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signAgreementRequest, splitTranches } from './agreements';

const terms = {
  applicationId: 'A-1',
  contractedFen: 20_000_001,
  signedOn: '2026-04-01',
  endsOn: '2026-12-31',
  milestones: [{ key: 'midterm', name: '中期评估', dueOn: '2026-07-31' }],
  split: 'percent',
  tranches: [
    { releaseOn: 'signing', percent: 30 },
    { releaseOn: 'milestone', milestone: 'midterm', percent: 40 },
    { releaseOn: 'evaluation', percent: 30 },
  ],
};
const messages = (body: unknown) =>
  signAgreementRequest.safeParse(body).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('agreements: tranches to the 分', () => {
  it('rounds every tranche but the last down and gives the last the remainder', () => {
    expect(
      splitTranches(20_000_001, 'percent', [
        { percent: 30, amountFen: null },
        { percent: 40, amountFen: null },
        { percent: 30, amountFen: null },
      ]),
    ).toEqual([6_000_000, 8_000_000, 6_000_001]);
    expect(
      splitTranches(100, 'amount', [
        { percent: null, amountFen: 40 },
        { percent: null, amountFen: 60 },
      ]),
    ).toEqual([40, 60]);
  });

  it('always adds up to the contracted amount, each tranche within a 分 of its share (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000_000 }),
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 12 }),
        (contracted, weights) => {
          const percents = weights.map((w) => w);
          const rest = 100 - percents.slice(0, -1).reduce((s, p) => s + p, 0);
          fc.pre(rest >= 1);
          percents[percents.length - 1] = rest;
          const amounts = splitTranches(
            contracted,
            'percent',
            percents.map((percent) => ({ percent, amountFen: null })),
          );
          expect(amounts.reduce((s, a) => s + a, 0)).toBe(contracted);
          amounts.slice(0, -1).forEach((a, i) => {
            expect(Number.isSafeInteger(a)).toBe(true);
            expect(contracted * percents[i] - a * 100).toBeGreaterThanOrEqual(0);
            expect(contracted * percents[i] - a * 100).toBeLessThan(100);
          });
        },
      ),
    );
  });

  it('refuses terms whose shares do not make the whole, or whose tranches wait on nothing', () => {
    expect(messages(terms)).toEqual([]);
    expect(
      messages({
        ...terms,
        endsOn: '2026-03-01',
        tranches: [
          { releaseOn: 'signing', percent: 30 },
          { releaseOn: 'milestone', milestone: 'final', percent: 40 },
          { releaseOn: 'signing', percent: 20 },
        ],
      }),
    ).toEqual([
      'endsOn: 协议结束日期不能早于签订日期',
      'tranches.1.milestone: 请选择该笔款项对应的节点',
      'tranches.2.releaseOn: 同一拨付条件只能对应一笔款项',
      'tranches: 各笔款项比例合计须为 100%，当前为 90%',
    ]);
    expect(
      messages({
        ...terms,
        split: 'amount',
        tranches: [
          { releaseOn: 'signing', amountFen: 10_000_000 },
          { releaseOn: 'evaluation', amountFen: 10_000_000 },
        ],
      }),
    ).toEqual(['tranches: 各笔款项合计 200,000.00元，与协议金额 200,000.01元 不一致']);
  });
});
