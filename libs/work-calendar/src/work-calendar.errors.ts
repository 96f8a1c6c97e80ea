export type WorkCalendarErrorCode =
  | 'WORK_CALENDAR.INVALID_DAY'
  | 'WORK_CALENDAR.INVALID_ARGUMENT'
  | 'WORK_CALENDAR.OUT_OF_COVERAGE'
  | 'WORK_CALENDAR.DATA_INVALID';

export const WORK_CALENDAR_MESSAGES: Record<WorkCalendarErrorCode, string> = {
  'WORK_CALENDAR.INVALID_DAY': '日期格式不正确，应为 YYYY-MM-DD 的有效日期',
  'WORK_CALENDAR.INVALID_ARGUMENT': '工作日计算的参数不正确',
  'WORK_CALENDAR.OUT_OF_COVERAGE': '该日期超出节假日数据的覆盖年份，无法按工作日计算时限，请更新节假日数据',
  'WORK_CALENDAR.DATA_INVALID': '节假日数据格式异常，请检查 chinese-days 的版本',
};

/** Thrown for a bad argument or a day the holiday data cannot answer for; `code` is for logic, `message` for people. */
export class WorkCalendarError extends Error {
  override readonly name = 'WorkCalendarError';

  constructor(
    readonly code: WorkCalendarErrorCode,
    readonly details: Record<string, unknown> = {},
    message: string = WORK_CALENDAR_MESSAGES[code],
  ) {
    super(message);
  }
}
