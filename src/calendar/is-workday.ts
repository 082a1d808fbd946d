import { defaultWorkCalendar } from './default-work-calendar.js';

/**
 * With the default calendar (built-in notices 2007–2026): true on working days (工作日), including 调休 make-up working days.
 * Same as `defaultWorkCalendar().isWorkday(…)` (see {@link WorkCalendar}); dates outside 2007–2026 throw
 * `CALENDAR_OUT_OF_RANGE` — make a calendar with {@link createWorkCalendar} to add years.
 *
 * @param date - the day to test, `YYYY-MM-DD`
 * @throws {@link ShuangsuijiError} with a code of {@link CalendarErrorCode}
 * @group Calendar
 *
 * @example
 * ```ts
 * isWorkday('2024-09-29'); // true (a make-up working Sunday)
 * ```
 */
export function isWorkday(date: string): boolean {
  return defaultWorkCalendar().isWorkday(date);
}
