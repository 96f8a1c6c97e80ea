// Staff and residents read times as in Shanghai, whatever the workstation's clock zone is set to.
const TIME_ZONE = 'Asia/Shanghai';

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });

/** `2026-05-06 09:30` for tables and timelines. */
export function formatDateTime(iso: string): string {
  const parts = Object.fromEntries(dateTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** `09:30`, for today's queue. */
export const formatTime = (iso: string): string => formatDateTime(iso).slice(11);

/** The Shanghai calendar day of an instant, as `YYYY-MM-DD` (the form the services give due dates in). */
export const shanghaiDay = (iso: string): string => isoDay.format(new Date(iso));

/** `2026年5月6日` for printed notices. */
export function formatDayLong(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
}
