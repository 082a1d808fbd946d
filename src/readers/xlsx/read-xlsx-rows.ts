/**
 * 读取 Excel 工作簿 — reads the rows of one sheet of an `.xlsx` workbook as objects keyed by its header row,
 * ready for the register parsers (`parseEntityRegister` …). Loaded by the command line (and a web page), never
 * by the core library; no Node-only API is used, so it runs in browsers too.
 */
import type { DataIssue, ParseResult } from '../../errors.js';
import { ShuangsuijiError } from '../../errors.js';
import type { XlsxCode } from './internals/errors.js';
import { XLSX_LIMITS } from './internals/limits.js';
import { readSheet } from './internals/read.js';

export type { XlsxCode };

/**
 * Options of {@link readXlsxRows} and {@link streamXlsxRows}.
 *
 * @example
 * ```ts
 * import type { ReadXlsxOptions } from '../src/readers/xlsx/index.js';
 * const options: ReadXlsxOptions = { sheet: '检查对象名录库' };
 * ```
 */
export interface ReadXlsxOptions {
  /**
   * The sheet to read: its name, or its 1-based position in the workbook (a number, or a string of digits that
   * is not the name of a sheet). Unknown → `XLSX_SHEET_NOT_FOUND`, listing the sheets.
   *
   * @defaultValue the first sheet that is not hidden
   */
  readonly sheet?: string | number | undefined;
}

/**
 * One row of a sheet: its row number in the sheet (as Excel numbers rows), its size (UTF-8 bytes of its cells
 * plus one per separator, as the CSV record it would be), its number of fields (header columns) and its cells
 * keyed by the header texts. Values: text as `string`, numbers as `number`, date cells as `YYYY-MM-DD`
 * (`YYYY-MM-DD HH:MM:SS` when the format shows the time), booleans as `boolean`, empty cells as `''`.
 *
 * @example
 * ```ts
 * import type { XlsxRow } from '../src/readers/xlsx/index.js';
 * const row: XlsxRow = { line: 2, bytes: 40, fields: 2, row: { 统一社会信用代码: '91350100M000100Y43', 投诉举报数: 0 } };
 * ```
 */
export interface XlsxRow {
  readonly line: number;
  readonly bytes: number;
  readonly fields: number;
  readonly row: Readonly<Record<string, unknown>>;
}

/**
 * A problem of a workbook: `line` is the sheet row it concerns (0: the workbook as a whole, which is then not
 * read further). Codes: `XLSX_INVALID`, `XLSX_TOO_LARGE`, `XLSX_ENCRYPTED`, `XLSX_SHEET_NOT_FOUND`, `XLSX_EMPTY`,
 * `XLSX_DUPLICATE_HEADER`, `TOO_MANY_FIELDS` (the workbook is refused); `XLSX_CELL_ERROR`, `XLSX_CELL_TOO_LONG`,
 * `XLSX_CELL_WITHOUT_HEADER`, `XLSX_DATE_OUT_OF_RANGE`, `XLSX_FORMULA_NOT_CALCULATED`, `XLSX_MERGED_CELLS`,
 * `ROW_TOO_LONG` (a row is left out).
 *
 * @example
 * ```ts
 * import type { XlsxProblem } from '../src/readers/xlsx/index.js';
 * const p: XlsxProblem = { line: 7, code: 'XLSX_CELL_ERROR', messageZh: '第 7 行：单元格 C7 是错误值 "#N/A"', messageEn: 'row 7: cell C7 holds the error value "#N/A"' };
 * ```
 */
export interface XlsxProblem {
  readonly line: number;
  readonly code: XlsxCode;
  readonly messageZh: string;
  readonly messageEn: string;
}

/**
 * The rows of a sheet read whole by {@link readXlsxRows}: the sheet's name, its rows and the row number of each.
 *
 * @example
 * ```ts
 * import type { XlsxSheetRows } from '../src/readers/xlsx/index.js';
 * const read: XlsxSheetRows = { sheet: 'Sheet1', rows: [{ 编号: 'E-1' }], lines: [2] };
 * ```
 */
export interface XlsxSheetRows {
  readonly sheet: string;
  readonly rows: readonly Readonly<Record<string, unknown>>[];
  /** `lines[i]`: the sheet row number of `rows[i]`. */
  readonly lines: readonly number[];
}

