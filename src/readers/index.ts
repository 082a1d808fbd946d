/**
 * 名录库文件读取 — `shuangsuiji/readers`: the readers the `shuangsuiji` command uses for register files, for library
 * users in Node and in browsers. CSV, JSON arrays and JSON Lines, in UTF-8 (with or without BOM) or GB18030/GBK,
 * detected or forced, streamed row by row in bounded memory, with every problem of the file coded and located by
 * line; each reader reports the encoding it used. The rows go to `parseEntityRegister`, `parseInspectorRegister` or
 * `parseItemList` of the main entry point.
 *
 * - From a Node stream or a web `ReadableStream`: {@link readRegisterRows}.
 * - From a browser `Blob` or `File` (browser APIs only): {@link readRegisterBlob}.
 *
 * @packageDocumentation
 */
export { readRegisterRows } from './read-register-rows.js';
export { readRegisterBlob } from './read-register-blob.js';
export { RegisterRowReader } from './register-row-reader.js';
export type { ReadProblem, ReadRegisterOptions, RegisterByteSource, RegisterFormat, RegisterRow } from './register-row-reader.js';
export type { TextEncodingName } from './internals/text-decoding.js';
