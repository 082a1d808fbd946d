import type { PlainDate } from '../internals/plain-date.js';

/**
 * 覆盖范围 — the dates a work calendar knows: whole years, 1 January of the first to 31 December of
 * the last. Dates outside throw `CALENDAR_OUT_OF_RANGE` (unless `unknownYears: 'weekdays-only'`).
 *
 * Note: the late-December days of the last year can still be changed by the next year's notice (the
 * 2008, 2012, 2019 and 2023 notices set such days); supply that notice through `years` once published.
 *
 * @group Calendar
 *
 * @example
 * ```ts
 * const { first, last } = createWorkCalendar().coverage; // '2007-01-01', '2026-12-31'
 * ```
 */
export interface CalendarCoverage {
  /** The first covered date (1 January of `firstYear`). */
  readonly first: PlainDate;
  /** The last covered date (31 December of `lastYear`). */
  readonly last: PlainDate;
  /** The first covered year. */
  readonly firstYear: number;
  /** The last covered year. */
  readonly lastYear: number;
}

/**
 * 数据来源 — one notice year a calendar was built from.
 *
 * @group Calendar
 *
 * @example
 * ```ts
 * const source = createWorkCalendar().sources[0];
 * // { year: 2007, papers: ['http://www.gov.cn/…'], origin: 'built-in', takenOn: '2026-11-22' }
 * ```
 */
export interface CalendarSource {
  /** The notice year. */
  readonly year: number;
  /** The notice(s): gov.cn URLs for built-in data, whatever the caller gave for supplied years. */
  readonly papers: readonly string[];
  /** `'built-in'` (shipped with the library) or `'supplied'` (passed in `years`). */
  readonly origin: 'built-in' | 'supplied';
  /** For built-in data: the date the holiday-cn copy was taken (`YYYY-MM-DD`). */
  readonly takenOn?: string;
}
