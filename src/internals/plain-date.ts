/**
 * Plain calendar dates (`YYYY-MM-DD`) as integer day numbers, with no `Date` object and so no time zone:
 * the same answer on every host. Day 0 is 1970-01-01 (proleptic Gregorian calendar).
 * Algorithm: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms" (days_from_civil / civil_from_days).
 */
import { ShuangsuijiError } from '../errors.js';

/** The public, documented brand lives with the calendar (type-only import: no runtime dependency). */
import type { PlainDate } from '../calendar/plain-date.js';
export type { PlainDate };

const DIGIT_0 = 48;

function digit(text: string, index: number): number {
  const d = text.charCodeAt(index) - DIGIT_0;
  return d >= 0 && d <= 9 ? d : -1;
}

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Day number of a valid (y, m, d); no validation. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Parses `YYYY-MM-DD` into a day number, or returns `undefined` when the text is not a real date.
 * Hand-rolled (no regex, no `Date`) because working-day arithmetic parses on every call.
 */
export function tryDayNumber(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length !== 10) return undefined;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  const y0 = digit(value, 0), y1 = digit(value, 1), y2 = digit(value, 2), y3 = digit(value, 3);
  const m0 = digit(value, 5), m1 = digit(value, 6), d0 = digit(value, 8), d1 = digit(value, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return undefined;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return daysFromCivil(y, m, d);
}

/** True when `value` is a string naming a real date as `YYYY-MM-DD`. */
export function isPlainDateString(value: unknown): value is PlainDate {
  return tryDayNumber(value) !== undefined;
}

/** Throws `INVALID_DATE` unless `value` is a real `YYYY-MM-DD` date; returns its day number. */
export function dayNumberOf(value: unknown, path: readonly (string | number)[] = []): number {
  const day = tryDayNumber(value);
  if (day === undefined) {
    const shown = typeof value === 'string' ? JSON.stringify(value) : typeof value;
    throw new ShuangsuijiError(
      'INVALID_DATE',
      `日期无效：${shown}，应为 YYYY-MM-DD 格式的真实日期`,
      `invalid date: ${shown}; expected a real date written YYYY-MM-DD`,
      { path },
    );
  }
  return day;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Formats a day number as `YYYY-MM-DD`. */
export function plainDateOf(day: number): PlainDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const ys = y >= 1000 ? String(y) : String(y).padStart(4, '0');
  return `${ys}-${pad2(m)}-${pad2(d)}` as PlainDate;
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The year of a day number. */
export function yearOf(day: number): number {
  return Number(plainDateOf(day).slice(0, 4));
}

/** Day number of 1 January of year `y`. */
export function firstDayOfYear(y: number): number {
  return daysFromCivil(y, 1, 1);
}

/** Day number of 31 December of year `y`. */
export function lastDayOfYear(y: number): number {
  return daysFromCivil(y, 12, 31);
}

/** The first day number that {@link plainDateOf} writes with a four-digit year: 0001-01-01. */
export const MIN_DAY_NUMBER = -719162;
/** The last day number that {@link plainDateOf} writes with a four-digit year: 9999-12-31. */
export const MAX_DAY_NUMBER = 2932896;

/** 1970-01-05, a Monday: the origin of {@link mondayToFridayBefore}. */
const MONDAY_ORIGIN = 4;

/**
 * Signed count of Monday–Friday days in [1970-01-05, `day`) — negative before the origin — so that the
 * number of Monday–Friday days in [a, b) is `mondayToFridayBefore(b) - mondayToFridayBefore(a)`.
 */
export function mondayToFridayBefore(day: number): number {
  const offset = day - MONDAY_ORIGIN;
  const weeks = Math.floor(offset / 7);
  const rest = offset - weeks * 7; // 0 = Monday … 6 = Sunday
  return weeks * 5 + (rest < 5 ? rest : 5);
}

/**
 * The Monday–Friday day `d` with `mondayToFridayBefore(d) === index` (the inverse of
 * {@link mondayToFridayBefore} on Monday–Friday days).
 */
export function mondayToFridayAt(index: number): number {
  const weeks = Math.floor(index / 5);
  return MONDAY_ORIGIN + weeks * 7 + (index - weeks * 5);
}
