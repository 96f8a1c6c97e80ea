import { type DashboardQuery, dashboardQuery } from '@psc/contracts/insight';
import { shanghaiDay } from '@psc/util';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, messageOf } from '../../shell/api';
import {
  affairsFigures,
  type DashboardAnswer,
  exportSheets,
  itemRows,
  placeRows,
  queueByHour,
  ratingCounts,
  socialorgFigures,
  type Translate,
  trendSeries,
  volunteerFigures,
  within,
} from './figures';

/** A burst of events (a counter handing over a batch) becomes one read. */
export const LIVE_DEBOUNCE_MS = 2000;
/**
 * insight counts the very events the stream carries, and on a busy day may not have counted one yet when the first
 * read goes out: a second read this much later catches it.
 */
export const LIVE_SETTLE_MS = 8000;

/** The dashboard of one place over a range: the answer of insight, shaped for the charts, tables and export. */
export const useDashboardStore = defineStore('dashboard', () => {
  const report = ref<DashboardAnswer>();
  const query = ref<DashboardQuery>();
  const failure = ref<string>();
  const loading = ref(false);
  // a slower answer to an older question must not overwrite a newer one
  let asked = 0;
  let pending: ReturnType<typeof setTimeout> | undefined;

  /** Reads the figures; a range the service would refuse is refused here, in the schema's Chinese. */
  async function load(wanted: DashboardQuery): Promise<void> {
    const parsed = dashboardQuery.safeParse(wanted);
    if (!parsed.success) {
      failure.value = parsed.error.issues[0]?.message;
      return;
    }
    query.value = parsed.data;
    const mine = ++asked;
    loading.value = true;
    try {
      const answer = await api.get<DashboardAnswer>(
        `/insight/dashboard?${new URLSearchParams({ ...parsed.data }).toString()}`,
      );
      if (mine !== asked) return;
      report.value = answer;
      failure.value = undefined;
    } catch (error) {
      if (mine === asked) failure.value = messageOf(error);
    } finally {
      if (mine === asked) loading.value = false;
    }
  }

  const reload = () => (query.value ? load(query.value) : Promise.resolve());

  /**
   * A centre's event arrived: read again soon if it can change what is shown, that is the centre is within the
   * place and the range reaches today (counters count on the day an event happens).
   */
  function eventAt(centreId: string, now: Date = new Date()): void {
    const q = query.value;
    if (!q || !within(q.scope, centreId) || q.to < shanghaiDay(now)) return;
    clearTimeout(pending);
    pending = setTimeout(() => {
      void reload();
      pending = setTimeout(() => void reload(), LIVE_SETTLE_MS);
    }, LIVE_DEBOUNCE_MS);
  }

  const stop = () => clearTimeout(pending);

  const figures = computed(() => {
    const r = report.value;
    if (!r) return [];
    return [
      { section: 'affairs', figures: affairsFigures(r.affairs) },
      ...(r.volunteer ? [{ section: 'volunteer', figures: volunteerFigures(r.volunteer) }] : []),
      ...(r.socialorg ? [{ section: 'socialorg', figures: socialorgFigures(r.socialorg) }] : []),
    ];
  });
  const trend = computed(() => report.value && trendSeries(report.value));
  const ratings = computed(() => report.value && ratingCounts(report.value.affairs));
  const queue = computed(() => report.value && queueByHour(report.value.affairs));
  const places = computed(() => (report.value ? placeRows(report.value) : []));
  const items = computed(() => (report.value ? itemRows(report.value.affairs) : []));
  const sheets = (t: Translate) => (report.value ? exportSheets(report.value, t) : []);

  return {
    report,
    query,
    failure,
    loading,
    load,
    reload,
    eventAt,
    stop,
    figures,
    trend,
    ratings,
    queue,
    places,
    items,
    sheets,
  };
});
