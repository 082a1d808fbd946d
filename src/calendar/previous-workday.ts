import type { PlainDate } from '../internals/plain-date.js';
import { defaultWorkCalendar } from './default-work-calendar.js';

/**
 * With the default calendar (built-in notices 2007–2026): the last working day strictly before `date`.
 * Same as `defaultWorkCalendar().previousWorkday(…)` (see {@link WorkCalendar}); dates outside 2007–2026 throw
 * `CALENDAR_OUT_OF_RANGE` — make a calendar with {@link createWorkCalendar} to add years.
 *
 * @param date - the day to start from, `YYYY-MM-DD` (never returned itself)
 * @throws {@link ShuangsuijiError} with a code of {@link CalendarErrorCode}
 * @group Calendar
 *
 * @example
 * ```ts
 * previousWorkday('2024-10-08'); // '2024-09-30'
 * ```
 */
export function previousWorkday(date: string): PlainDate {
  return defaultWorkCalendar().previousWorkday(date);
}
