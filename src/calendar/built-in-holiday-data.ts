import { decodedBuiltInYears } from './internals/built-in-data.js';
import { HOLIDAY_DATA_SOURCE } from './internals/holiday-data.js';
import type { HolidayYear } from './holiday-year.js';

/**
 * 内置节假日数据 — the data shipped with the library: the State Council notices 2007–2026 in the
 * holiday-cn shape (each year's `papers` are the gov.cn notices), with where and when it was taken.
 * Decoded on first call (then reused); the returned objects are frozen.
 *
 * @group Calendar
 *
 * @example
 * ```ts
 * const { source, years } = builtInHolidayData();
 * source.takenOn;               // '2026-11-22'
 * years.find((y) => y.year === 2020)?.papers.length; // 2 (the notice and the Spring Festival extension)
 * ```
 */
export function builtInHolidayData(): {
  readonly source: typeof HOLIDAY_DATA_SOURCE;
  readonly years: readonly HolidayYear[];
} {
  return Object.freeze({ source: HOLIDAY_DATA_SOURCE, years: decodedBuiltInYears() });
}
