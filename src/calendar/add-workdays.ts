import type { PlainDate } from '../internals/plain-date.js';
import { defaultWorkCalendar } from './default-work-calendar.js';

/**
 * With the default calendar (built-in notices 2007–2026): the `n`-th working day strictly after `date` (negative `n`: before; 0: `date` itself).
 * Same as `defaultWorkCalendar().addWorkdays(…)` (see {@link WorkCalendar}); dates outside 2007–2026 throw
 * `CALENDAR_OUT_OF_RANGE` — make a calendar with {@link createWorkCalendar} to add years.
 *
 * @param date - the start date, `YYYY-MM-DD` (not counted itself)
 * @param n - how many working days (工作日) to move: a whole number, negative to go back, 0 for `date` itself
 * @throws {@link ShuangsuijiError} with a code of {@link CalendarErrorCode}
 * @group Calendar
 *
 * @example
 * ```ts
 * addWorkdays('2024-09-30', 1); // '2024-10-08'
 * ```
 */
export function addWorkdays(date: string, n: number): PlainDate {
  return defaultWorkCalendar().addWorkdays(date, n);
}
