import type {
  AffairsDashboard,
  DashboardGrain,
  DashboardReport,
  SocialorgDashboard,
  VolunteerDashboard,
} from '@psc/contracts/insight';

/**
 * The answer as this page reads it. The volunteer and socialorg sections are optional here: during a rolling
 * deploy an older insight answers without them, and the page shows the affairs figures alone.
 */
export type DashboardAnswer = Omit<DashboardReport, 'volunteer' | 'socialorg' | 'rooms'> &
  Partial<Pick<DashboardReport, 'volunteer' | 'socialorg'>>;

export type Translate = (key: string, named?: Record<string, unknown>) => string;

export const LEVELS = ['city', 'district', 'street', 'centre'] as const;
export type Level = (typeof LEVELS)[number];

/** `sz/futian/xiangmihu` is a street: the depth of the scope tree. */
export const levelOf = (scope: string): Level => LEVELS[Math.min(scope.split('/').length, 4) - 1];

/** The places from the administrator's own down to the one shown, for the breadcrumb. */
export function trail(home: string, scope: string): string[] {
  const parts = scope.split('/');
  const from = home.split('/').length;
  return parts.slice(from - 1).map((_, i) => parts.slice(0, from + i).join('/'));
}

/** Whether a centre's event changes the figures of `scope`. */
export const within = (scope: string, centreId: string): boolean =>
  centreId === scope || centreId.startsWith(`${scope}/`);

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** What the page opens with: the last 30 days to today, day by day. */
export const defaultRange = (today: string): { from: string; to: string; grain: DashboardGrain } => ({
  from: addDays(today, -29),
  to: today,
  grain: 'day',
});

/** A share as a percentage with one decimal, as the tables and the export show it. */
export const percent = (share: number | null): number | null =>
  share === null ? null : Math.round(share * 1000) / 10;
const oneDecimal = (n: number | null): number | null => (n === null ? null : Math.round(n * 10) / 10);

export type Unit = 'percent' | 'days' | 'minutes' | 'count' | 'hours' | 'yuan';

/** A headline figure: its value (null where there is nothing to divide by) and the counts behind it. */
export interface Figure {
  key: string;
  value: number | null;
  unit: Unit;
  detail: Record<string, number | null>;
  /** what a reader should look at first */
  alert?: boolean;
}

export function affairsFigures(a: AffairsDashboard): Figure[] {
  const t = a.tally;
  const r = a.rates;
  const ratings = t.rating1 + t.rating2 + t.rating3 + t.rating4 + t.rating5;
  return [
    { key: 'oneTrip', value: percent(r.oneTrip), unit: 'percent', detail: { n: t.oneTrip, of: t.delivered } },
    {
      key: 'completedOnTime',
      value: percent(r.completedOnTime),
      unit: 'percent',
      detail: { n: t.completedOnTime, of: t.completed },
    },
    {
      key: 'handling',
      value: oneDecimal(r.meanHandlingDays),
      unit: 'days',
      detail: { promised: oneDecimal(r.meanPromisedDays), n: t.timed },
      alert: r.meanHandlingDays !== null && r.meanHandlingDays > (r.meanPromisedDays ?? Infinity),
    },
    {
      key: 'overdue',
      value: t.overdue,
      unit: 'count',
      detail: { dueSoon: t.dueSoon },
      alert: t.overdue > 0,
    },
    {
      key: 'opened',
      value: t.opened,
      unit: 'count',
      detail: { completed: t.completed, delivered: t.delivered },
    },
    {
      key: 'good',
      value: percent(r.good),
      unit: 'percent',
      detail: { n: ratings, bad: t.rating1 + t.rating2 },
    },
    {
      key: 'rectifiedOnTime',
      value: percent(r.rectifiedOnTime),
      unit: 'percent',
      detail: {
        n: t.rectifiedOnTime,
        of: t.rectified + t.rectificationOverdue,
        late: t.rectificationOverdue,
      },
      alert: t.rectificationOverdue > 0,
    },
    {
      key: 'wait',
      value: oneDecimal(r.meanWaitMinutes),
      unit: 'minutes',
      detail: { issued: t.ticketsIssued, called: t.ticketsCalled, noShow: t.noShow },
    },
  ];
}

