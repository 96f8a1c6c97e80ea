/**
 * The volunteer rules every screen and the service share (民政部令第67号 and the seeds' "五个一"). Pure: time is
 * passed in, nothing is read.
 */
import { personalDataProblem } from '../common/personal-data';

/** 信用时长 comes from attendance; 荣誉时长 is added by an administrator with a reason. They are never mixed. */
export const HOUR_KINDS = { credit: '信用时长', honour: '荣誉时长' } as const;
export type HourKind = keyof typeof HOUR_KINDS;

/** Star levels by cumulative 信用 hours. */
export const STAR_LEVELS = [
  { level: 1, name: '一星志愿者', hours: 100 },
  { level: 2, name: '二星志愿者', hours: 300 },
  { level: 3, name: '三星志愿者', hours: 600 },
  { level: 4, name: '四星志愿者', hours: 1000 },
  { level: 5, name: '五星志愿者', hours: 1500 },
] as const;

/** The level a 信用 balance stands at now (0 below 100 hours). */
export function starLevelOf(creditMinutes: number): number {
  return STAR_LEVELS.filter((s) => creditMinutes >= s.hours * 60).length;
}

/** Minutes still to serve to the next level, or null at the top. */
export function minutesToNextStar(creditMinutes: number): number | null {
  const next = STAR_LEVELS.find((s) => creditMinutes < s.hours * 60);
  return next ? next.hours * 60 - creditMinutes : null;
}

/** Service time is counted down to the quarter hour: 1 h 14 min served is 1 h. */
export const ROUNDING_MINUTES = 15;

/** Hours as a volunteer reads them: whole quarters, so at most two decimals and no trailing zeros. */
export const hoursOf = (minutes: number) =>
  String(Math.trunc(minutes / ROUNDING_MINUTES) / (60 / ROUNDING_MINUTES));

/**
 * Time actually served: from check-in to check-out, clipped to the activity's own time (arriving early or staying
 * on is not service, and travel never is), rounded down to the quarter hour.
 */
export function servedMinutes(
  activity: { startsAt: Date; endsAt: Date },
  checkedInAt: Date,
  checkedOutAt: Date,
): number {
  const from = Math.max(activity.startsAt.getTime(), checkedInAt.getTime());
  const to = Math.min(activity.endsAt.getTime(), checkedOutAt.getTime());
  if (to <= from) return 0;
  const minutes = Math.floor((to - from) / 60_000);
  return minutes - (minutes % ROUNDING_MINUTES);
}

/** What a 在职党员 does for the community in a year, after the seeds' "五个一" (each at least once a year). */
export const FIVE_ONES = {
  partyLife: '参加社区党组织生活',
  talk: '与社区干部座谈',
  survey: '开展社区调研',
  wish: '认领并实现微心愿',
  serviceDay: '当一天社区志愿者',
} as const;
export type FiveOne = keyof typeof FIVE_ONES;

/**
 * What an activity is, for the yearly record: `service` days count as 社区志愿者 days, the others as the
 * matching "五个一" item.
 */
export const ACTIVITY_CATEGORIES = {
  service: '志愿服务',
  party_life: '组织生活',
  talk: '座谈',
  survey: '调研',
} as const;
export type ActivityCategory = keyof typeof ACTIVITY_CATEGORIES;
export const ACTIVITY_CATEGORY_CODES = Object.keys(ACTIVITY_CATEGORIES) as [
  ActivityCategory,
  ...ActivityCategory[],
];

/** Which "五个一" item an approved attendance of this category counts toward. */
export const FIVE_ONE_OF_CATEGORY: Readonly<Record<ActivityCategory, FiveOne>> = {
  service: 'serviceDay',
  party_life: 'partyLife',
  talk: 'talk',
  survey: 'survey',
};

/**
 * The counts of one member's year, from the community's approved attendances and fulfilled wishes: a service day
 * is a distinct Shanghai calendar day with approved service at the community; the others count occasions.
 */
export function fiveOnesOf(
  attended: readonly { category: ActivityCategory; day: string }[],
  wishesFulfilled: number,
): Record<FiveOne, number> {
  const counts: Record<FiveOne, number> = {
    partyLife: 0,
    talk: 0,
    survey: 0,
    wish: wishesFulfilled,
    serviceDay: 0,
  };
  const serviceDays = new Set<string>();
  for (const { category, day } of attended) {
    if (category === 'service') serviceDays.add(day);
    else counts[FIVE_ONE_OF_CATEGORY[category]] += 1;
  }
  counts.serviceDay = serviceDays.size;
  return counts;
}

/** A member met the year's "五个一" when every count is at least one. */
export const fiveOnesMet = (counts: Record<FiveOne, number>) =>
  (Object.keys(FIVE_ONES) as FiveOne[]).every((k) => counts[k] >= 1);

/** 微心愿 limits: short enough for a card on the board, long enough to say what is wished for. */
export const WISH_TEXT_MIN = 5;
export const WISH_TEXT_MAX = 200;

/** Why a wish's text is refused, in Chinese, or null when it may go on the board (public at the kiosk). */
export function wishTextProblem(text: string): string | null {
  const plain = text.replace(/\s+/g, '');
  if (plain.length < WISH_TEXT_MIN) return `心愿内容至少 ${WISH_TEXT_MIN} 个字，请写清楚需要什么帮助`;
  if (plain.length > WISH_TEXT_MAX) return `心愿内容最多 ${WISH_TEXT_MAX} 个字`;
  return personalDataProblem(plain, '心愿内容');
}

/** Whole days a wish has waited, for the board's "已等待 N 天". */
export const ageInDays = (since: Date, now: Date) =>
  Math.max(0, Math.floor((now.getTime() - since.getTime()) / 86_400_000));
