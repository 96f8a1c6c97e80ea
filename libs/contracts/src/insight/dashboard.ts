import { z } from 'zod';
import { calendarDay } from '../common/day';

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
const day = calendarDay();
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
    // runs only once both days are valid ones
    (q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_SPAN_DAYS[q.grain] * DAY_MS,
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

const tallyOf = <F extends string>(fields: readonly F[]) =>
  z.object(Object.fromEntries(fields.map((f) => [f, z.number().int()])) as Record<F, z.ZodNumber>);

/**
 * What the volunteer read model counts per place and period. Minutes are of the day served (a reversal keeps the
 * original's day and counts negative), 信用 and 荣誉 apart. `activeVolunteers` are distinct within one period: a
 * range sums its periods, so a month's distinct count is asked with `grain=month`. 双报到 counts at the community
 * reported to, on the day reported; `fiveOnesMet` counts a member at their community on the day the year's last
 * missing "五个一" item was served (and −1 if a reversal undoes it). Wishes count on the day of each step;
 * `wishDaysToFulfil` sums whole days from posting to fulfilment over `wishesFulfilled`. Activities count on the day
 * they start.
 */
export const VOLUNTEER_TALLY_FIELDS = [
  'registered',
  'partyMembersRegistered',
  'creditMinutes',
  'honourMinutes',
  'activeVolunteers',
  'partyReported',
  'fiveOnesMet',
  'wishesPosted',
  'wishesClaimed',
  'wishesFulfilled',
  'wishDaysToFulfil',
  'activities',
  'activityPlaces',
  'checkIns',
] as const;
export type VolunteerTallyField = (typeof VOLUNTEER_TALLY_FIELDS)[number];
export const volunteerTally = tallyOf(VOLUNTEER_TALLY_FIELDS);
export type VolunteerTally = z.infer<typeof volunteerTally>;

export const volunteerRates = z.object({
  creditHours: z.number(),
  honourHours: z.number(),
  /** mean whole days from a wish's posting to its fulfilment */
  meanWishDaysToFulfil: z.number().min(0).nullable(),
  /** wishes fulfilled of wishes posted in the range */
  wishesFulfilledShare: z.number().min(0).nullable(),
});
export type VolunteerRates = z.infer<typeof volunteerRates>;

const volunteerFigures = z.object({ tally: volunteerTally, rates: volunteerRates });
export const volunteerDashboard = volunteerFigures.extend({
  series: z.array(volunteerFigures.extend({ period: z.string() })),
  children: z.array(volunteerFigures.extend({ scope: z.string() })),
});
export type VolunteerDashboard = z.infer<typeof volunteerDashboard>;

/**
 * Social organisations per place (the organisation's street and centre; calls and money at the street that awards
 * or receives). Flows count in the period they happened; amounts are in fen. `standing` is the state now, whatever
 * the range: organisations by 党组织覆盖 kind and incubations by stage.
 */
export const SOCIALORG_TALLY_FIELDS = [
  'organisationsRegistered',
  'incubationsApplied',
  'incubationsGraduated',
  'callsOpened',
  'applicationsSubmitted',
  'awards',
  'awardedFen',
  'tranchesPaid',
  'paidFen',
  'subsidiesGranted',
  'subsidyGrantedFen',
  'subsidyPaidFen',
] as const;
export type SocialorgTallyField = (typeof SOCIALORG_TALLY_FIELDS)[number];
export const socialorgTally = tallyOf(SOCIALORG_TALLY_FIELDS);
export type SocialorgTally = z.infer<typeof socialorgTally>;

/** `partyBuilding.<kind>` counts organisations by 党组织覆盖 kind, `incubation.<stage>` incubations by stage. */
export const SOCIALORG_STANDING_FIELDS = [
  'organisations',
  'partyBuilding.branch',
  'partyBuilding.joint_branch',
  'partyBuilding.group',
  'partyBuilding.none',
  'incubation.applied',
  'incubation.incubating',
  'incubation.assessed',
  'incubation.graduated',
  'incubation.exited',
  'incubation.rejected',
  'incubation.withdrawn',
] as const;
export type SocialorgStandingField = (typeof SOCIALORG_STANDING_FIELDS)[number];
export const socialorgStanding = tallyOf(SOCIALORG_STANDING_FIELDS);
export type SocialorgStanding = z.infer<typeof socialorgStanding>;

const socialorgStandingFigures = z.object({
  standing: socialorgStanding,
  /** organisations with a 党组织 of any kind (党组织覆盖率) */
  partyBuildingCoverage: z.number().min(0).max(1).nullable(),
});
export const socialorgDashboard = z.object({
  tally: socialorgTally,
  series: z.array(z.object({ period: z.string(), tally: socialorgTally })),
  children: z.array(z.object({ scope: z.string(), tally: socialorgTally })),
  now: socialorgStandingFigures.extend({
    children: z.array(socialorgStandingFigures.extend({ scope: z.string() })),
  }),
});
export type SocialorgDashboard = z.infer<typeof socialorgDashboard>;

/** catalogue room bookings, counted on the day booked for (`attendees` of bookings made) */
export const ROOMS_TALLY_FIELDS = ['booked', 'cancelled', 'attended', 'missed', 'attendees'] as const;
export type RoomsTallyField = (typeof ROOMS_TALLY_FIELDS)[number];
export const roomsTally = tallyOf(ROOMS_TALLY_FIELDS);
export type RoomsTally = z.infer<typeof roomsTally>;
export const roomsDashboard = z.object({
  tally: roomsTally,
  series: z.array(z.object({ period: z.string(), tally: roomsTally })),
  children: z.array(z.object({ scope: z.string(), tally: roomsTally })),
});
export type RoomsDashboard = z.infer<typeof roomsDashboard>;

/** GET /insight/dashboard: one section per source service. */
export const dashboardReport = z.object({
  scope: z.string(),
  grain: z.enum(DASHBOARD_GRAINS),
  from: day,
  to: day,
  periods: z.array(z.string()),
  affairs: affairsDashboard,
  volunteer: volunteerDashboard,
  socialorg: socialorgDashboard,
  rooms: roomsDashboard,
});
export type DashboardReport = z.infer<typeof dashboardReport>;

export const hallScreenQuery = z.object({
  centre: z
    .string({ error: '缺少服务中心' })
    .regex(/^[a-z0-9][a-z0-9-]{0,63}(\/[a-z0-9][a-z0-9-]{0,63}){0,3}$/, '服务中心编号不正确'),
});
export type HallScreenQuery = z.infer<typeof hallScreenQuery>;

/**
 * GET /insight/screen (public): one centre's figures for today (Asia/Shanghai), for the hall's big screen. Counts
 * and shares only, never a person, a case or a ticket: what anyone standing in the hall can see anyway.
 */
export const hallScreen = z.object({
  centreId: z.string(),
  day,
  ticketsIssued: z.number().int().min(0),
  /** issued today and not yet called */
  waiting: z.number().int().min(0),
  meanWaitMinutes: z.number().min(0).nullable(),
  casesDone: z.number().int().min(0),
  oneTrip: z.number().min(0).max(1).nullable(),
  /** 好评 (4–5) share of today's ratings */
  satisfaction: z.number().min(0).max(1).nullable(),
  ratings: z.number().int().min(0),
  volunteerActivities: z.number().int().min(0),
  volunteerCheckIns: z.number().int().min(0),
  at: z.iso.datetime(),
});
export type HallScreen = z.infer<typeof hallScreen>;
