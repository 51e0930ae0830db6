// Public API of the working-day calendar. Everything else in this folder is internal.
export { isCalendarDate, type YearMonthDay } from './date.ts';
export { easterSunday } from './easter.ts';
export {
  FIRST_SUPPORTED_YEAR,
  JURISDICTIONS,
  LAST_SUPPORTED_YEAR,
  NL_EQUATED_DAYS,
  publicHolidays,
  type CalendarOptions,
  type Holiday,
  type HolidayKey,
  type Jurisdiction,
} from './holidays.ts';
export { localDate, TIME_ZONES } from './local-date.ts';
export { addWorkingDays, isWorkingDay, termijnenwetDeadline, workingDaysBetween } from './working-days.ts';
