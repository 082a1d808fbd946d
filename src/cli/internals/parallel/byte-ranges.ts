/**
 * The plan of a parallel reading: a register file cut into byte ranges of whole rows, each read by one worker
 * thread as if it followed the file's head (BOM, `sep=` line, CSV header) directly.
 *
 * The main thread decides once what every range needs, exactly as the whole-file reading decides it:
 * - the encoding: forced (`--encoding`), or detected by the same decoder (`TextChunkDecoder`) fed the same 1 MiB
 *   chunks from the file's start until it decides (at its first non-ASCII bytes, or a BOM);
 * - the head: the shortest prefix, ending after a line break, that the register reader (`RegisterRowReader`)
 *   reads without a problem and with a header, and without any row — for CSV the optional `sep=` line, blank lines
 *   and the header record (quoted line breaks in it included); for JSON Lines the BOM, if any;
 * - the cut points: the first record boundary at or after each 1/n of the rows' bytes (`record-boundaries.ts`).
 *
 * A worker reads `head ‖ range` through the same reader, column mapping and parser as the single-thread path. Its
 * rows are exactly the file's rows of that range when its range started on a record boundary, and that is
 * checked rather than assumed: the reader is a state machine that is at the start of a record after the head (the
 * head read without problem); if a range starts on a record boundary, its reading stays in step with the whole
 * file's, so it ends on the line break that ends the range at the start of a record — the next range's start is a
 * boundary too. A range that started inside a quoted field reads with the quotes inverted, which ends in a problem
 * (an unterminated quote at its end at the latest). So if no range reports any problem, every range started on a
 * boundary and the ranges' rows are the file's rows; any problem at all sends the command back to the
 * single-thread reading, which reports the problems exactly as without workers.
 *
 * Not split (the single-thread reading is used): workbooks (`.xlsx`), JSON arrays, files that are not regular
 * files, files with fewer line breaks than ranges, separators that are not one ASCII character, and any problem in
 * the head.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ReadProblem } from '../../../readers/register-row-reader.js';
import { RegisterRowReader } from '../../../readers/register-row-reader.js';
import { TextChunkDecoder, type TextEncodingName } from '../../../readers/internals/text-decoding.js';
import { isWorkbookStart } from '../../../readers/xlsx/index.js';
import { formatOf } from '../read-rows.js';
import { RegisterReading } from '../register-reading.js';
import { CsvBoundaryFinder, lineBoundaries } from './record-boundaries.js';

/**
 * Where the rows of a register file are, for reading them in parallel.
 *
 * @example
 * ```ts
 * const plan: ByteRangePlan = { file: 'r.csv', format: 'csv', encoding: 'utf-8', size: 300, head: 100, ranges: [[100, 210], [210, 300]] };
 * ```
 */
export interface ByteRangePlan {
  readonly file: string;
  readonly format: 'csv' | 'jsonl';
  readonly encoding: TextEncodingName;
  /** The file's size in bytes. */
  readonly size: number;
  /** Bytes [0, head): what precedes the rows (BOM, `sep=` line, CSV header), read again before each range. */
  readonly head: number;
  /** The ranges of rows [start, end), in file order: the first starts at `head`, the last ends at `size`. */
  readonly ranges: readonly (readonly [number, number])[];
}

/** Why a file is read by one thread after all (for tests and diagnostics; never printed). */
export type SingleThreadReason =
  | 'not-a-file' | 'small' | 'workbook' | 'json-array' | 'encoding-problem' | 'head-problem' | 'separator' | 'one-range'
  | 'row-problem' | 'duplicate' | 'refused' | 'worker-failed' | 'verify-record';

/** Bytes read from the file at a time, as `readRows` reads them (the encoding decision sees the same chunks). */
const CHUNK_BYTES = 1 << 20;
/** Bytes read at a time by the boundary scan. */
const SCAN_BYTES = 4 << 20;
/** Lines tried for the end of the CSV head (a `sep=` line, blank lines, a header with quoted line breaks). */
const MAX_HEAD_LINES = 256;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = Buffer.allocUnsafe(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return bytesRead === length ? buffer : buffer.subarray(0, bytesRead);
}

/** The chunks of bytes [start, end) of the file, fresh buffers of at most {@link CHUNK_BYTES}. */
export async function* fileChunks(handle: FileHandle, start: number, end: number): AsyncGenerator<Uint8Array> {
  for (let at = start; at < end; ) {
    const bytes = await readAt(handle, at, Math.min(CHUNK_BYTES, end - at));
    if (bytes.length === 0) return;
    at += bytes.length;
    yield bytes;
  }
}

/** The file's encoding as the whole-file reading decides it, or `undefined` after a problem. */
async function decideEncoding(handle: FileHandle, size: number, forced: TextEncodingName | undefined): Promise<TextEncodingName | undefined> {
  if (forced !== undefined) return forced;
  let failed = false;
  const decoder = new TextChunkDecoder(undefined, () => (failed = true));
  for await (const chunk of fileChunks(handle, 0, size)) {
    decoder.push(chunk);
    if (failed || decoder.failed) return undefined;
    if (decoder.encoding !== undefined) return decoder.encoding;
  }
  decoder.end();
  return failed || decoder.failed ? undefined : decoder.encoding;
}

