/**
 * **shuangsuiji/readers — 名录库文件读取**: read register files — CSV, JSON arrays and JSON Lines, in UTF-8 (with or
 * without BOM) or GB18030/GBK, detected or forced — row by row in bounded memory, in Node and in browsers. These are
 * the readers the `shuangsuiji` command uses: every problem of a file is reported with a code and its line, and
 * each reader tells the encoding, format and CSV header it read. Pass the rows to `parseEntityRegister`,
 * `parseInspectorRegister` or `parseItemList` of the main entry point `shuangsuiji`, which check every value.
 *
 * - From a Node stream (`fs.createReadStream`) or a web `ReadableStream`: {@link readRegisterRows}.
 * - From a browser `Blob` or `File` (browser APIs only): {@link readRegisterBlob}.
 *
 * Encodings, column names and input limits are those of the command line: [中文](../../docs/zh/departments.md) ·
 * [English](../../docs/en/departments.md). A spreadsheet (`.xlsx`) is reported as `FILE_SPREADSHEET`: save it as
 * CSV, or give it to the `shuangsuiji` command, which reads workbooks.
 *
 * @example
 * ```ts
 * import { parseEntityRegister } from 'shuangsuiji';
 * import { readRegisterRows } from 'shuangsuiji/readers';
 *
 * const { createReadStream } = await import('node:fs'); // in a browser: readRegisterBlob(file)
 * const reader = readRegisterRows(createReadStream('检查对象名录库.csv'), { name: '检查对象名录库.csv' });
 * const rows: unknown[] = [];
 * for await (const { row } of reader) rows.push(row);
 * console.log(reader.encoding, reader.problems); // e.g. 'gb18030' []
 * const register = parseEntityRegister(rows);
 * ```
 *
 * @groupDescription CLI readers
 * The register-file readers of the `shuangsuiji` command, for programs: streams and browser files in, rows out.
 *
 * @module shuangsuiji/readers
 */
export { readRegisterRows } from './read-register-rows.js';
export { readRegisterBlob } from './read-register-blob.js';
export { RegisterRowReader } from './register-row-reader.js';
export type { ReadProblem, ReadRegisterOptions, RegisterByteSource, RegisterFormat, RegisterRow } from './register-row-reader.js';
export type { TextEncodingName } from './internals/text-decoding.js';
export type { ReaderErrorCode } from './reader-error-code.js';
export type { ReadProblemCode } from './read-problem-code.js';
