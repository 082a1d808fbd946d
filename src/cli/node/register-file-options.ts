import type { TextEncodingName } from '../../readers/internals/text-decoding.js';

/**
 * How a register file is read by {@link registerDigestOfFile}, {@link drawFromFile} and {@link verifyDrawOfFile}:
 * the options of the `shuangsuiji` command (`--workers`, `--encoding`, `--headers`, `--ignore-columns`, `--sheet`),
 * so that a program reads a file exactly as the command does — and gets the same digest, record and verdict.
 *
 * @group Node
 *
 * @example
 * ```ts
 * const options: RegisterFileOptions = { workers: 4, encoding: 'gb18030', headers: { 风险等级: 'riskClass' }, ignoreColumns: ['备注'] };
 * ```
 */
export interface RegisterFileOptions {
  /**
   * Worker threads reading the file in byte ranges (`1`: the calling thread alone). The result is the same
   * whatever the number; a file with any problem is read again by one thread to report it exactly.
   * @defaultValue `os.availableParallelism()` for files of 8 MiB or more, else 1
   */
  readonly workers?: number;
  /**
   * 编码: read the file as this encoding instead of detecting it.
   * @defaultValue detected: UTF-8 (with or without BOM) or GB18030
   */
  readonly encoding?: TextEncodingName;
  /**
   * Extra column headers: column name → field (as `--headers 列名=字段`).
   * @defaultValue none (the field names and the default Chinese headers)
   */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Columns to leave out (as `--ignore-columns`); any other column that is no field is refused (`UNKNOWN_COLUMN`).
   * @defaultValue none
   */
  readonly ignoreColumns?: readonly string[];
  /**
   * The sheet of an `.xlsx` workbook: a name, or a 1-based position (as `--sheet`).
   * @defaultValue the first sheet shown
   */
  readonly sheet?: string;
}
