import type { WorkCalendarIssueCode } from './work-calendar-issue-code.js';

/**
 * The codes of the {@link ShuangsuijiError}s the calendar throws: `INVALID_DATE` (not a real `YYYY-MM-DD` date),
 * `INVALID_ARGUMENT` (a day count that is not an integer, a value that is not a `Date` …), `CALENDAR_OUT_OF_RANGE`
 * (a date or result outside the years the calendar covers, with `details` naming the range), and
 * {@link createWorkCalendar}'s first problem, a {@link WorkCalendarIssueCode}.
 *
 * @group Calendar
 *
 * @example
 * ```ts
 * try {
 *   addWorkdays('2024-02-30', 3);
 * } catch (error) {
 *   const codes: readonly CalendarErrorCode[] = ['INVALID_DATE', 'CALENDAR_OUT_OF_RANGE'];
 *   if (isShuangsuijiError(error, codes)) console.log(error.code); // INVALID_DATE
 * }
 * ```
 */
export type CalendarErrorCode = WorkCalendarIssueCode | 'INVALID_DATE' | 'INVALID_ARGUMENT' | 'CALENDAR_OUT_OF_RANGE';
