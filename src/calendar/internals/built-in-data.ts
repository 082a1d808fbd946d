/**
 * The built-in notices, decoded on first use and memoised (nothing is decoded at import time).
 *
 * @module
 */
import { tryDayNumber } from '../../internals/plain-date.js';
import type { CalendarSource } from '../calendar-coverage.js';
import type { HolidayYear, HolidayYearDay } from '../holiday-year.js';
import { HOLIDAY_DATA_SOURCE, HOLIDAY_NOTICES } from './holiday-data.js';
import { decodeNoticeDays } from './holiday-encoding.js';

/** One day's status from the merged data. */
export interface DayEntry {
  readonly name: string;
  readonly isOffDay: boolean;
  readonly source: 'notice' | 'override';
  /** The notice year (for notice entries) — used in conflict messages. */
  readonly year: number;
}

let decodedYears: readonly HolidayYear[] | undefined;
let builtInEntries: ReadonlyMap<number, DayEntry> | undefined;

/** The built-in notices in the holiday-cn shape, oldest first (frozen, decoded once). */
export function decodedBuiltInYears(): readonly HolidayYear[] {
  if (decodedYears === undefined) {
    decodedYears = Object.freeze(
      HOLIDAY_NOTICES.map(([year, papers, days]) =>
        Object.freeze({
          year,
          papers: Object.freeze([...papers]),
          days: Object.freeze(decodeNoticeDays(year, days).map((d): HolidayYearDay => Object.freeze({ ...d }))),
        }),
      ),
    );
  }
  return decodedYears;
}

/** The built-in notices merged into one map from day number to entry (built once). */
export function builtInDayEntries(): ReadonlyMap<number, DayEntry> {
  if (builtInEntries === undefined) {
    const map = new Map<number, DayEntry>();
    for (const notice of decodedBuiltInYears()) {
      for (const d of notice.days) {
        map.set(tryDayNumber(d.date)!, { name: d.name, isOffDay: d.isOffDay, source: 'notice', year: notice.year });
      }
    }
    builtInEntries = map;
  }
  return builtInEntries;
}

/** The sources of the built-in data (cheap: no decoding). */
export function builtInSources(): CalendarSource[] {
  return HOLIDAY_NOTICES.map(([year, papers]) =>
    Object.freeze({ year, papers: Object.freeze([...papers]), origin: 'built-in' as const, takenOn: HOLIDAY_DATA_SOURCE.takenOn }),
  );
}

/** First and last built-in notice years. */
export const BUILT_IN_FIRST_YEAR: number = HOLIDAY_DATA_SOURCE.firstYear;
export const BUILT_IN_LAST_YEAR: number = HOLIDAY_DATA_SOURCE.lastYear;
