import {
  AFFAIRS_TALLY_FIELDS,
  type AffairsRates,
  type AffairsTally,
  SOCIALORG_STANDING_FIELDS,
  SOCIALORG_TALLY_FIELDS,
  type SocialorgDashboard,
  VOLUNTEER_TALLY_FIELDS,
  type VolunteerDashboard,
} from '@psc/contracts/insight';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from 'vue-i18n';
import { api } from '../../shell/api';
import { type DashboardAnswer, exportSheets, levelOf, toCsv, trail } from './figures';
import zhCN from './locales/zh-CN.json';
import { LIVE_DEBOUNCE_MS, LIVE_SETTLE_MS, useDashboardStore } from './store';

vi.mock('../../shell/api', async (original) => ({
  ...(await original<typeof import('../../shell/api')>()),
  api: { get: vi.fn() },
}));
const get = vi.mocked(api.get);

const NO_RATES: AffairsRates = {
  oneTrip: null,
  completedOnTime: null,
  meanHandlingDays: null,
  meanPromisedDays: null,
  good: null,
  rectifiedOnTime: null,
  meanWaitMinutes: null,
};
const tally = (counts: Partial<AffairsTally> = {}) =>
  ({ ...Object.fromEntries(AFFAIRS_TALLY_FIELDS.map((f) => [f, 0])), ...counts }) as AffairsTally;
const figures = (counts: Partial<AffairsTally> = {}, rates: Partial<AffairsRates> = {}) => ({
  tally: tally(counts),
  rates: { ...NO_RATES, ...rates },
});

const STREET = 'sz/futian/xiangmihu';
const C1 = `${STREET}/c-001`;
const C2 = `${STREET}/c-002`;

// a street's week by hand: at c-001 two cases handed over, one of them in one trip, rated 5 and 2; c-002 quiet
const report = (): DashboardAnswer => ({
  scope: STREET,
  grain: 'day',
  from: '2026-11-23',
  to: '2026-11-25',
  periods: ['2026-11-23', '2026-11-24', '2026-11-25'],
  affairs: {
    ...figures(
      {
        opened: 2,
        completed: 2,
        completedOnTime: 1,
        delivered: 2,
        oneTrip: 1,
        timed: 2,
        handlingDays: 5,
        promisedDays: 4,
        overdue: 1,
        dueSoon: 2,
        rating2: 1,
        rating5: 1,
        rectified: 1,
        rectifiedOnTime: 1,
        ticketsIssued: 3,
        ticketsCalled: 2,
        waitSeconds: 2700,
        noShow: 1,
      },
      {
        oneTrip: 0.5,
        completedOnTime: 0.5,
        meanHandlingDays: 2.5,
        meanPromisedDays: 2,
        good: 0.5,
        rectifiedOnTime: 1,
        meanWaitMinutes: 22.5,
      },
    ),
    series: [
      { period: '2026-11-23', ...figures({ opened: 2 }) },
      { period: '2026-11-24', ...figures() },
      { period: '2026-11-25', ...figures({ delivered: 2, oneTrip: 1 }, { oneTrip: 0.5 }) },
    ],
    items: [
      {
        itemCode: 'MZ-001',
        ...figures({ opened: 1, completed: 1, oneTrip: 1, delivered: 1 }, { oneTrip: 1 }),
      },
      { itemCode: 'YL-002', ...figures({ opened: 1, completed: 1, delivered: 1 }, { oneTrip: 0 }) },
    ],
    children: [
      { scope: C1, ...figures({ opened: 2, delivered: 2, overdue: 1 }, { oneTrip: 0.5, good: 0.5 }) },
    ],
    hours: [
      { hour: '07', ...figures({ ticketsIssued: 1 }) },
      { hour: '09', ...figures({ ticketsIssued: 2, ticketsCalled: 2 }, { meanWaitMinutes: 22.5 }) },
    ],
  },
});

const volunteerTally = (counts: Partial<VolunteerDashboard['tally']> = {}) =>
  ({
    ...Object.fromEntries(VOLUNTEER_TALLY_FIELDS.map((f) => [f, 0])),
    ...counts,
  }) as VolunteerDashboard['tally'];
