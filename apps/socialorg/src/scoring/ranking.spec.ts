import type { Criterion } from '@psc/contracts/socialorg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RankingApplication, type RankingRules, rankApplications } from './ranking';

const criteria: Criterion[] = [
  { key: 'need', name: '需求分析', weight: 30, description: '' },
  { key: 'design', name: '项目设计', weight: 40, description: '' },
  { key: 'budget', name: '预算合理性', weight: 30, description: '' },
];
const rules = (overrides: Partial<RankingRules> = {}): RankingRules => ({
  criteria,
  aggregation: 'mean',
  tieBreak: [{ kind: 'criterion', key: 'design' }, { kind: 'earlier_submission' }],
  passMark: 60,
  budgetFen: 100_000_000,
  ...overrides,
});
const app = (id: string, overrides: Partial<RankingApplication> = {}): RankingApplication => ({
  applicationId: id,
  orgId: `O-${id}`,
  orgName: `组织${id}`,
  streetId: 'sz/futian/xiangmihu',
  title: `项目${id}`,
  requestFen: 10_000_000,
  submittedAt: '2026-03-05T02:00:00.000Z',
  ...overrides,
});
const sheet = (need: number, design: number, budget: number) => ({ need, design, budget });

describe('rankApplications', () => {
  it('drops one highest and one lowest total under trimmed_mean, and means every sheet otherwise', () => {
    const sheets = new Map([
      ['A', [sheet(30, 40, 30), sheet(10, 10, 10), sheet(20, 30, 20), sheet(25, 35, 25)]],
    ]);
    const [trimmed] = rankApplications(rules({ aggregation: 'trimmed_mean' }), [app('A')], sheets);
    expect(trimmed).toMatchObject({
      sheets: 2,
      total: 77.5,
      criteria: { need: 22.5, design: 32.5, budget: 22.5 },
    });
    const [mean] = rankApplications(rules(), [app('A')], sheets);
    expect(mean).toMatchObject({ sheets: 4, total: 71.25, passed: true });
  });

  it('breaks a tie on the total by the stated criterion, then the earlier submission, then the application number', () => {
    const sheets = new Map([
      ['A', [sheet(30, 30, 20)]],
      ['B', [sheet(20, 35, 25)]],
      ['C', [sheet(25, 35, 20)]],
      ['D', [sheet(25, 35, 20)]],
    ]);
    const ranked = rankApplications(
      rules(),
      [app('D'), app('A'), app('C', { submittedAt: '2026-03-04T02:00:00.000Z' }), app('B')],
      sheets,
    );
    // every total is 80: design 35 beats A's 30; B, C and D tie on design, C was submitted first, then by number
    expect(ranked.map((e) => [e.rank, e.applicationId, e.total])).toEqual([
      [1, 'C', 80],
      [2, 'B', 80],
      [3, 'D', 80],
      [4, 'A', 80],
    ]);
  });

  it('compares means exactly: 200/3 is less than 66.7, though both show as 66.67 and 66.7', () => {
    const sheets = new Map([
      ['A', [sheet(20, 30, 16.7), sheet(20, 30, 16.6), sheet(20, 30, 16.7)]],
      ['B', [sheet(20, 30, 16.7)]],
    ]);
    const ranked = rankApplications(
      rules({ tieBreak: [{ kind: 'earlier_submission' }] }),
      [app('A'), app('B')],
      sheets,
    );
    expect(ranked.map((e) => [e.applicationId, e.total])).toEqual([
      ['B', 66.7],
      ['A', 66.67],
    ]);
  });

  it('proposes funding in rank order while the budget lasts, skipping one that does not fit, and none under the pass mark', () => {
    const sheets = new Map([
      ['A', [sheet(30, 40, 30)]],
      ['B', [sheet(28, 38, 28)]],
      ['C', [sheet(25, 35, 25)]],
      ['D', [sheet(10, 10, 10)]],
    ]);
    const ranked = rankApplications(
      rules({ budgetFen: 50_000_000 }),
      [
        app('A', { requestFen: 30_000_000 }),
        app('B', { requestFen: 25_000_000 }),
        app('C', { requestFen: 20_000_000 }),
        app('D', { requestFen: 1 }),
      ],
      sheets,
    );
    expect(ranked.map((e) => [e.applicationId, e.passed, e.funded, e.fundedFen])).toEqual([
      ['A', true, true, 30_000_000],
      ['B', true, false, 0],
      ['C', true, true, 20_000_000],
      ['D', false, false, 0],
    ]);
  });

  it('orders any scores by total, never funds past the budget, and funds only what passed (property)', () => {
    const score = (max: number) => fc.integer({ min: 0, max: max * 10 }).map((t) => t / 10);
    const sheetArb = fc.record({ need: score(30), design: score(40), budget: score(30) });
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.array(sheetArb, { minLength: 1, maxLength: 5 }),
            fc.integer({ min: 1, max: 40_000_000 }),
          ),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        fc.constantFrom('mean' as const, 'trimmed_mean' as const),
        fc.integer({ min: 0, max: 200_000_000 }),
        (entries, aggregation, budgetFen) => {
          const applications = entries.map(([, requestFen], i) =>
            app(`A${String(i).padStart(2, '0')}`, { requestFen }),
          );
          const sheets = new Map(entries.map(([s], i) => [applications[i].applicationId, s]));
          const ranked = rankApplications(rules({ aggregation, budgetFen }), applications, sheets);
          expect(ranked.map((e) => e.applicationId).sort()).toEqual(
            applications.map((a) => a.applicationId).sort(),
          );
          expect(ranked.map((e) => e.rank)).toEqual(ranked.map((_, i) => i + 1));
          for (let i = 1; i < ranked.length; i++)
            expect(ranked[i - 1].total + 0.01).toBeGreaterThanOrEqual(ranked[i].total);
          expect(ranked.reduce((sum, e) => sum + e.fundedFen, 0)).toBeLessThanOrEqual(budgetFen);
          for (const e of ranked) {
            if (e.funded) expect(e.passed && e.fundedFen === e.requestFen).toBe(true);
            expect(e.total).toBeGreaterThanOrEqual(0);
            expect(e.total).toBeLessThanOrEqual(100);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
