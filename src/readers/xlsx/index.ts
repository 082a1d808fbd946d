/**
 * 工作簿读取器 — reading `.xlsx` workbooks into register rows. Not part of the core library (`src/index.ts` never
 * imports it): the command line loads it, and a web page may. See `read-xlsx-rows.ts` for how cells are typed
 * and `limits.ts` for the limits within which a workbook is read.
 *
 * @packageDocumentation
 */
export { readXlsxRows, streamXlsxRows } from './read-xlsx-rows.js';
export type { ReadXlsxOptions, XlsxCode, XlsxProblem, XlsxRow, XlsxSheetRows } from './read-xlsx-rows.js';
export { isWorkbookStart, xlsxFileRows } from './xlsx-file-rows.js';
export type { WorkbookFile } from './xlsx-file-rows.js';
export {
  MAX_XLSX_BYTES, MAX_XLSX_CELL_BYTES, MAX_XLSX_COLUMNS, MAX_XLSX_ENTRIES, MAX_XLSX_HELD_BYTES, MAX_XLSX_RATIO, MAX_XLSX_ROW_BYTES,
  MAX_XLSX_ROWS, MAX_XLSX_UNCOMPRESSED_BYTES,
} from './limits.js';
