import type { DayDescription } from './day-description.js';
import { defaultWorkCalendar } from './default-work-calendar.js';

/**
 * With the default calendar (built-in notices 2007–2026): what kind of day `date` is (holiday name, 调休 working day, weekend, ordinary working day).
 * Same as `defaultWorkCalendar().describeDay(…)` (see {@link WorkCalendar}); dates outside 2007–2026 throw
 * `CALENDAR_OUT_OF_RANGE` — make a calendar with {@link createWorkCalendar} to add years.
 *
 * @param date - the day to describe, `YYYY-MM-DD`
 * @throws {@link ShuangsuijiError} with a code of {@link CalendarErrorCode}
 * @group Calendar
 *
 * @example
 * ```ts
 * describeDay('2024-09-29').kind; // 'makeup-workday'
 * ```
 */
export function describeDay(date: string): DayDescription {
  return defaultWorkCalendar().describeDay(date);
}
