export * from './work-calendar';
export * from './work-calendar.errors';
export { endOfShanghaiDay, shanghaiDay, startOfShanghaiDay, CALENDAR_TIME_ZONE } from './shanghai-time';
export type { HolidayData } from './holiday-data';