export function volunteerFigures(v: VolunteerDashboard): Figure[] {
  const t = v.tally;
  return [
    {
      key: 'creditHours',
      value: oneDecimal(v.rates.creditHours),
      unit: 'hours',
      detail: { honour: oneDecimal(v.rates.honourHours) },
    },
    {
      key: 'activeVolunteers',
      value: t.activeVolunteers,
      unit: 'count',
      detail: { registered: t.registered },
    },
    { key: 'partyReported', value: t.partyReported, unit: 'count', detail: { fiveOnes: t.fiveOnesMet } },
    {
      key: 'wishes',
      value: t.wishesFulfilled,
      unit: 'count',
      detail: {
        posted: t.wishesPosted,
        claimed: t.wishesClaimed,
        days: oneDecimal(v.rates.meanWishDaysToFulfil),
      },
    },
    { key: 'activities', value: t.activities, unit: 'count', detail: { checkIns: t.checkIns } },
  ];
}

const yuan = (fen: number) => Math.round(fen) / 100;

export function socialorgFigures(s: SocialorgDashboard): Figure[] {
  const now = s.now.standing;
  const t = s.tally;
  return [
    {
      key: 'coverage',
      value: percent(s.now.partyBuildingCoverage),
      unit: 'percent',
      detail: {
        of: now.organisations,
        none: now['partyBuilding.none'],
      },
    },
    {
      key: 'incubating',
      value: now['incubation.incubating'],
      unit: 'count',
      detail: { applied: now['incubation.applied'], graduated: now['incubation.graduated'] },
    },
    {
      key: 'calls',
      value: t.callsOpened,
      unit: 'count',
      detail: { applications: t.applicationsSubmitted, awards: t.awards },
    },
    { key: 'awarded', value: yuan(t.awardedFen), unit: 'yuan', detail: { paid: yuan(t.paidFen) } },
    {
      key: 'subsidies',
      value: yuan(t.subsidyGrantedFen),
      unit: 'yuan',
      detail: { n: t.subsidiesGranted, paid: yuan(t.subsidyPaidFen) },
    },
  ];
}

/** Per period: cases opened and handed over (bars) and the one-trip rate (line, %). */
export function trendSeries(report: DashboardAnswer) {
  const s = report.affairs.series;
  return {
    periods: s.map((p) => p.period),
    opened: s.map((p) => p.tally.opened),
    delivered: s.map((p) => p.tally.delivered),
    oneTrip: s.map((p) => percent(p.rates.oneTrip)),
  };
}

/** 好差评: how many ratings of 1 … 5 stars. */
export function ratingCounts(a: AffairsDashboard): number[] {
  const t = a.tally;
  return [t.rating1, t.rating2, t.rating3, t.rating4, t.rating5];
}

/**
 * The queue by hour of issue: every hour of the hall's day (08–18) and any other hour that saw a ticket, tickets
 * issued and the mean wait of those called.
 */
export function queueByHour(a: AffairsDashboard) {
  const byHour = new Map(a.hours.map((h) => [h.hour, h]));
  const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')).filter(
    (h) => (h >= '08' && h <= '18') || byHour.has(h),
  );
  return {
    hours,
    issued: hours.map((h) => byHour.get(h)?.tally.ticketsIssued ?? 0),
    wait: hours.map((h) => oneDecimal(byHour.get(h)?.rates.meanWaitMinutes ?? null)),
  };
}

/** One row of the drill-down table: a place one level down. */
export interface PlaceRow {
  scope: string;
  code: string;
  opened: number;
  delivered: number;
  oneTrip: number | null;
  completedOnTime: number | null;
  overdue: number;
  dueSoon: number;
  good: number | null;
  creditHours: number | null;
  organisations: number | null;
}

export function placeRows(report: DashboardAnswer): PlaceRow[] {
  const volunteer = new Map(report.volunteer?.children.map((c) => [c.scope, c]));
  const orgs = new Map(report.socialorg?.now.children.map((c) => [c.scope, c]));
  const scopes = [
    ...new Set([...report.affairs.children.map((c) => c.scope), ...volunteer.keys(), ...orgs.keys()]),
  ].sort();
  const affairs = new Map(report.affairs.children.map((c) => [c.scope, c]));
  return scopes.map((scope) => {
    const a = affairs.get(scope);
    return {
      scope,
      code: scope.slice(scope.lastIndexOf('/') + 1),
      opened: a?.tally.opened ?? 0,
      delivered: a?.tally.delivered ?? 0,
      oneTrip: percent(a?.rates.oneTrip ?? null),
      completedOnTime: percent(a?.rates.completedOnTime ?? null),
      overdue: a?.tally.overdue ?? 0,
      dueSoon: a?.tally.dueSoon ?? 0,
      good: percent(a?.rates.good ?? null),
      creditHours: report.volunteer ? oneDecimal(volunteer.get(scope)?.rates.creditHours ?? 0) : null,
      organisations: report.socialorg ? (orgs.get(scope)?.standing.organisations ?? 0) : null,
    };
  });
}

