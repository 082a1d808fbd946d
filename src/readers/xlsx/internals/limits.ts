/** The limits of a read as one object, so that tests can read a workbook under smaller ones. */
import {
  MAX_XLSX_BYTES, MAX_XLSX_CELL_BYTES, MAX_XLSX_COLUMNS, MAX_XLSX_ENTRIES, MAX_XLSX_HELD_BYTES, MAX_XLSX_RATIO, MAX_XLSX_ROW_BYTES,
  MAX_XLSX_ROWS, MAX_XLSX_UNCOMPRESSED_BYTES,
} from '../limits.js';

/** Every limit of `../limits.ts`. */
export interface XlsxLimits {
  readonly fileBytes: number;
  readonly entries: number;
  readonly uncompressedBytes: number;
  readonly heldBytes: number;
  readonly ratio: number;
  readonly rows: number;
  readonly columns: number;
  readonly cellBytes: number;
  readonly rowBytes: number;
}

/** The documented limits. */
export const XLSX_LIMITS: XlsxLimits = Object.freeze({
  fileBytes: MAX_XLSX_BYTES,
  entries: MAX_XLSX_ENTRIES,
  uncompressedBytes: MAX_XLSX_UNCOMPRESSED_BYTES,
  heldBytes: MAX_XLSX_HELD_BYTES,
  ratio: MAX_XLSX_RATIO,
  rows: MAX_XLSX_ROWS,
  columns: MAX_XLSX_COLUMNS,
  cellBytes: MAX_XLSX_CELL_BYTES,
  rowBytes: MAX_XLSX_ROW_BYTES,
});
