import { ShuangsuijiError } from '../errors.js';
import { plainDateOf, tryDayNumber, type PlainDate } from '../internals/plain-date.js';

/**
 * 日期校验 — checks that `value` is a real date written `YYYY-MM-DD` (four-digit year, zero-padded
 * month and day) and returns it typed as {@link PlainDate}; anything else (`2025-02-30`, `2025-2-3`,
 * numbers, `Date` objects) throws `INVALID_DATE`.
 *
 * @param value - the value to check, e.g. a date read from JSON or a form
 * @throws {@link ShuangsuijiError} with a code of {@link CalendarErrorCode}
 * @group Calendar
 *
 * @example
 * ```ts
 * const due: PlainDate = parsePlainDate('2026-05-06');
 * parsePlainDate('2025-02-30'); // throws ShuangsuijiError INVALID_DATE
 * ```
 */
export function parsePlainDate(value: unknown): PlainDate {
  const day = tryDayNumber(value);
  if (day === undefined) {
    const shown = typeof value === 'string' ? JSON.stringify(value) : value instanceof Date ? 'a Date object (use plainDateInShanghai)' : typeof value;
    throw new ShuangsuijiError(
      'INVALID_DATE',
      `日期无效：${shown}，应为 YYYY-MM-DD 格式的真实日期`,
      `invalid date: ${shown}; expected a real date written YYYY-MM-DD`,
      { path: [] },
    );
  }
  return plainDateOf(day);
}