function checkArguments(bytes: unknown, options: unknown): string | number | undefined {
  if (!(bytes instanceof Uint8Array)) {
    throw new ShuangsuijiError('INVALID_ARGUMENT', '工作簿内容应为 Uint8Array（文件的字节）', 'the workbook must be a Uint8Array (the bytes of the file)', { path: ['bytes'] });
  }
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ShuangsuijiError('INVALID_OPTION', '选项应为对象', 'options must be an object', { path: ['options'] });
  }
  for (const key of Object.keys(options)) {
    if (key !== 'sheet') throw new ShuangsuijiError('INVALID_OPTION', `未知选项 ${JSON.stringify(key)}`, `unknown option ${JSON.stringify(key)}`, { path: ['options', key] });
  }
  const sheet: unknown = (options as { sheet?: unknown }).sheet;
  if (sheet === undefined || (typeof sheet === 'string' && sheet.length > 0) || (typeof sheet === 'number' && Number.isSafeInteger(sheet) && sheet >= 1)) return sheet;
  throw new ShuangsuijiError('INVALID_OPTION', 'sheet 选项应为工作表名称或从 1 起的序号', 'option sheet must be a sheet name or a position from 1', { path: ['options', 'sheet'] });
}

/**
 * Streams the rows of one sheet of an `.xlsx` workbook (see {@link XlsxRow} for how cells are typed), in
 * bounded memory: the sheet is inflated and parsed a slice at a time. Every problem goes to `onProblem`: a row
 * that cannot be read is left out and reading goes on; a workbook that cannot be read (not a workbook,
 * encrypted or an old `.xls`, a zip bomb, a DOCTYPE, missing parts, past a limit of `limits.ts`, no such sheet)
 * ends the rows with one problem of line 0 or of the row where it was found. Never throws for the content of
 * the file; throws `INVALID_ARGUMENT` / `INVALID_OPTION` for wrong arguments. Returns the name of the sheet read
 * (undefined when the workbook was refused).
 *
 * @example
 * ```ts
 * import { streamXlsxRows, type XlsxProblem } from '../src/readers/xlsx/index.js';
 * const problems: XlsxProblem[] = [];
 * for (const { line, row } of streamXlsxRows(new Uint8Array([0x50, 0x4b, 5, 6]), (p) => problems.push(p))) console.log(line, row);
 * console.log(problems[0]?.code); // XLSX_INVALID
 * ```
 */
export function streamXlsxRows(
  bytes: Uint8Array,
  onProblem: (problem: XlsxProblem) => void,
  options?: ReadXlsxOptions,
): Generator<XlsxRow, string | undefined, undefined> {
  const sheet = checkArguments(bytes, options);
  if (typeof onProblem !== 'function') {
    throw new ShuangsuijiError('INVALID_ARGUMENT', 'onProblem 应为函数', 'onProblem must be a function', { path: ['onProblem'] });
  }
  return readSheet(bytes, sheet, XLSX_LIMITS, onProblem);
}

/**
 * Reads the rows of one sheet of an `.xlsx` workbook whole: `{ success: true, data: { sheet, rows, lines } }`,
 * or `{ success: false, issues }` with every problem found (`path`: `[row number]` for a row, `[]` for the
 * workbook). Cells are typed as {@link XlsxRow} says. For large sheets prefer {@link streamXlsxRows}.
 *
 * @example
 * ```ts
 * import { readXlsxRows } from '../src/readers/xlsx/index.js';
 * const result = readXlsxRows(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
 * if (!result.success) console.log(result.issues[0]?.code); // XLSX_ENCRYPTED
 * ```
 */
export function readXlsxRows(bytes: Uint8Array, options?: ReadXlsxOptions): ParseResult<XlsxSheetRows> {
  const sheet = checkArguments(bytes, options);
  const issues: DataIssue[] = [];
  const rows: Readonly<Record<string, unknown>>[] = [];
  const lines: number[] = [];
  const read = readSheet(bytes, sheet, XLSX_LIMITS, (p) => {
    issues.push(Object.freeze({ code: p.code, path: Object.freeze(p.line > 0 ? [p.line] : []), messageZh: p.messageZh, messageEn: p.messageEn }));
  });
  let next = read.next();
  for (; next.done !== true; next = read.next()) {
    rows.push(next.value.row);
    lines.push(next.value.line);
  }
  if (issues.length > 0 || next.value === undefined) return { success: false, issues: Object.freeze(issues) };
  return { success: true, data: Object.freeze({ sheet: next.value, rows: Object.freeze(rows), lines: Object.freeze(lines) }) };
}
