import { defaultWorkCalendar } from './default-work-calendar.js';

/**
 * With the default calendar (built-in notices 2007–2026): true on rest days (休息日): unchanged weekends and notice rest days.
 * Same as `defaultWorkCalendar().isRestDay(…)` (see {@link WorkCalendar}); dates outside 2007–2026 throw
 * `CALENDAR_OUT_OF_RANGE` — make a calendar with {@link createWorkCalendar} to add years.
 *
 * @param date - the day to test, `YYYY-MM-DD`
 * @throws {@link ShuangsuijiError} with a code of {@link CalendarErrorCode}
 * @group Calendar
 *
 * @example
 * ```ts
 * isRestDay('2024-10-01'); // true
 * ```
 */
export function isRestDay(date: string): boolean {
  return defaultWorkCalendar().isRestDay(date);
}
