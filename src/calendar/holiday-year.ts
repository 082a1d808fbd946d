/**
 * 节假日安排通知数据 — one year of State Council holiday data, in the shape of the holiday-cn JSON files
 * (`{ year, papers, days: [{ name, date, isOffDay }] }`), so a newly published notice (for example the
 * 2027 notice, published around November 2026) can be passed to {@link createWorkCalendar} as it is.
 *
 * @group Calendar
 *
 * @example
 * ```ts
 * const year2027: HolidayYear = {
 *   year: 2027,
 *   papers: ['https://www.gov.cn/zhengce/zhengceku/…'],
 *   days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }],
 * };
 * ```
 */
export interface HolidayYear {
  /** The notice year (国务院办公厅关于XXXX年部分节假日安排的通知). */
  readonly year: number;
  /** The notice(s) the data comes from (URLs or document numbers); at least one. */
  readonly papers: readonly string[];
  /** The days the notice names; dates may include late December of the previous year. */
  readonly days: readonly HolidayYearDay[];
}

/**
 * One day named by a notice: a rest day (`isOffDay: true`, 放假) or a make-up working day
 * (`isOffDay: false`, 调休上班).
 *
 * @group Calendar
 *
 * @example
 * ```ts
 * const makeUp: HolidayYearDay = { name: '国庆节', date: '2024-09-29', isOffDay: false };
 * ```
 */
export interface HolidayYearDay {
  /** The holiday's name as the notice writes it (元旦, 春节, 国庆节、中秋节 …). */
  readonly name: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** `true`: a rest day; `false`: a working day (调休上班). */
  readonly isOffDay: boolean;
}
