import { ShuangsuijiError } from '../errors.js';
import { dayNumberOfInstant, MAX_DAY_NUMBER, MIN_DAY_NUMBER, plainDateOf, type PlainDate } from '../internals/plain-date.js';

/** China Standard Time: UTC+8, in minutes. */
const CST_OFFSET_MINUTES = 480;

/**
 * 北京时间日期 — the calendar date (`YYYY-MM-DD`) of an instant in China, read at UTC+8 whatever the
 * host's time zone. The calendar functions take only `YYYY-MM-DD` strings; use this to convert a `Date`
 * (a point in time) explicitly. China has kept UTC+8 without daylight saving time since 1992; this
 * function always uses UTC+8, so for instants during the 1986–1991 summers (UTC+9 then) it can give the
 * previous day for times between 23:00 and 24:00 local time. An invalid `Date` throws `INVALID_DATE`.
 *
 * @example
 * ```ts
 * plainDateInShanghai(new Date('2024-09-30T16:30:00Z')); // '2024-10-01' (00:30 in Beijing)
 * ```
 */
export function plainDateInShanghai(instant: Date): PlainDate {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  const day = dayNumberOfInstant(ms, CST_OFFSET_MINUTES);
  if (day === undefined || day < MIN_DAY_NUMBER || day > MAX_DAY_NUMBER) {
    throw new ShuangsuijiError(
      'INVALID_DATE',
      '应为有效的 Date 对象（0001 至 9999 年）',
      'expected a valid Date object (years 0001 to 9999)',
      { path: ['instant'] },
    );
  }
  return plainDateOf(day);
}
