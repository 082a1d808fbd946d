/**
 * 本地调整 — a local override of one day, applied after the notices: e.g. a region's own holiday
 * (a rest day on a weekday) or a day a local government declares a working day.
 *
 * @group Calendar
 *
 * @example
 * ```ts
 * const regional: DayOverride = { date: '2026-03-03', isOffDay: true, name: '三月三（本地节日）' };
 * ```
 */
export interface DayOverride {
  /** `YYYY-MM-DD`, inside the calendar's covered range. */
  readonly date: string;
  /** `true`: a rest day; `false`: a working day. */
  readonly isOffDay: boolean;
  /** Why: shown by `describeDay`. */
  readonly name: string;
}
