import type { Centre, ItemContent } from '@psc/contracts/catalogue';
import { formatFen, shanghaiClock } from '@psc/util';
import { i18n } from '../i18n';

// the app's translator: text follows the kiosk's language, and templates re-render when it changes
const { t } = i18n.global;

/** 分 → "¥1,234.50"; nothing to pay → 免费. */
export const fee = (fen: number): string =>
  fen === 0 ? t('catalogue.free') : formatFen(fen, i18n.global.locale.value);

/** A limit in working days; 0 means the matter is settled on the spot. */
export function workingDays(days: number): string {
  return days === 0 ? t('catalogue.onTheSpot') : t('catalogue.workingDays', { count: days }, days);
}

/** What the centre promises, as a list shows it. */
export const promised = (days: number): string =>
  days === 0 ? t('catalogue.onTheSpot') : t('catalogue.promised', { limit: workingDays(days) });

/** The promised limit with the legal one beside it, as a 办事指南 states both. */
export function timeLimit({
  promisedDays,
  legalDays,
}: Pick<ItemContent, 'promisedDays' | 'legalDays'>): string {
  if (legalDays === 0 || legalDays === promisedDays) return workingDays(promisedDays);
  return t('catalogue.timeLimit', { promised: workingDays(promisedDays), legal: workingDays(legalDays) });
}

/** 到现场次数: 0 — done entirely online, 1 — at most one trip (最多跑一次). */
export const visits = (n: number): string => t(n === 0 ? 'catalogue.visits.none' : 'catalogue.visits.once');

type Hours = Centre['hours'];

function periodsOn(hours: Hours, weekday: number) {
  return hours.filter((h) => h.weekdays.includes(weekday)).sort((a, b) => a.open.localeCompare(b.open));
}

const joinList = (parts: string[]) => parts.join(t('catalogue.listSeparator'));
const periodsText = (hours: Hours, weekday: number) => {
  const periods = periodsOn(hours, weekday);
  return periods.length === 0 ? t('catalogue.closed') : joinList(periods.map((p) => `${p.open}–${p.close}`));
};

export function isOpen(hours: Hours, now: Date): boolean {
  const { weekday, time } = shanghaiClock(now);
  return periodsOn(hours, weekday).some((p) => p.open <= time && time < p.close);
}

export const todayHours = (hours: Hours, now: Date): string => periodsText(hours, shanghaiClock(now).weekday);

/** The week in runs of days with the same hours: "周一至周五 09:00–18:00、19:00–21:00". */
export function weekHours(hours: Hours): { days: string; hours: string }[] {
  const runs: { from: number; to: number; hours: string }[] = [];
  for (let day = 1; day <= 7; day += 1) {
    const text = periodsText(hours, day);
    const last = runs.at(-1);
    if (last && last.hours === text) last.to = day;
    else runs.push({ from: day, to: day, hours: text });
  }
  const dayName = (day: number) => t(`catalogue.weekday.${day}`);
  return runs.map(({ from, to, hours: text }) => ({
    days:
      from === to
        ? dayName(from)
        : to === from + 1
          ? joinList([dayName(from), dayName(to)])
          : t('catalogue.dayRange', { from: dayName(from), to: dayName(to) }),
    hours: text,
  }));
}
