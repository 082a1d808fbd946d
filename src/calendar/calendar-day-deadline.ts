import type { PlainDate } from '../internals/plain-date.js';
import { defaultWorkCalendar } from './default-work-calendar.js';

/**
 * With the default calendar (built-in notices 2007–2026): `date` + `days` calendar days, extended to the next working day when that day is a rest day (民法典 art. 203).
 * Same as `defaultWorkCalendar().calendarDayDeadline(…)` (see {@link WorkCalendar}); dates outside 2007–2026 throw
 * `CALENDAR_OUT_OF_RANGE` — make a calendar with {@link createWorkCalendar} to add years.
 *
 * @param date - the day the period starts from, `YYYY-MM-DD` (not counted itself)
 * @param days - the period in calendar days (按日计算的期限), a whole number ≥ 0
 * @throws {@link ShuangsuijiError} with a code of {@link CalendarErrorCode}
 * @group Calendar
 *
 * @example
 * ```ts
 * calendarDayDeadline('2024-09-24', 7); // '2024-10-08'
 * ```
 */
export function calendarDayDeadline(date: string, days: number): PlainDate {
  return defaultWorkCalendar().calendarDayDeadline(date, days);
}
