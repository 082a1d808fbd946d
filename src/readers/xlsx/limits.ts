/**
 * The limits within which a workbook (`.xlsx`) is read. A hostile or broken workbook — a zip bomb, a sheet of
 * billions of empty cells, an XML entity bomb — is refused with a coded error as soon as it passes one, so
 * memory and time stay bounded whatever the file claims:
 *
 * | limit | value | code |
 * |---|---|---|
 * | the workbook file, held whole (a zip is read from its end) | {@link MAX_XLSX_BYTES} | `XLSX_TOO_LARGE` |
 * | entries of the zip | {@link MAX_XLSX_ENTRIES} | `XLSX_TOO_LARGE` |
 * | uncompressed bytes of every part read, together (the sheet is streamed) | {@link MAX_XLSX_UNCOMPRESSED_BYTES} | `XLSX_TOO_LARGE` |
 * | uncompressed bytes of the parts held in memory (workbook, relationships, styles, shared strings) | {@link MAX_XLSX_HELD_BYTES} | `XLSX_TOO_LARGE` |
 * | compression ratio of an entry over 1 MiB | {@link MAX_XLSX_RATIO} : 1 | `XLSX_TOO_LARGE` |
 * | rows of the sheet (the row number) | {@link MAX_XLSX_ROWS} | `XLSX_TOO_LARGE` |
 * | columns of the header row | {@link MAX_XLSX_COLUMNS} | `TOO_MANY_FIELDS` |
 * | one cell's text | {@link MAX_XLSX_CELL_BYTES} UTF-8 bytes | `XLSX_CELL_TOO_LONG` |
 * | one row's text | {@link MAX_XLSX_ROW_BYTES} UTF-8 bytes | `ROW_TOO_LONG` |
 * | XML: a DOCTYPE (and so any entity declaration) | refused | `XLSX_INVALID` |
 */
import { MAX_FIELD_BYTES } from '../../internals/canonical-row.js';

/**
 * Most bytes in a workbook file: 256 MiB. A zip is read from its central directory at the end, so the file is
 * held whole; an `.xlsx` of a million register rows is about 60–100 MB.
 *
 * @example
 * ```ts
 * import { MAX_XLSX_BYTES } from '../src/readers/xlsx/index.js';
 * console.log(MAX_XLSX_BYTES / 1048576); // 256
 * ```
 */
export const MAX_XLSX_BYTES = 256 * 1_048_576;

/**
 * Most entries in the zip of a workbook: 10,000 (a workbook has a few dozen: sheets, styles, images).
 *
 * @example
 * ```ts
 * import { MAX_XLSX_ENTRIES } from '../src/readers/xlsx/index.js';
 * console.log(MAX_XLSX_ENTRIES); // 10000
 * ```
 */
export const MAX_XLSX_ENTRIES = 10_000;

/**
 * Most uncompressed bytes of all the parts read from one workbook, together: 1 GiB. The sheet is inflated
 * and parsed a slice at a time and never held whole, so this bounds the time a zip bomb can take, not memory
 * (about 1.5 million rows of 20 columns of sheet XML).
 *
 * @example
 * ```ts
 * import { MAX_XLSX_UNCOMPRESSED_BYTES } from '../src/readers/xlsx/index.js';
 * console.log(MAX_XLSX_UNCOMPRESSED_BYTES / 1048576); // 1024
 * ```
 */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 1024 * 1_048_576;

/**
 * Most uncompressed bytes of the parts kept in memory while the sheet is read — the workbook, its
 * relationships, the styles and the shared strings — together: 256 MiB.
 *
 * @example
 * ```ts
 * import { MAX_XLSX_HELD_BYTES } from '../src/readers/xlsx/index.js';
 * console.log(MAX_XLSX_HELD_BYTES / 1048576); // 256
 * ```
 */
export const MAX_XLSX_HELD_BYTES = 256 * 1_048_576;

/**
 * Highest compression ratio (uncompressed : compressed) of an entry whose uncompressed size is over 1 MiB:
 * 250. Sheet XML written by spreadsheet programs compresses about 5–30 times; DEFLATE can reach about 1032.
 * The declared size is checked before anything is inflated, and inflation stops the moment the output passes
 * the declared size.
 *
 * @example
 * ```ts
 * import { MAX_XLSX_RATIO } from '../src/readers/xlsx/index.js';
 * console.log(MAX_XLSX_RATIO); // 250
 * ```
 */
export const MAX_XLSX_RATIO = 250;

/**
 * Highest row number read from a sheet: 2,000,000 (Excel itself stops at 1,048,576).
 *
 * @example
 * ```ts
 * import { MAX_XLSX_ROWS } from '../src/readers/xlsx/index.js';
 * console.log(MAX_XLSX_ROWS); // 2000000
 * ```
 */
export const MAX_XLSX_ROWS = 2_000_000;

/**
 * Most columns of the header row (the last non-empty header cell's column): 1,024, as for a CSV header.
 *
 * @example
 * ```ts
 * import { MAX_XLSX_COLUMNS } from '../src/readers/xlsx/index.js';
 * console.log(MAX_XLSX_COLUMNS); // 1024
 * ```
 */
export const MAX_XLSX_COLUMNS = 1024;

/**
 * Most UTF-8 bytes of one cell's text: 65,534, the longest field the draw and the register digest encode (as
 * for a CSV cell). Longer text stops being kept the moment it passes the limit.
 *
 * @example
 * ```ts
 * import { MAX_XLSX_CELL_BYTES } from '../src/readers/xlsx/index.js';
 * console.log(MAX_XLSX_CELL_BYTES); // 65534
 * ```
 */
export const MAX_XLSX_CELL_BYTES = MAX_FIELD_BYTES;

/**
 * Most UTF-8 bytes of one row's cells together: 1 MiB, as for a CSV record.
 *
 * @example
 * ```ts
 * import { MAX_XLSX_ROW_BYTES } from '../src/readers/xlsx/index.js';
 * console.log(MAX_XLSX_ROW_BYTES); // 1048576
 * ```
 */
export const MAX_XLSX_ROW_BYTES = 1_048_576;
