import { tz } from '@date-fns/tz/tz';
import { formatISO } from 'date-fns/formatISO';
import { ShuangsuijiError } from '../errors.js';
import { plainDateOf, tryDayNumber, type PlainDate } from '../internals/plain-date.js';

/**
 * The IANA time zone of 北京时间. Only this function reads a time zone: the calendar core works on
 * `YYYY-MM-DD` day numbers and never sees a `Date` (nor date-fns, so `addWorkdays` bundles without it).
 */
const SHANGHAI = 'Asia/Shanghai';

/**
 * 北京时间日期 — the calendar date (`YYYY-MM-DD`) of an instant in China: the date a clock in Beijing
 * showed at that instant, whatever the host's time zone. The calendar functions take only `YYYY-MM-DD`
 * strings; use this to convert a `Date` (a point in time) explicitly. The date is read in the IANA zone
 * `Asia/Shanghai` (date-fns with `@date-fns/tz`, over the runtime's `Intl` time-zone data): UTC+8, and
 * UTC+9 during the summer time (夏令时) of 1986–1991 — so 23:30 UTC+8 on a summer day of those years is
 * 00:30 of the next day — and in the earlier summers the tz database records (1919, 1940–1948); before
 * 1901, Shanghai local mean time (UTC+8:05:43).
 * An invalid `Date`, a date outside the years 0001–9999 in Beijing, or a runtime without time-zone data
 * throws `INVALID_DATE`.
 *
 * @param instant - a point in time as a valid `Date` (e.g. `new Date(timestamp)`), read at 北京时间
 * @throws {@link ShuangsuijiError} with a code of {@link CalendarErrorCode}
 * @group Calendar
 *
 * @example
 * ```ts
 * plainDateInShanghai(new Date('2024-09-30T16:30:00Z')); // '2024-10-01' (00:30 in Beijing)
 * plainDateInShanghai(new Date('1988-07-01T15:30:00Z')); // '1988-07-02' (00:30 summer time, UTC+9)
 * ```
 */
export function plainDateInShanghai(instant: Date): PlainDate {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  let text: string | undefined;
  if (Number.isFinite(ms)) {
    try {
      // The timestamp, not the caller's object, goes in: a Date subclass cannot change what is read.
      text = formatISO(ms, { representation: 'date', in: tz(SHANGHAI) });
    } catch {
      // formatISO throws a RangeError when the runtime's Intl does not know Asia/Shanghai: reported below.
      text = undefined;
    }
  }
  // Years before 0001 or after 9999 come out as "-0001-…" or "10000-…" and are refused here.
  const day = tryDayNumber(text);
  if (day === undefined) {
    throw new ShuangsuijiError(
      'INVALID_DATE',
      '应为有效的 Date 对象（北京时间 0001 至 9999 年），且运行环境须有 Asia/Shanghai 时区数据',
      'expected a valid Date object (years 0001 to 9999 in Beijing), and a runtime with time-zone data for Asia/Shanghai',
      { path: ['instant'] },
    );
  }
  return plainDateOf(day);
}
