import { RegisterRowReader, type ReadRegisterOptions, type RegisterByteSource } from './register-row-reader.js';

/**
 * 名录库读取 — reads the rows of a register file (CSV, JSON array or JSON Lines; UTF-8 or GB18030, detected or
 * forced) from a stream of bytes: a Node stream such as `fs.createReadStream(path)` or a web `ReadableStream`.
 * Returns a {@link RegisterRowReader} to iterate once; it reports the encoding, format and CSV header it read.
 * The rows are plain objects for `parseEntityRegister`, `parseInspectorRegister` or `parseItemList`.
 *
 * @param source - the bytes of the register file: a Node stream (e.g. `fs.createReadStream(path)`, no encoding) or a
 * web `ReadableStream` ({@link RegisterByteSource})
 * @param options - format, file name, forced encoding, size for progress and a problem callback
 * ({@link ReadRegisterOptions})
 * @throws {@link shuangsuiji!ShuangsuijiError} with a code of {@link ReaderErrorCode}
 * @group CLI readers
 *
 * @example
 * ```ts
 * import { parseEntityRegister } from 'shuangsuiji';
 * import { readRegisterRows } from 'shuangsuiji/readers';
 * const { createReadStream } = await import('node:fs'); // Node; in a browser use readRegisterBlob
 *
 * const reader = readRegisterRows(createReadStream('检查对象名录库.csv'), { name: '检查对象名录库.csv' });
 * const rows: unknown[] = [];
 * for await (const { row } of reader) rows.push(row);
 * if (reader.problemCount > 0) console.log(reader.problems);
 * else console.log(reader.encoding, parseEntityRegister(rows).success); // e.g. gb18030 true
 * ```
 */
export function readRegisterRows(source: RegisterByteSource, options?: ReadRegisterOptions): RegisterRowReader {
  return new RegisterRowReader(source, options);
}
