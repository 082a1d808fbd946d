import type { PlainDate } from '../internals/plain-date.js';

/**
 * What kind of day a date is:
 * - `'workday'` — 工作日: Monday–Friday not named as a rest day (or a weekday a notice names as a working
 *   day, such as 2020-02-03);
 * - `'weekend'` — 周末: Saturday or Sunday not named by any notice;
 * - `'holiday'` — 放假: a rest day named by a notice or an override (法定节假日 and days swapped off);
 * - `'makeup-workday'` — 调休上班: a Saturday or Sunday named as a working day.
 *
 * @group Calendar
 *
 * @example
 * ```ts
 * const kind: DayKind = createWorkCalendar().describeDay('2024-09-29').kind; // 'makeup-workday'
 * ```
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

/**
 * Where a day's status comes from: a State Council `'notice'`, a local `'override'`, the plain
 * `'weekly-rule'` (Monday–Friday work, weekend rest), or `'assumed'` (outside the covered years,
 * under `unknownYears: 'weekdays-only'`).
 *
 * @group Calendar
 *
 * @example
 * ```ts
 * const source: DaySource = createWorkCalendar().describeDay('2024-10-01').source; // 'notice'
 * ```
 */
export type DaySource = 'notice' | 'override' | 'weekly-rule' | 'assumed';

/**
 * 日期说明 — the answer of `describeDay`. JSON-serialisable; `name` is absent when no notice or override
 * names the day.
 *
 * @group Calendar
 *
 * @example
 * ```ts
 * createWorkCalendar().describeDay('2024-10-01');
 * // { date: '2024-10-01', weekday: 2, isWorkday: false, kind: 'holiday', name: '国庆节',
 * //   source: 'notice', descriptionZh: '国庆节假期，休息日', descriptionEn: 'rest day (国庆节), …' }
 * ```
 */
export interface DayDescription {
  /** The date, `YYYY-MM-DD`. */
  readonly date: PlainDate;
  /** Day of the week: 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  /** True on working days (工作日). */
  readonly isWorkday: boolean;
  /** See {@link DayKind}. */
  readonly kind: DayKind;
  /** The holiday name from the notice or override, when there is one. */
  readonly name?: string;
  /** See {@link DaySource}. */
  readonly source: DaySource;
  /** 中文说明. */
  readonly descriptionZh: string;
  /** English description. */
  readonly descriptionEn: string;
}