/** A reader of bytes [0, end) of the file, read to its end; with its problems and rows counted. */
async function readHead(handle: FileHandle, plan: { format: 'csv' | 'jsonl'; encoding: TextEncodingName; size: number }, end: number): Promise<{ reader: RegisterRowReader; problems: ReadProblem[]; rows: number }> {
  const problems: ReadProblem[] = [];
  const reader = new RegisterRowReader(fileChunks(handle, 0, end), { format: plan.format, encoding: plan.encoding, totalBytes: plan.size, onProblem: (p) => problems.push(p) });
  let rows = 0;
  for await (const _ of reader) rows++;
  return { reader, problems, rows };
}

/**
 * Plans the parallel reading of `file` in `count` ranges, or says why it is read by one thread. `minBytes`: files
 * smaller than this are not split. The returned reader has read the head (for the command's statement of what was
 * read: encoding, BOM, separator, header).
 *
 * @example
 * ```ts
 * const planned = await planByteRanges('register.csv', choices, 2, 0);
 * if ('plan' in planned) console.log(planned.plan.ranges.length); // 2
 * ```
 */
export async function planByteRanges(
  file: string,
  reading: RegisterReading,
  count: number,
  minBytes: number,
): Promise<{ readonly plan: ByteRangePlan; readonly reader: RegisterRowReader } | { readonly reason: SingleThreadReason }> {
  const format = formatOf(file);
  if (format === 'json') return { reason: 'json-array' };
  if (extname(file).toLowerCase() === '.xlsx') return { reason: 'workbook' };
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch {
    return { reason: 'not-a-file' };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { reason: 'not-a-file' };
    const size = stat.size;
    if (size < minBytes || count < 2) return { reason: 'small' };
    if (isWorkbookStart(await readAt(handle, 0, 8))) return { reason: 'workbook' };
    const encoding = await decideEncoding(handle, size, reading.encoding);
    if (encoding === undefined) return { reason: 'encoding-problem' };
    const base = { format, encoding, size };

    // The head: for JSON Lines the BOM only; for CSV the first prefix ending after a line break that reads cleanly
    // with a header (a prefix cut inside a quoted header field ends in an unterminated quote: try the next).
    let head = 0;
    let found: { reader: RegisterRowReader; problems: ReadProblem[]; rows: number } | undefined;
    if (format === 'jsonl') {
      const start = await readAt(handle, 0, 4);
      head = start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf ? 3 : start[0] === 0x84 && start[1] === 0x31 && start[2] === 0x95 && start[3] === 0x33 ? 4 : 0;
      found = await readHead(handle, base, head);
      if (found.problems.length > 0 || found.rows > 0) return { reason: 'head-problem' };
    } else {
      const window = await readAt(handle, 0, Math.min(size, CHUNK_BYTES));
      let lines = 0;
      for (let lf = window.indexOf(0x0a); lf >= 0 && lines < MAX_HEAD_LINES; lf = window.indexOf(0x0a, lf + 1), lines++) {
        const attempt = await readHead(handle, base, lf + 1);
        if (attempt.rows > 0) return { reason: 'head-problem' };
        if (attempt.problems.length > 0) {
          // Not a problem of the file yet: the prefix ends inside the header's quotes, or before the header.
          if (attempt.problems.every((p) => p.code === 'CSV_UNTERMINATED_QUOTE' || p.code === 'CSV_EMPTY')) continue;
          return { reason: 'head-problem' };
        }
        if (attempt.reader.header === undefined) continue;
        head = lf + 1;
        found = attempt;
        break;
      }
      if (found === undefined) return { reason: 'head-problem' };
    }
    const { reader } = found;
    // Columns the command would refuse (unknown ones) are reported by the single-thread reading.
    const columns: ReadProblem[] = [];
    const check = RegisterReading.create(file, reading.kind, reading.choices);
    if (!(check instanceof RegisterReading)) return { reason: 'head-problem' };
    check.attach(reader);
    check.finish((p) => columns.push(p));
    if (columns.length > 0) return { reason: 'head-problem' };

    // Cut points: the first record boundary at or after each n-th of the rows' bytes.
    const targets: number[] = [];
    for (let k = 1; k < count; k++) targets.push(head + Math.floor(((size - head) * k) / count));
    let boundaries: number[];
    if (format === 'jsonl') {
      boundaries = await lineBoundaries((at, n) => readAt(handle, at, Math.min(n, size - at)), size, targets);
    } else {
      const separator = reader.separator ?? ',';
      const byte = separator.charCodeAt(0);
      if (separator.length !== 1 || byte >= 0x80) return { reason: 'separator' };
      const finder = new CsvBoundaryFinder(byte, targets);
      const buffer = Buffer.allocUnsafe(SCAN_BYTES);
      for (let at = head; at < size && !finder.done; ) {
        const { bytesRead } = await handle.read(buffer, 0, Math.min(SCAN_BYTES, size - at), at);
        if (bytesRead === 0) break;
        finder.push(bytesRead === SCAN_BYTES ? buffer : buffer.subarray(0, bytesRead), at);
        at += bytesRead;
      }
      boundaries = finder.boundaries;
    }
    const cuts = boundaries.filter((b) => b > head && b < size);
    if (cuts.length === 0) return { reason: 'one-range' };
    const starts = [head, ...cuts];
    const ranges = starts.map((start, i) => [start, starts[i + 1] ?? size] as const);
    return { plan: { file, format, encoding, size, head, ranges }, reader };
  } finally {
    await handle.close();
  }
}
