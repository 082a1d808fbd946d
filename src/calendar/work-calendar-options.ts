import type { DayOverride } from './day-override.js';
import type { HolidayYear } from './holiday-year.js';

/**
 * What to do with dates outside the covered years:
 * - `'error'` — throw `CALENDAR_OUT_OF_RANGE` (no silent guess);
 * - `'weekdays-only'` — an explicit opt-in: treat every day outside the covered years as a plain
 *   Monday–Friday week with no holidays (answers for those days are then estimates, marked
 *   `source: 'assumed'` by `describeDay`).
 *
 * @group Calendar
 *
 * @example
 * ```ts
 * const policy: UnknownYearsPolicy = 'weekdays-only';
 * ```
 */
export type UnknownYearsPolicy = 'error' | 'weekdays-only';

/**
 * Options of {@link createWorkCalendar} and {@link safeCreateWorkCalendar}. Unknown keys are reported
 * (`UNKNOWN_OPTION`), so a typo never goes unnoticed.
 *
 * @group Calendar
 *
 * @example
 * ```ts
 * const options: WorkCalendarOptions = {
 *   // holiday-cn shaped data for a newer year (synthetic here: use the real notice's days)
 *   years: [{ year: 2027, papers: ['国办发明电〔2026〕X号'], days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }] }],
 *   overrides: [{ date: '2026-03-03', isOffDay: true, name: '本地节日' }],
 *   unknownYears: 'error',
 * };
 * createWorkCalendar(options).coverage.last; // '2027-12-31'
 * ```
 */
export interface WorkCalendarOptions {
  /**
   * Extra notice years, in the holiday-cn JSON shape. Each must be complete: a year number, at least one
   * notice reference in `papers`, a non-empty `days` list, every date inside 1 December of the year
   * before to 31 December of the year; together with the built-in years the covered years must stay
   * contiguous (coverage then extends to 31 December of the newest year). A year the built-in data
   * already has is merged with it: entries for the same date must agree (`DAY_CONFLICT` otherwise).
   * @defaultValue `[]`
   */
  readonly years?: readonly HolidayYear[];
  /**
   * Local overrides, applied last, each inside the covered range. Two overrides of one date must agree.
   * @defaultValue `[]`
   */
  readonly overrides?: readonly DayOverride[];
  /**
   * The policy for dates outside the covered years.
   * @defaultValue `'error'`
   */
  readonly unknownYears?: UnknownYearsPolicy;
  /**
   * Whether to start from the built-in notices (2007–2026). `false` builds a calendar from `years` only.
   * @defaultValue `true`
   */
  readonly builtIn?: boolean;
}
