import { z } from 'zod';

export const DASHBOARD_GRAINS = ['day', 'week', 'month'] as const;
export type DashboardGrain = (typeof DASHBOARD_GRAINS)[number];

/** Periods one answer may span: one counter document is read per period, so this bounds a request's reads. */
export const MAX_DASHBOARD_PERIODS = 93;

/**
 * What the affairs read model counts per place and period. A state's name counts cases that entered it in the
 * period; `timed` cases are the completed ones whose acceptance insight saw, with their working days spent
 * (`handlingDays`) and promised (`promisedDays`); queue figures are counted in the period and hour the ticket was
 * issued.
 */
export const AFFAIRS_TALLY_FIELDS = [
  'opened',
  'correcting',
  'accepted',
  'assigned',
  'completed',
  'delivered',
  'rated',
  'refused',
  'returned',
  'oneTrip',
  'completedOnTime',
  'timed',
  'handlingDays',
  'promisedDays',
  'dueSoon',
  'overdue',
  'rating1',
  'rating2',
  'rating3',
  'rating4',
  'rating5',
  'rectified',
  'rectifiedOnTime',
  'rectificationOverdue',
  'ticketsIssued',
  'ticketsCalled',
  'waitSeconds',
  'noShow',
] as const;
export type AffairsTallyField = (typeof AFFAIRS_TALLY_FIELDS)[number];

const count = z.number().int().min(0);
const share = z.number().min(0).max(1).nullable();

export const affairsTally = z.object(
  Object.fromEntries(AFFAIRS_TALLY_FIELDS.map((f) => [f, count])) as Record<AffairsTallyField, typeof count>,
);
export type AffairsTally = z.infer<typeof affairsTally>;

/** Figures derived from a tally; null where the denominator is 0. */
export const affairsRates = z.object({
  /** 最多跑一次率: delivered cases that took at most one visit */
  oneTrip: share,
  /** completed cases finished by their due day */
  completedOnTime: share,
  meanHandlingDays: z.number().min(0).nullable(),
  meanPromisedDays: z.number().min(0).nullable(),
  /** 好评 (4–5) among ratings */
  good: share,
  /** 差评 answers given by their deadline, of all answered or overdue */
  rectifiedOnTime: share,
  meanWaitMinutes: z.number().min(0).nullable(),
});
export type AffairsRates = z.infer<typeof affairsRates>;

const figures = z.object({ tally: affairsTally, rates: affairsRates });

const DAY_MS = 86_400_000;
const calendarDay = (value: string) => {
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value ? null : ms;
};
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((v) => calendarDay(v) !== null, '不是有效的日期');
/** days a range may span per grain, so that it touches at most MAX_DASHBOARD_PERIODS periods */
const MAX_SPAN_DAYS: Record<DashboardGrain, number> = { day: 92, week: 7 * 91, month: 30 * 90 };
const place = z
  .string({ error: '缺少统计范围' })
  .regex(/^[a-z0-9][a-z0-9-]{0,63}(\/[a-z0-9][a-z0-9-]{0,63}){0,3}$/, '统计范围应为 市/区/街道/中心 的编号');

export const dashboardQuery = z
  .object({
    scope: place,
    from: day,
    to: day,
    grain: z.enum(DASHBOARD_GRAINS, { error: '粒度应为 day、week 或 month' }).default('day'),
  })
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
  .refine(
    (q) => {
      const [from, to] = [calendarDay(q.from), calendarDay(q.to)];
      // an invalid day already has its own message
      return from === null || to === null || to - from <= MAX_SPAN_DAYS[q.grain] * DAY_MS;
    },
    { message: '时间范围过长，请缩短范围或改用更粗的粒度', path: ['from'] },
  );
export type DashboardQuery = z.infer<typeof dashboardQuery>;

export const affairsDashboard = figures.extend({
  /** one entry per period touching the range, oldest first; `period` is 2026-11-23, 2026-W48 or 2026-11 */
  series: z.array(figures.extend({ period: z.string() })),
  items: z.array(figures.extend({ itemCode: z.string() })),
  /** the places one level down (streets of a district …), for drill-down; empty for a centre */
  children: z.array(figures.extend({ scope: z.string() })),
  /** queue by hour of the day (Asia/Shanghai) the ticket was issued, 00–23 */
  hours: z.array(figures.extend({ hour: z.string() })),
});
export type AffairsDashboard = z.infer<typeof affairsDashboard>;

/** GET /insight/dashboard: one section per source service; socialorg and volunteer add theirs. */
export const dashboardReport = z.object({
  scope: z.string(),
  grain: z.enum(DASHBOARD_GRAINS),
  from: day,
  to: day,
  periods: z.array(z.string()),
  affairs: affairsDashboard,
});
export type DashboardReport = z.infer<typeof dashboardReport>;
