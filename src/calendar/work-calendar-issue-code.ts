/**
 * The codes of the data problems {@link safeCreateWorkCalendar} reports (and {@link createWorkCalendar}
 * throws, with the first problem's code):
 * - `OPTIONS_NOT_OBJECT`, `UNKNOWN_OPTION`, `INVALID_OPTION` — the options object itself;
 * - `YEAR_INVALID` (not an object, `year` not an integer 1000–9999, or `$schema` / `$id` not a string), `YEAR_PAPERS_MISSING` (no notice
 *   reference), `YEAR_EMPTY` (no days: a placeholder such as holiday-cn's 2027.json), `YEAR_DUPLICATE`
 *   (one year twice in `years`), `YEAR_NOT_CONTIGUOUS` (a gap between covered years);
 * - `DAY_INVALID` (not an object, empty name, `isOffDay` not a boolean), `INVALID_DATE` (not a real
 *   `YYYY-MM-DD`), `DAY_OUTSIDE_NOTICE_YEAR` (before 1 December of the previous year or after the notice
 *   year), `DAY_CONFLICT` (one date both a rest day and a working day, within or across notices);
 * - `OVERRIDE_INVALID`, `OVERRIDE_OUT_OF_RANGE` (outside the covered years), `OVERRIDE_CONFLICT`;
 * - `UNKNOWN_FIELD` — a key a year (holiday-cn keys: `year`, `papers`, `days`, `$schema`, `$id`), a day or an
 *   override (`name`, `date`, `isOffDay`) does not have: a misspelt field is refused, never ignored;
 * - `NO_DATA` — `builtIn: false` and no `years`.
 *
 * @group Calendar
 *
 * @example
 * ```ts
 * const result = safeCreateWorkCalendar({ years: [{ year: 2027, papers: [], days: [] }] });
 * if (!result.success) console.log(result.issues.map((i) => i.code)); // ['YEAR_PAPERS_MISSING', 'YEAR_EMPTY']
 * ```
 */
export type WorkCalendarIssueCode =
  | 'OPTIONS_NOT_OBJECT'
  | 'UNKNOWN_OPTION'
  | 'INVALID_OPTION'
  | 'YEAR_INVALID'
  | 'YEAR_PAPERS_MISSING'
  | 'YEAR_EMPTY'
  | 'YEAR_DUPLICATE'
  | 'YEAR_NOT_CONTIGUOUS'
  | 'DAY_INVALID'
  | 'INVALID_DATE'
  | 'DAY_OUTSIDE_NOTICE_YEAR'
  | 'DAY_CONFLICT'
  | 'OVERRIDE_INVALID'
  | 'OVERRIDE_OUT_OF_RANGE'
  | 'OVERRIDE_CONFLICT'
  | 'UNKNOWN_FIELD'
  | 'NO_DATA';
