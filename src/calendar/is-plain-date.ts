import { isPlainDateString, type PlainDate } from '../internals/plain-date.js';

/**
 * True when `value` is a real date written `YYYY-MM-DD` (a type guard for {@link PlainDate}).
 *
 * @param value - anything; only a string naming a real date as `YYYY-MM-DD` passes
 * @group Calendar
 *
 * @example
 * ```ts
 * isPlainDate('2024-02-29'); // true
 * isPlainDate('2025-02-29'); // false
 * isPlainDate('2025-2-3');   // false
 * ```
 */
export function isPlainDate(value: unknown): value is PlainDate {
  return isPlainDateString(value);
}
