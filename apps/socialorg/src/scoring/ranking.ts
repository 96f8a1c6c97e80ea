import type { AggregationRule, Criterion, RankingEntryView, TieBreakStep } from '@psc/contracts/socialorg';

/**
 * The ranking of a call's eligible applications from their reviewers' score sheets: pure and in memory, so that it
 * answers at once for hundreds of applications. Scores are added in tenths and means compared as exact fractions,
 * so two applications tie only when their scores really are equal, and the call's tie-break decides then.
 */

export interface RankingApplication {
  applicationId: string;
  orgId: string;
  orgName: string;
  streetId: string;
  title: string;
  requestFen: number;
  /** ISO instant (`toISOString()`), so that earlier sorts first as text */
  submittedAt: string;
}

export interface RankingRules {
  criteria: readonly Criterion[];
  aggregation: AggregationRule;
  tieBreak: readonly TieBreakStep[];
  passMark: number;
  budgetFen: number;
}

export type RankedEntry = RankingEntryView & { streetId: string };

/** An aggregated score: `tenths / sheets` tenths of a point, kept as a fraction. */
interface Score {
  tenths: number;
  sheets: number;
}

interface Scored {
  application: RankingApplication;
  total: Score;
  criteria: Map<string, Score>;
}

const NOUGHT: Score = { tenths: 0, sheets: 0 };

const tenths = (score: number) => Math.round(score * 10);
const sheetTenths = (sheet: Record<string, number>) =>
  Object.values(sheet).reduce((sum, s) => sum + tenths(s), 0);

/** a − b as a sign; a score without sheets counts as nought */
const compareScores = (a: Score, b: Score): number =>
  a.tenths * Math.max(b.sheets, 1) - b.tenths * Math.max(a.sheets, 1);

/** The score in points, to two decimal places, for people to read; the ranking never compares these. */
const points = (score: Score): number =>
  score.sheets === 0 ? 0 : Math.round((score.tenths * 10) / score.sheets) / 100;

/** The sheets a score is made of: all, or all but one highest and one lowest total when the call says so. */
function kept(sheets: readonly Record<string, number>[], rule: AggregationRule): Record<string, number>[] {
  if (rule === 'mean' || sheets.length < 3) return [...sheets];
  return sheets
    .map((sheet) => ({ sheet, total: sheetTenths(sheet) }))
    .sort((a, b) => a.total - b.total)
    .slice(1, -1)
    .map(({ sheet }) => sheet);
}

function score(
  application: RankingApplication,
  sheets: readonly Record<string, number>[],
  rules: RankingRules,
): Scored {
  const used = kept(sheets, rules.aggregation);
  return {
    application,
    total: { tenths: used.reduce((sum, s) => sum + sheetTenths(s), 0), sheets: used.length },
    criteria: new Map(
      rules.criteria.map((c) => [
        c.key,
        { tenths: used.reduce((sum, s) => sum + tenths(s[c.key] ?? 0), 0), sheets: used.length },
      ]),
    ),
  };
}

// code-unit order: ids and ISO instants compare as they read, without the cost of a locale's collation
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function comparator(rules: RankingRules) {
  return (a: Scored, b: Scored): number => {
    const byTotal = compareScores(b.total, a.total);
    if (byTotal !== 0) return byTotal;
    for (const step of rules.tieBreak) {
      let order = 0;
      switch (step.kind) {
        case 'criterion':
          order = compareScores(b.criteria.get(step.key) ?? NOUGHT, a.criteria.get(step.key) ?? NOUGHT);
          break;
        case 'earlier_submission':
          order = byText(a.application.submittedAt, b.application.submittedAt);
          break;
        case 'lower_request':
          order = a.application.requestFen - b.application.requestFen;
          break;
      }
      if (order !== 0) return order;
    }
    return byText(a.application.applicationId, b.application.applicationId);
  };
}

/**
 * Ranks the applications, then proposes funding in rank order: an application that reached the pass mark is funded
 * at its request when that fits in what the budget has left, and skipped otherwise.
 */
export function rankApplications(
  rules: RankingRules,
  applications: readonly RankingApplication[],
  sheets: ReadonlyMap<string, readonly Record<string, number>[]>,
): RankedEntry[] {
  const ranked = applications
    .map((a) => score(a, sheets.get(a.applicationId) ?? [], rules))
    .sort(comparator(rules));
  let left = rules.budgetFen;
  return ranked.map(({ application, total, criteria }, index) => {
    const passed = total.sheets > 0 && total.tenths >= rules.passMark * 10 * total.sheets;
    const funded = passed && application.requestFen <= left;
    if (funded) left -= application.requestFen;
    return {
      rank: index + 1,
      ...application,
      sheets: total.sheets,
      total: points(total),
      criteria: Object.fromEntries([...criteria].map(([key, s]) => [key, points(s)])),
      passed,
      funded,
      fundedFen: funded ? application.requestFen : 0,
    };
  });
}
