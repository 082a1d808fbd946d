/**
 * The codes of the {@link ReadProblem}s of a register file (reported, never thrown): its bytes and encoding
 * (`FILE_*`), CSV syntax and header (`CSV_*`), JSON syntax (`JSON_*`), and rows or fields beyond the limits
 * (`ROW_TOO_LONG`, `TOO_MANY_FIELDS`). `ReadProblem.code` is typed `string`: the command line reports its own
 * problems in the same shape.
 *
 * @group CLI readers
 *
 * @example
 * ```ts
 * import type { ReadProblem, ReadProblemCode } from 'shuangsuiji/readers';
 *
 * const stopsReading: readonly ReadProblemCode[] = ['FILE_BINARY', 'FILE_SPREADSHEET', 'FILE_NOT_UTF8', 'FILE_NOT_GB18030'];
 * const fatal = (p: ReadProblem): boolean => (stopsReading as readonly string[]).includes(p.code);
 * ```
 */
export type ReadProblemCode =
  | 'FILE_NOT_UTF8'
  | 'FILE_NOT_GB18030'
  | 'FILE_ENCODING_UNKNOWN'
  | 'FILE_ENCODING_CONFLICT'
  | 'FILE_ENCODING_UNSUPPORTED'
  | 'FILE_BINARY'
  | 'FILE_SPREADSHEET'
  | 'CSV_EMPTY'
  | 'CSV_UNTERMINATED_QUOTE'
  | 'CSV_QUOTE_IN_UNQUOTED_FIELD'
  | 'CSV_TEXT_AFTER_QUOTE'
  | 'CSV_CELL_TOO_LONG'
  | 'CSV_FIELD_COUNT'
  | 'CSV_UNNAMED_COLUMN'
  | 'CSV_DUPLICATE_COLUMN'
  | 'JSON_SYNTAX'
  | 'JSON_NOT_ARRAY'
  | 'JSON_TOO_DEEP'
  | 'ROW_TOO_LONG'
  | 'TOO_MANY_FIELDS';
