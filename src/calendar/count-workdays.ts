import { defaultWorkCalendar } from './default-work-calendar.js';

/**
 * With the default calendar (built-in notices 2007–2026): the working days in (from, to]; when `to` is earlier, minus those in [to, from).
 * Same as `defaultWorkCalendar().countWorkdays(…)` (see {@link WorkCalendar}); dates outside 2007–2026 throw
 * `CALENDAR_OUT_OF_RANGE` — make a calendar with {@link createWorkCalendar} to add years.
 *
 * @param from - the start date, `YYYY-MM-DD` (not counted)
 * @param to - the end date, `YYYY-MM-DD` (counted); earlier than `from` gives a negative count
 * @throws {@link ShuangsuijiError} with a code of {@link CalendarErrorCode}
 * @group Calendar
 *
 * @example
 * ```ts
 * countWorkdays('2024-09-30', '2024-10-08'); // 1
 * ```
 */
export function countWorkdays(from: string, to: string): number {
  return defaultWorkCalendar().countWorkdays(from, to);
}
