/**
 * The workbook reader as a file reader for the command line: a file is a workbook when it is named `.xlsx` or
 * starts like one, and its size is checked before it is read whole.
 */
import { XLSX_LIMITS } from './internals/limits.js';
import { fileTooLarge, startsLikeWorkbook } from './internals/read.js';
import { streamXlsxRows, type ReadXlsxOptions, type XlsxProblem, type XlsxRow } from './read-xlsx-rows.js';

/**
 * Whether a file whose first bytes are `head` (8 are enough) is to be read as a workbook: it starts like a zip
 * (`PK\x03\x04`, as every `.xlsx`) or like an OLE compound file (`D0 CF 11 E0 …`: an encrypted workbook or an
 * old `.xls`, refused with `XLSX_ENCRYPTED` rather than read as text).
 *
 * @example
 * ```ts
 * import { isWorkbookStart } from '../src/readers/xlsx/index.js';
 * console.log(isWorkbookStart(new Uint8Array([0x50, 0x4b, 3, 4])), isWorkbookStart(new TextEncoder().encode('编号,名称'))); // true false
 * ```
 */
export function isWorkbookStart(head: Uint8Array): boolean {
  return startsLikeWorkbook(head);
}

/**
 * A file to read as a workbook: its size, and how to read it whole (called only when the size is within
 * `MAX_XLSX_BYTES`).
 *
 * @example
 * ```ts
 * import type { WorkbookFile } from '../src/readers/xlsx/index.js';
 * const file: WorkbookFile = { size: 4, read: async () => new Uint8Array([0x50, 0x4b, 3, 4]) };
 * ```
 */
export interface WorkbookFile {
  readonly size: number;
  readonly read: () => Promise<Uint8Array>;
}

/**
 * {@link streamXlsxRows} over a file: a file over `MAX_XLSX_BYTES` is refused (`XLSX_TOO_LARGE`) without being
 * read. Problems go to `onProblem` exactly as {@link streamXlsxRows} reports them; errors of reading the file
 * itself propagate.
 *
 * @example
 * ```ts
 * import { xlsxFileRows, type XlsxProblem } from '../src/readers/xlsx/index.js';
 * const problems: XlsxProblem[] = [];
 * const file = { size: 2 ** 40, read: async () => new Uint8Array(0) };
 * for await (const row of xlsxFileRows(file, (p) => problems.push(p))) console.log(row);
 * console.log(problems[0]?.code); // XLSX_TOO_LARGE
 * ```
 */
export async function* xlsxFileRows(
  file: WorkbookFile,
  onProblem: (problem: XlsxProblem) => void,
  options?: ReadXlsxOptions,
): AsyncGenerator<XlsxRow, string | undefined, undefined> {
  if (file.size > XLSX_LIMITS.fileBytes) {
    onProblem(fileTooLarge(file.size, XLSX_LIMITS));
    return undefined;
  }
  return yield* streamXlsxRows(await file.read(), onProblem, options);
}