const volunteerRates = (creditHours: number) => ({
  creditHours,
  honourHours: 0,
  meanWishDaysToFulfil: null,
  wishesFulfilledShare: null,
});
const volunteer = (): VolunteerDashboard => ({
  tally: volunteerTally({ creditMinutes: 150, activeVolunteers: 3 }),
  rates: volunteerRates(2.5),
  series: [],
  children: [{ scope: C2, tally: volunteerTally({ creditMinutes: 150 }), rates: volunteerRates(2.5) }],
});
const socialorg = (): SocialorgDashboard => {
  const zero = <F extends string>(fields: readonly F[]) =>
    Object.fromEntries(fields.map((f) => [f, 0])) as Record<F, number>;
  return {
    tally: { ...zero(SOCIALORG_TALLY_FIELDS), awardedFen: 12_345_67, paidFen: 5_000_00 },
    series: [],
    children: [],
    now: {
      standing: { ...zero(SOCIALORG_STANDING_FIELDS), organisations: 4, 'partyBuilding.none': 1 },
      partyBuildingCoverage: 0.75,
      children: [
        {
          scope: C1,
          standing: { ...zero(SOCIALORG_STANDING_FIELDS), organisations: 4 },
          partyBuildingCoverage: 0.75,
        },
      ],
    },
  };
};

const query = { scope: STREET, from: '2026-11-23', to: '2026-11-25', grain: 'day' as const };
const t = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN } }).global.t;

describe('the dashboard store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.resetAllMocks();
  });
  afterEach(() => vi.useRealTimers());

  it('asks insight for the place and range, and leads with the figures of the affairs section', async () => {
    get.mockResolvedValue(report());
    const store = useDashboardStore();
    await store.load(query);
    expect(get).toHaveBeenCalledWith(
      '/insight/dashboard?scope=sz%2Ffutian%2Fxiangmihu&from=2026-11-23&to=2026-11-25&grain=day',
    );
    expect(store.figures.map((s) => s.section)).toEqual(['affairs']);
    const [affairs] = store.figures;
    expect(Object.fromEntries(affairs.figures.map((f) => [f.key, [f.value, f.alert ?? false]]))).toEqual({
      oneTrip: [50, false],
      completedOnTime: [50, false],
      // 2.5 working days against 2 promised: slower than promised, so flagged
      handling: [2.5, true],
      overdue: [1, true],
      opened: [2, false],
      good: [50, false],
      rectifiedOnTime: [100, false],
      wait: [22.5, false],
    });
    expect(affairs.figures.find((f) => f.key === 'good')?.detail).toEqual({ n: 2, bad: 1 });
  });

  it('refuses a range the service would refuse, in Chinese, without asking', async () => {
    const store = useDashboardStore();
    await store.load({ ...query, from: '2026-11-26' });
    expect(get).not.toHaveBeenCalled();
    expect(store.failure).toBe('开始日期不能晚于结束日期');
    await store.load({ ...query, from: '2026-01-01', to: '2026-12-31' });
    expect(store.failure).toBe('时间范围过长，请缩短范围或改用更粗的粒度');
  });

  it('keeps the answer to the latest question when an older one answers last', async () => {
    let answerOld: (r: DashboardAnswer) => void = () => undefined;
    get.mockReturnValueOnce(new Promise((resolve) => (answerOld = resolve)));
    get.mockResolvedValueOnce({ ...report(), scope: C1 });
    const store = useDashboardStore();
    const older = store.load(query);
    await store.load({ ...query, scope: C1 });
    answerOld(report());
    await older;
    expect(store.report?.scope).toBe(C1);
    expect(store.loading).toBe(false);
  });

  it('shapes the series of the charts', async () => {
    get.mockResolvedValue(report());
    const store = useDashboardStore();
    await store.load(query);
    expect(store.trend).toEqual({
      periods: ['2026-11-23', '2026-11-24', '2026-11-25'],
      opened: [2, 0, 0],
      delivered: [0, 0, 2],
      oneTrip: [null, null, 50],
    });
    expect(store.ratings).toEqual([0, 1, 0, 0, 1]);
    // the hall's hours 08–18, and 07, which saw a ticket
    expect(store.queue?.hours).toEqual([
      '07',
      '08',
      '09',
      '10',
      '11',
      '12',
      '13',
      '14',
      '15',
      '16',
      '17',
      '18',
    ]);
    expect(store.queue?.issued.slice(0, 3)).toEqual([1, 0, 2]);
    expect(store.queue?.wait.slice(0, 3)).toEqual([null, null, 22.5]);
    expect(store.items.map((i) => [i.itemCode, i.oneTrip])).toEqual([
      ['MZ-001', 100],
      ['YL-002', 0],
    ]);
  });

  it('compares the places below across sections, a place known to one section only included', async () => {
    get.mockResolvedValue({ ...report(), volunteer: volunteer(), socialorg: socialorg() });
    const store = useDashboardStore();
    await store.load(query);
    expect(store.figures.map((s) => s.section)).toEqual(['affairs', 'volunteer', 'socialorg']);
    expect(store.figures[2].figures.find((f) => f.key === 'awarded')).toMatchObject({
      value: 12345.67,
      detail: { paid: 5000 },
    });
    expect(store.figures[2].figures.find((f) => f.key === 'coverage')?.value).toBe(75);
    expect(store.places.map((p) => [p.code, p.opened, p.oneTrip, p.creditHours, p.organisations])).toEqual([
      ['c-001', 2, 50, 0, 4],
      ['c-002', 0, null, 2.5, 0],
    ]);
  });

  it('reads again after a burst of events at a centre of the place, and once more as insight settles', async () => {
    vi.useFakeTimers();
    get.mockResolvedValue(report());
    const store = useDashboardStore();
    await store.load(query);
    const today = new Date('2026-11-25T03:00:00Z');
    store.eventAt(C1, today);
    store.eventAt(C2, today);
    store.eventAt('sz/futian/lianhua/c-001', today);
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    expect(get).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(LIVE_SETTLE_MS);
    expect(get).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(LIVE_SETTLE_MS * 2);
    expect(get).toHaveBeenCalledTimes(3);
    // a range that ended before today cannot change
    store.eventAt(C1, new Date('2026-11-26T03:00:00Z'));
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS + LIVE_SETTLE_MS);
    expect(get).toHaveBeenCalledTimes(3);
  });
});

