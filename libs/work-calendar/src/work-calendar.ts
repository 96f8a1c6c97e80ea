import { addDays, parseDay, weekdayOf } from './calendar-day';
import { coveredYearsOf, HOLIDAY_DATA, type HolidayData } from './holiday-data';
import { endOfShanghaiDay, shanghaiDay } from './shanghai-time';
import { WorkCalendarError } from './work-calendar.errors';

// Days outside the data. The State Council publishes next year's arrangement in November or December, and a release
// of the data follows, so for weeks every year a 20-working-day limit accepted in December runs into a year the data
// does not hold yet. Stopping the case workflow then would be worse than a due date that may move by a day or two,
// so the year right after the last covered one is counted Monday to Friday and every answer touching it is flagged
// `provisional` (the UI says 预计; recompute after updating the data). Any later year, or one before the data starts,
// is a bug or a typo, not a timing gap: that throws WORK_CALENDAR.OUT_OF_COVERAGE rather than guessing.

export interface CoveredYears {
  from: number;
  to: number;
}

export type SlaState = 'on_track' | 'due_soon' | 'overdue';

export interface SlaStatus {
  /** the Shanghai calendar day on which the limit ends */
  due: string;
  /** the end of that day (23:59:59.999 Asia/Shanghai) as an instant */
  dueAt: Date;
  /** working days after today up to and including `due`: 0 on the due day, negative once overdue */
  remainingWorkingDays: number;
  state: SlaState;
  /** the due date, or today, lies in the year after the data's last: counted Monday to Friday for now */
  provisional: boolean;
}

// function-valued properties, not methods: each is used detached (`export const isWorkingDay = calendar.…`)
export interface WorkCalendar {
  coveredYears: () => CoveredYears;
  isProvisional: (day: string) => boolean;
  isWorkingDay: (day: string) => boolean;
  addWorkingDays: (start: Date | string, days: number) => string;
  workingDaysBetween: (from: Date | string, to: Date | string) => number;
  slaStatus: (acceptedAt: Date, limitDays: number, now: Date, warnDays?: number) => SlaStatus;
}

const toDay = (value: Date | string): string => {
  if (value instanceof Date) return shanghaiDay(value);
  parseDay(value);
  return value;
};

const assertCount = (name: string, value: number): void => {
  if (!Number.isInteger(value) || value < 0) {
    throw new WorkCalendarError('WORK_CALENDAR.INVALID_ARGUMENT', { [name]: value }, `${name} 应为非负整数`);
  }
};

/** A calendar over one holiday data set; the module-level functions below use the data of `chinese-days`. */
export function createWorkCalendar(data: HolidayData): WorkCalendar {
  const covered = coveredYearsOf(data);

  const isProvisional = (day: string): boolean => {
    const { year } = parseDay(day);
    if (year < covered.from || year > covered.to + 1) {
      throw new WorkCalendarError('WORK_CALENDAR.OUT_OF_COVERAGE', { day, ...covered });
    }
    return year > covered.to;
  };

  const isWorkingDay = (day: string): boolean => {
    isProvisional(day); // throws outside the coverage
    if (day in data.workdays) return true;
    if (day in data.holidays) return false;
    const weekday = weekdayOf(day);
    return weekday !== 0 && weekday !== 6;
  };

  // 《政务服务时限》practice: the day of acceptance is not counted; the limit's first day is the first working day
  // after it. Accepted on a non-working day, the count starts from the next working day, which the same loop does.
  // The limit ends at the end of the day the count reaches. days = 0 is 当场办结: due on the day of acceptance.
  const addWorkingDays = (start: Date | string, days: number): string => {
    assertCount('days', days);
    let day = toDay(start);
    isProvisional(day);
    for (let left = days; left > 0;) {
      day = addDays(day, 1);
      if (isWorkingDay(day)) left--;
    }
    return day;
  };

  // Working days in (from, to]: the same counting as addWorkingDays, so workingDaysBetween(d, addWorkingDays(d, n))
  // is n. Negative when `to` is before `from`.
  const workingDaysBetween = (from: Date | string, to: Date | string): number => {
    const [a, b] = [toDay(from), toDay(to)];
    const [low, high, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    isProvisional(low);
    isProvisional(high);
    let count = 0;
    for (let day = addDays(low, 1); day <= high; day = addDays(day, 1)) {
      if (isWorkingDay(day)) count++;
    }
    return sign * count;
  };

  const slaStatus = (acceptedAt: Date, limitDays: number, now: Date, warnDays = 1): SlaStatus => {
    assertCount('limitDays', limitDays);
    assertCount('warnDays', warnDays);
    const due = addWorkingDays(acceptedAt, limitDays);
    const dueAt = endOfShanghaiDay(due);
    const today = shanghaiDay(now);
    const remainingWorkingDays = workingDaysBetween(today, due);
    const state: SlaState =
      now.getTime() > dueAt.getTime()
        ? 'overdue'
        : remainingWorkingDays <= warnDays
          ? 'due_soon'
          : 'on_track';
    return {
      due,
      dueAt,
      remainingWorkingDays,
      state,
      provisional: isProvisional(due) || isProvisional(today),
    };
  };

  return {
    coveredYears: () => ({ ...covered }),
    isProvisional,
    isWorkingDay,
    addWorkingDays,
    workingDaysBetween,
    slaStatus,
  };
}

const calendar = createWorkCalendar(HOLIDAY_DATA);

/** The years the holiday data holds; the year after `to` is answered provisionally (Monday to Friday). */
export const coveredYears = calendar.coveredYears;
/** True for a day in the year after the data's last, whose holidays are not known yet; throws beyond that. */
export const isProvisional = calendar.isProvisional;
/** Whether a 'YYYY-MM-DD' day (Asia/Shanghai calendar) is a working day, 调休 make-up days included. */
export const isWorkingDay = calendar.isWorkingDay;
/** The day a limit of `days` working days ends, counted from the day after acceptance (see the rule above). */
export const addWorkingDays = calendar.addWorkingDays;
/** Working days after `from` up to and including `to`; negative when `to` is earlier. */
export const workingDaysBetween = calendar.workingDaysBetween;
/** Due date, remaining working days and state of a time limit; `warnDays` working days before due it is due_soon. */
export const slaStatus = calendar.slaStatus;
