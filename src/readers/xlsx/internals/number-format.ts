/**
 * Number formats and dates. A workbook stores a date as a number (a serial day count) and says it is a date
 * only through the cell's number format, so a number is turned into a date exactly when its cell's format
 * is a date or time format — never from the column or the value.
 *
 * Serials: in the 1900 date system, 1 = 1900-01-01 and Excel counts the non-existent 1900-02-29 as 60 (a bug
 * kept from Lotus 1-2-3), so from 61 = 1900-03-01 on a serial is one more than the days since 1899-12-31. In
 * the 1904 system (`<workbookPr date1904="1"/>`), 0 = 1904-01-01.
 */
import { plainDateOf } from '../../../internals/plain-date.js';

/** What a number format shows: a plain number, a date, a date and time, a time of day. */
export type NumberKind = 0 | 1 | 2 | 3;
/** The {@link NumberKind}s by name. */
export const NumberKind = { Number: 0, Date: 1, DateTime: 2, Time: 3 } as const;

/**
 * Built-in formats that show dates or times (ECMA-376 §18.8.30; 27–36 and 50–58 are the dates and times of
 * East Asian locales, as Excel in Chinese writes them).
 */
export function builtInKind(id: number): NumberKind {
  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id === 36 || (id >= 50 && id <= 54) || id === 57 || id === 58) return NumberKind.Date;
  if (id === 22) return NumberKind.DateTime;
  if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47) || id === 55 || id === 56) return NumberKind.Time;
  return NumberKind.Number;
}

/**
 * What a format code shows, from its first section: quoted text, escaped characters (`\x`, `_x`, `*x`) and
 * bracketed parts (colours, conditions, locales) are skipped, except elapsed time (`[h]`, `[mm]`, `[ss]`).
 * `y`/`d` are date parts, `h`/`s`/`AM/PM` time parts, and `m` is minutes beside a time part, else months.
 */
export function formatKind(code: string): NumberKind {
  let date = false;
  let time = false;
  let month = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === ';') break;
    if (c === '"') {
      const close = code.indexOf('"', i + 1);
      if (close < 0) break;
      i = close;
    } else if (c === '\\' || c === '_' || c === '*') i++;
    else if (c === '[') {
      const close = code.indexOf(']', i + 1);
      if (close < 0) break;
      if (/^(h+|m+|s+)$/i.test(code.slice(i + 1, close))) time = true;
      i = close;
    } else {
      const lower = c.toLowerCase();
      if (lower === 'y' || lower === 'd') date = true;
      else if (lower === 'h' || lower === 's') time = true;
      else if (lower === 'm') month = true;
      else if (lower === 'a' && /^(am\/pm|a\/p)/i.test(code.slice(i))) {
        time = true;
        i += code[i + 1] === '/' ? 2 : 4;
      }
    }
  }
  const hasDate = date || (month && !time);
  if (hasDate && time) return NumberKind.DateTime;
  if (hasDate) return NumberKind.Date;
  return time ? NumberKind.Time : NumberKind.Number;
}

/** Day number (days since 1970-01-01) of 1899-12-30, of 1899-12-31 and of 1904-01-01. */
const DAY_1899_12_30 = -25569;
const DAY_1899_12_31 = -25568;
const DAY_1904_01_01 = -24107;
/** Largest serial Excel shows as a date: 9999-12-31 in the 1900 system (one less in the 1904 system). */
const MAX_SERIAL_1900 = 2958465;
const MAX_SERIAL_1904 = 2957003;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function dateText(day: number, date1904: boolean): string {
  if (date1904) return plainDateOf(DAY_1904_01_01 + day);
  // As Excel shows them: 0 is "1900-01-00" and 60 the non-existent "1900-02-29" (no real date; the register
  // parsers refuse both as dates).
  if (day === 0) return '1900-01-00';
  if (day === 60) return '1900-02-29';
  return plainDateOf((day < 60 ? DAY_1899_12_31 : DAY_1899_12_30) + day);
}

/**
 * The text of serial `serial` shown by a format of kind `kind`: `YYYY-MM-DD` for a date (the time of day a
 * date format does not show is not shown), `YYYY-MM-DD HH:MM:SS` for a date and time, `HH:MM:SS` for a time of
 * day (with the date when the serial holds one). `undefined` when Excel cannot show it (negative, after
 * 9999-12-31, not finite).
 */
export function serialText(serial: number, kind: NumberKind, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial >= (date1904 ? MAX_SERIAL_1904 : MAX_SERIAL_1900) + 1) return undefined;
  if (kind === NumberKind.Date) return dateText(Math.floor(serial), date1904);
  const seconds = Math.round(serial * 86400);
  const day = Math.floor(seconds / 86400);
  if (day > (date1904 ? MAX_SERIAL_1904 : MAX_SERIAL_1900)) return undefined;
  const s = seconds - day * 86400;
  const clock = `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
  if (kind === NumberKind.Time && day === 0) return clock;
  return `${dateText(day, date1904)} ${clock}`;
}
