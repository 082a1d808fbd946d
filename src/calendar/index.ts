/**
 * 工作日历与法定期限 — Chinese working days from the State Council holiday notices, and the three kinds
 * of deadline: working-day periods, calendar-day periods extended past rest days, and working days
 * between two dates.
 *
 * @module
 */
export { createWorkCalendar } from './create-work-calendar.js';
export { safeCreateWorkCalendar } from './safe-create-work-calendar.js';
export { defaultWorkCalendar } from './default-work-calendar.js';
export { builtInHolidayData } from './built-in-holiday-data.js';
export { addWorkdays } from './add-workdays.js';
export { countWorkdays } from './count-workdays.js';
export { isWorkday } from './is-workday.js';
export { isRestDay } from './is-rest-day.js';
export { nextWorkday } from './next-workday.js';
export { previousWorkday } from './previous-workday.js';
export { calendarDayDeadline } from './calendar-day-deadline.js';
export { describeDay } from './describe-day.js';
export { parsePlainDate } from './parse-plain-date.js';
export { isPlainDate } from './is-plain-date.js';
export { plainDateInShanghai } from './plain-date-in-shanghai.js';
export type { PlainDate } from './plain-date.js';
export type { WorkCalendar } from './work-calendar.js';
export type { WorkCalendarOptions, UnknownYearsPolicy } from './work-calendar-options.js';
export type { WorkCalendarIssueCode } from './work-calendar-issue-code.js';
export type { CalendarErrorCode } from './calendar-error-code.js';
export type { HolidayYear, HolidayYearDay } from './holiday-year.js';
export type { DayOverride } from './day-override.js';
export type { CalendarCoverage, CalendarSource } from './calendar-coverage.js';
export type { DayDescription, DayKind, DaySource } from './day-description.js';