describe('the export', () => {
  it('writes what the page shows as CSV, in Chinese, quoted where needed', () => {
    const csv = toCsv(exportSheets(report(), t));
    expect(csv.startsWith('\uFEFF总览\r\n')).toBe(true);
    const blocks = csv.slice(1).trimEnd().split('\r\n\r\n');
    expect(blocks.map((b) => b.split('\r\n')[0])).toEqual([
      '总览',
      '趋势',
      '分下级',
      '分事项',
      '好差评',
      '分时段排队',
    ]);
    expect(blocks[0].split('\r\n').slice(0, 4)).toEqual([
      '总览',
      '统计范围,sz/futian/xiangmihu,时间范围,2026-11-23 ~ 2026-11-25',
      '板块,指标,数值,单位',
      '政务服务,最多跑一次率,50,%',
    ]);
    expect(blocks[1].split('\r\n')).toEqual([
      '趋势',
      '时段,收件,送达,最多跑一次率（%）',
      '2026-11-23,2,0,',
      '2026-11-24,0,0,',
      '2026-11-25,0,2,50',
    ]);
    expect(blocks[2].split('\r\n')).toEqual([
      '分下级',
      '下级范围,收件,送达,最多跑一次率（%）,按时办结率（%）,超期,临期,好评率（%）',
      'sz/futian/xiangmihu/c-001,2,2,50,,1,0,50',
    ]);
    expect(blocks[4].split('\r\n').slice(1)).toEqual(['星级,条数', '1,0', '2,1', '3,0', '4,0', '5,1']);
    expect(toCsv([{ name: 'x', rows: [['a,"b"', 1, null]] }])).toBe('\uFEFFx\r\n"a,""b""",1,\r\n');
  });

  it('adds the columns of the volunteer and socialorg sections when the answer has them', () => {
    const [summary, , places] = exportSheets(
      { ...report(), volunteer: volunteer(), socialorg: socialorg() },
      t,
    );
    expect(summary.rows.map((r) => r[0])).toContain('志愿服务');
    expect(summary.rows.find((r) => r[1] === '项目资助金额')).toEqual([
      '社会组织',
      '项目资助金额',
      12345.67,
      '元',
    ]);
    expect(places.rows[0].slice(-2)).toEqual(['志愿服务时长（小时）', '社会组织数']);
  });
});

describe('places', () => {
  it('names the level of a scope and the breadcrumb from the administrator’s own place', () => {
    expect(['sz', 'sz/futian', STREET, C1].map(levelOf)).toEqual(['city', 'district', 'street', 'centre']);
    expect(trail(STREET, C1)).toEqual([STREET, C1]);
    expect(trail('sz', C1)).toEqual(['sz', 'sz/futian', STREET, C1]);
  });
});
