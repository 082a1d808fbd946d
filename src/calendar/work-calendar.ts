import type { PlainDate } from '../internals/plain-date.js';
import type { CalendarCoverage, CalendarSource } from './calendar-coverage.js';
import type { DayDescription } from './day-description.js';
import type { UnknownYearsPolicy } from './work-calendar-options.js';

/**
 * 工作日历 — Chinese working days from the State Council notices, with legal deadline arithmetic.
 * Made by {@link createWorkCalendar}. Dates are `YYYY-MM-DD` strings; anything else (including `Date`
 * objects — convert with {@link plainDateInShanghai}) throws `INVALID_DATE`. Dates outside `coverage`
 * throw `CALENDAR_OUT_OF_RANGE` unless the calendar was made with `unknownYears: 'weekdays-only'`.
 * The methods do not use `this`: they can be passed around detached.
 *
 * @group Calendar
 *
 * @example
 * ```ts
 * const cal = createWorkCalendar();
 * cal.addWorkdays('2024-09-30', 1);            // '2024-10-08' (国庆节 1–7 October)
 * cal.countWorkdays('2024-09-30', '2024-10-08'); // 1
 * cal.calendarDayDeadline('2024-09-24', 7);    // '2024-10-08' (1 October is a rest day)
 * ```
 */
export interface WorkCalendar {
  /** The covered dates. */
  readonly coverage: CalendarCoverage;
  /** The notice years the calendar was built from, oldest first. */
  readonly sources: readonly CalendarSource[];
  /** The policy for dates outside `coverage`. */
  readonly unknownYears: UnknownYearsPolicy;
  /**
   * True when `date` is a working day (工作日), including 调休 make-up working days.
   *
   * @param date - the day to test, `YYYY-MM-DD`
   */
  isWorkday(date: string): boolean;
  /**
   * True when `date` is a rest day (休息日): a weekend not made a working day, or a notice rest day.
   *
   * @param date - the day to test, `YYYY-MM-DD`
   */
  isRestDay(date: string): boolean;
  /**
   * What kind of day `date` is, with the holiday name; see {@link DayDescription}.
   *
   * @param date - the day to describe, `YYYY-MM-DD`
   */
  describeDay(date: string): DayDescription;
  /**
   * The `n`-th working day strictly after `date` (the start day is never counted, 民法典 art. 201);
   * negative `n` counts backwards (the `|n|`-th working day strictly before); `n = 0` returns `date`.
   * O(1): a prefix-count table and an index of working-day positions.
   *
   * @param date - the start date, `YYYY-MM-DD` (not counted itself)
   * @param n - how many working days (工作日) to move: a whole number, negative to go back
   */
  addWorkdays(date: string, n: number): PlainDate;
  /**
   * Working days passed going from `from` to `to`, not counting the start day and counting the
   * arrival day: the working days in (from, to] when `to >= from`; minus those in [to, from) when
   * `to < from`. So `countWorkdays(d, addWorkdays(d, n)) === n` for every integer `n`.
   *
   * @param from - the start date, `YYYY-MM-DD` (not counted)
   * @param to - the end date, `YYYY-MM-DD` (counted)
   */
  countWorkdays(from: string, to: string): number;
  /**
   * The first working day strictly after `date`.
   *
   * @param date - the day to start from, `YYYY-MM-DD`
   */
  nextWorkday(date: string): PlainDate;
  /**
   * The last working day strictly before `date`.
   *
   * @param date - the day to start from, `YYYY-MM-DD`
   */
  previousWorkday(date: string): PlainDate;
  /**
   * 按日计算的期限: `date` + `days` calendar days; when that day is a rest day, the first working day
   * after it (民法典 art. 203). Rest days inside the period are not deducted; a 调休 working Saturday
   * or Sunday is a working day and is not extended. `days` is an integer ≥ 0. The start, the end day and the
   * extended end day must be covered (`CALENDAR_OUT_OF_RANGE` otherwise, as for every other method): a
   * start outside the calendar is refused even when the period ends inside it.
   *
   * @param date - the day the period starts from, `YYYY-MM-DD` (not counted itself)
   * @param days - the period in calendar days, a whole number ≥ 0
   */
  calendarDayDeadline(date: string, days: number): PlainDate;
}
