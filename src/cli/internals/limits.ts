/**
 * The documented input limits of the `shuangsuiji` command (docs/en/departments.md, "Input limits"). They live with the
 * register readers (`src/readers/internals/limits.ts`, shared by the command and the `shuangsuiji/readers` entry
 * point) and are re-exported here for the commands:
 *
 * | limit | value | code |
 * |---|---|---|
 * | one CSV cell | {@link MAX_CELL_BYTES} UTF-8 bytes (the draw's field limit) | `CSV_CELL_TOO_LONG` |
 * | one register row: a CSV record, a JSON Lines line, an element of a JSON array | {@link MAX_ROW_BYTES} bytes | `ROW_TOO_LONG` |
 * | fields of one register row: CSV header columns, keys of a JSON row | {@link MAX_FIELDS} | `TOO_MANY_FIELDS` |
 * | nesting of arrays and objects in any JSON | {@link MAX_JSON_DEPTH} levels | `JSON_TOO_DEEP` |
 * | a file held whole: record, history, targets, facts; the inspector register of a match | {@link MAX_JSON_FILE_BYTES} bytes | `FILE_TOO_LARGE` |
 * | text encoding of a register | UTF-8 (BOM optional) or GB18030/GBK, detected or forced; no NUL bytes | `FILE_NOT_UTF8`, `FILE_NOT_GB18030`, `FILE_ENCODING_UNKNOWN`, `FILE_BINARY` |
 * | text encoding of a file read whole | UTF-8 only, no NUL bytes | `FILE_NOT_UTF8`, `FILE_BINARY` |
 *
 * Registers have no size limit: they are streamed row by row.
 */
export {
  MAX_CELL_BYTES, MAX_ROW_BYTES, MAX_FIELDS, MAX_JSON_DEPTH, MAX_JSON_FILE_BYTES, MAX_PROBLEMS_KEPT, MAX_BATCH_BYTES,
  MAX_BATCH_FIELDS, MAX_MESSAGE_CHARS, utf8Units, utf8Length, jsonDepthExceededAt, lineAt, syntaxErrorLine, capMessage,
} from '../../readers/internals/limits.js';