/** Cases by item, the busiest first. */
export function itemRows(a: AffairsDashboard) {
  return a.items
    .map((i) => ({
      itemCode: i.itemCode,
      opened: i.tally.opened,
      completed: i.tally.completed,
      oneTrip: percent(i.rates.oneTrip),
      handlingDays: oneDecimal(i.rates.meanHandlingDays),
      promisedDays: oneDecimal(i.rates.meanPromisedDays),
      overdue: i.tally.overdue,
    }))
    .sort((x, y) => y.opened - x.opened || (x.itemCode < y.itemCode ? -1 : 1));
}

export type Cell = string | number | null;
export interface ExportSheet {
  name: string;
  rows: Cell[][];
}

/** What the page shows, as tables for CSV and XLSX, in the page's language: one sheet per part of the page. */
export function exportSheets(report: DashboardAnswer, t: Translate): ExportSheet[] {
  const h = (key: string) => t(`dashboard.export.${key}`);
  const figures = [
    ...affairsFigures(report.affairs).map((f) => ['affairs', f] as const),
    ...(report.volunteer ? volunteerFigures(report.volunteer).map((f) => ['volunteer', f] as const) : []),
    ...(report.socialorg ? socialorgFigures(report.socialorg).map((f) => ['socialorg', f] as const) : []),
  ];
  const trend = trendSeries(report);
  const queue = queueByHour(report.affairs);
  const ratings = ratingCounts(report.affairs);
  const places = placeRows(report);
  return [
    {
      name: h('summary'),
      rows: [
        [h('scope'), report.scope, h('range'), `${report.from} ~ ${report.to}`],
        [h('section'), h('figure'), h('value'), h('unit')],
        ...figures.map(([section, f]) => [
          t(`dashboard.section.${section}`),
          t(`dashboard.figure.${f.key}.label`),
          f.value,
          t(`dashboard.unit.${f.unit}`),
        ]),
      ],
    },
    {
      name: h('trend'),
      rows: [
        [h('period'), h('opened'), h('delivered'), h('oneTrip')],
        ...trend.periods.map((p, i) => [p, trend.opened[i], trend.delivered[i], trend.oneTrip[i]]),
      ],
    },
    {
      name: h('places'),
      rows: [
        [
          h('place'),
          h('opened'),
          h('delivered'),
          h('oneTrip'),
          h('completedOnTime'),
          h('overdue'),
          h('dueSoon'),
          h('good'),
          ...(report.volunteer ? [h('creditHours')] : []),
          ...(report.socialorg ? [h('organisations')] : []),
        ],
        ...places.map((p) => [
          p.scope,
          p.opened,
          p.delivered,
          p.oneTrip,
          p.completedOnTime,
          p.overdue,
          p.dueSoon,
          p.good,
          ...(report.volunteer ? [p.creditHours] : []),
          ...(report.socialorg ? [p.organisations] : []),
        ]),
      ],
    },
    {
      name: h('items'),
      rows: [
        [
          h('item'),
          h('opened'),
          h('completed'),
          h('oneTrip'),
          h('handlingDays'),
          h('promisedDays'),
          h('overdue'),
        ],
        ...itemRows(report.affairs).map((i) => [
          i.itemCode,
          i.opened,
          i.completed,
          i.oneTrip,
          i.handlingDays,
          i.promisedDays,
          i.overdue,
        ]),
      ],
    },
    {
      name: h('ratings'),
      rows: [[h('stars'), h('count')], ...ratings.map((n, i) => [i + 1, n])],
    },
    {
      name: h('queue'),
      rows: [
        [h('hour'), h('issued'), h('wait')],
        ...queue.hours.map((hour, i) => [`${hour}:00`, queue.issued[i], queue.wait[i]]),
      ],
    },
  ];
}

const csvCell = (cell: Cell): string => {
  const text = cell === null ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * One CSV of every sheet, each under its name and a blank line apart (RFC 4180 quoting, CRLF). The byte-order mark
 * makes Excel on a Chinese Windows read it as UTF-8 rather than GBK.
 */
export function toCsv(sheets: ExportSheet[]): string {
  const blocks = sheets.map((s) =>
    [[s.name], ...s.rows].map((row) => row.map(csvCell).join(',')).join('\r\n'),
  );
  return `\uFEFF${blocks.join('\r\n\r\n')}\r\n`;
}
