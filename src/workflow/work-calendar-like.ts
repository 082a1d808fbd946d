/**
 * 工作日历 — the few methods of a working-day calendar that the workflow needs. Any object with these
 * methods works, e.g. the calendar made by `createWorkCalendar` in `src/calendar`.
 *
 * Semantics expected (民法典 art. 201/203; 行政处罚法 art. 85):
 * - `addWorkdays(date, n)`: the n-th working day after `date` (the starting day itself is not counted);
 * - `calendarDayDeadline(date, days)`: `date` + `days` calendar days, moved to the next working day when that
 *   day is a statutory rest day;
 * - `isWorkday(date)`: whether `date` is a working day (weekends are rest days unless 调休上班);
 * - `countWorkdays(from, to)`: the working days in (from, to].
 *
 * Methods take and return plain `YYYY-MM-DD` strings and must throw (not guess) outside the covered years.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * import { createWorkCalendar, type WorkCalendarLike } from 'shuangsuiji';
 * const calendar: WorkCalendarLike = createWorkCalendar();
 * calendar.addWorkdays('2025-01-20', 20); // '2025-02-21' (across the Spring Festival)
 * ```
 */
export interface WorkCalendarLike {
  /**
   * True when `date` is a working day (工作日).
   *
   * @param date - the day to test, `YYYY-MM-DD`
   */
  isWorkday(date: string): boolean;
  /**
   * The `n`-th working day after `date` (n ≥ 0; the starting day is not counted).
   *
   * @param date - the start date, `YYYY-MM-DD` (not counted itself)
   * @param n - how many working days, a whole number ≥ 0
   */
  addWorkdays(date: string, n: number): string;
  /**
   * The last day of a period of `days` calendar days starting after `date`, extended past rest days.
   *
   * @param date - the day the period starts from, `YYYY-MM-DD` (not counted itself)
   * @param days - the period in calendar days
   */
  calendarDayDeadline(date: string, days: number): string;
  /**
   * Working days in (from, to] when `to >= from` (negative when `to < from`).
   *
   * @param from - the start date, `YYYY-MM-DD` (not counted)
   * @param to - the end date, `YYYY-MM-DD` (counted)
   */
  countWorkdays(from: string, to: string): number;
}
