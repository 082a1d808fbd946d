/** The coded errors of the workbook reader: one {@link ShuangsuijiError} per refused workbook, zh + en. */
import { ShuangsuijiError } from '../../../errors.js';

/**
 * Codes that refuse a whole workbook (thrown); the row problems (`XLSX_CELL_ERROR` …) are reported per row.
 * `TOO_MANY_FIELDS` is the code of a CSV header with too many columns, shared on purpose.
 */
export type XlsxFileErrorCode =
  | 'XLSX_INVALID'
  | 'XLSX_TOO_LARGE'
  | 'XLSX_ENCRYPTED'
  | 'XLSX_SHEET_NOT_FOUND'
  | 'XLSX_EMPTY'
  | 'XLSX_DUPLICATE_HEADER'
  | 'TOO_MANY_FIELDS';

/** Codes of a row left out (reported, reading goes on). `ROW_TOO_LONG` is shared with CSV. */
export type XlsxRowProblemCode =
  | 'XLSX_CELL_ERROR'
  | 'XLSX_CELL_TOO_LONG'
  | 'XLSX_CELL_WITHOUT_HEADER'
  | 'XLSX_DATE_OUT_OF_RANGE'
  | 'XLSX_FORMULA_NOT_CALCULATED'
  | 'XLSX_MERGED_CELLS'
  | 'ROW_TOO_LONG';

/**
 * Every code of the workbook reader.
 *
 * @example
 * ```ts
 * const code: XlsxCode = 'XLSX_ENCRYPTED';
 * ```
 */
export type XlsxCode = XlsxFileErrorCode | XlsxRowProblemCode;

/** A refused workbook; `line` (the sheet row, 0 for the file) goes to `details.line`. */
export function xlsxError(code: XlsxCode, messageZh: string, messageEn: string, line = 0): ShuangsuijiError<XlsxCode> {
  return new ShuangsuijiError(code, messageZh, messageEn, { details: { line } });
}

/** `XLSX_INVALID` naming the part and what is wrong with it. */
export function invalid(part: string, zh: string, en: string, line = 0): ShuangsuijiError<XlsxCode> {
  return xlsxError('XLSX_INVALID', `工作簿无效：${part} ${zh}`, `invalid workbook: ${part} ${en}`, line);
}

/** Shows a value from the file in a message, cut short. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}
