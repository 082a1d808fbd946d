import { ShuangsuijiError } from '../errors.js';
import { streamChunks } from './internals/stream-chunks.js';
import { RegisterRowReader, type ReadRegisterOptions } from './register-row-reader.js';

/** The bytes of a blob: its stream when it has one, else its whole contents (older browsers). */
async function* blobChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  if (typeof blob.stream === 'function') yield* streamChunks(blob.stream() as ReadableStream<Uint8Array>);
  else yield new Uint8Array(await blob.arrayBuffer());
}

/**
 * 名录库读取（浏览器文件）— reads the rows of a register from a `Blob` or `File` (an `<input type="file">`, a
 * drag-and-drop, a `fetch` response's blob), streamed with `blob.stream()` — browser APIs only, nothing of Node.
 * The name (of a `File`) gives the format and the size gives {@link RegisterRowReader.totalBytes}, unless the
 * options say otherwise. The reader reports the encoding used (UTF-8 or GB18030).
 *
 * @param blob - the register file as a browser `Blob` or `File`
 * @param options - format, file name, forced encoding, size and a problem callback; a `File`'s name and size are used
 * when not given ({@link ReadRegisterOptions})
 * @throws {@link shuangsuiji!ShuangsuijiError} with a code of {@link ReaderErrorCode}
 * @group CLI readers
 *
 * @example
 * ```ts
 * import { parseEntityRegister } from 'shuangsuiji';
 * import { readRegisterBlob } from 'shuangsuiji/readers';
 *
 * async function load(file: File): Promise<void> {
 *   const reader = readRegisterBlob(file);
 *   const rows: unknown[] = [];
 *   for await (const { row } of reader) rows.push(row);
 *   console.log(`${file.name}: ${reader.format}, ${reader.encoding}`, reader.problems);
 *   const result = parseEntityRegister(rows);
 *   if (!result.success) console.log(result.issues);
 * }
 * ```
 */
export function readRegisterBlob(blob: Blob, options?: ReadRegisterOptions): RegisterRowReader {
  if (typeof blob !== 'object' || blob === null || typeof (blob as { arrayBuffer?: unknown }).arrayBuffer !== 'function' || typeof (blob as { size?: unknown }).size !== 'number') {
    throw new ShuangsuijiError('INVALID_ARGUMENT', '应为 Blob 或 File', 'expected a Blob or File', { path: ['blob'] });
  }
  const name = (blob as { name?: unknown }).name;
  return new RegisterRowReader(blobChunks(blob), {
    ...(typeof name === 'string' && name !== '' ? { name } : {}),
    totalBytes: blob.size,
    ...options,
  });
}
