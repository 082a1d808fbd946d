/**
 * Streams the rows of a register file — CSV (header row first; Excel's `sep=` line taken), JSON (an array of
 * objects) or JSON Lines (`.jsonl` / `.ndjson`, one object per line), in UTF-8 (with or without BOM) or GB18030,
 * detected or forced — as plain objects with the line on which each starts. This is the file side of the register
 * readers of `src/readers` (`RegisterRowReader`, also exported as `shuangsuiji/readers`): malformed input becomes a
 * problem with a line number, never a crash; memory is bounded by a batch of rows whatever the file holds.
 */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { TextEncodingName } from '../../readers/internals/text-decoding.js';
import { RegisterRowReader, type ReadProblem, type RegisterFormat, type RegisterRow } from '../../readers/register-row-reader.js';
import { isWorkbookStart, xlsxFileRows } from '../../readers/xlsx/index.js';

/**
 * A row of a register file, the 1-based line it starts on (0 when unknown), its size in UTF-8 bytes and its number
 * of fields (CSV cells, keys of a JSON object; 1 for any other JSON value).
 *
 * @example
 * ```ts
 * const row: SourceRow = { line: 2, bytes: 31, fields: 1, row: { 统一社会信用代码: '91350100M000100Y43' } };
 * ```
 */
export type SourceRow = RegisterRow;

/**
 * A problem in the file itself (not in a row's values).
 *
 * @example
 * ```ts
 * const p: FileProblem = { line: 3, code: 'ROW_TOO_LONG', messageZh: '第 3 行超过 1048576 字节（UTF-8）', messageEn: 'line 3 is longer than 1048576 bytes (UTF-8)' };
 * ```
 */
export type FileProblem = ReadProblem;

export type { RegisterFormat };

/**
 * Chooses the format from the extension; unknown extensions are read as CSV.
 *
 * @example
 * ```ts
 * console.log(formatOf('register.JSON'), formatOf('register.txt')); // json csv
 * ```
 */
export function formatOf(path: string): RegisterFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  return 'csv';
}

/**
 * Options of {@link readRows}.
 *
 * @example
 * ```ts
 * const options: ReadRowsOptions = { encoding: 'gb18030', onReader: (r) => console.log(r.totalBytes) };
 * ```
 */
export interface ReadRowsOptions {
  /** Read the file as this encoding (`--encoding`); default: detected. */
  readonly encoding?: TextEncodingName | undefined;
  /** Called with the reader once the file is open: it tells the encoding, format, header and bytes read. */
  readonly onReader?: ((reader: RegisterRowReader) => void) | undefined;
  /** For a workbook (`.xlsx`): the sheet to read, by name or 1-based position (`--sheet`); default: the first shown. */
  readonly sheet?: string | undefined;
}

/** Bytes read from the file at a time. */
const CHUNK_BYTES = 1 << 20;

function unreadable(code: string): FileProblem {
  return { line: 0, code: 'FILE_UNREADABLE', messageZh: `无法读取文件（${code}）`, messageEn: `cannot read the file (${code})` };
}

/**
 * Yields the rows of `path`; file-level problems go to `onProblem`, including a file that cannot be read
 * (`FILE_UNREADABLE`: missing, a folder, no permission …), which would otherwise escape as a crash.
 *
 * @example
 * ```ts
 * for await (const { line, row } of readRows('register.csv', (p) => console.error(p.line, p.code))) console.log(line, row);
 * ```
 */
export async function* readRows(path: string, onProblem: (problem: FileProblem) => void, options: ReadRowsOptions = {}): AsyncGenerator<SourceRow> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (!(error instanceof Error) || !('syscall' in error)) throw error;
    onProblem(unreadable(String((error as { code?: unknown }).code ?? error.message)));
    return;
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) {
      onProblem(unreadable('EISDIR'));
      return;
    }
    // Workbooks (issue 13 item 2): `.xlsx`, or a file that starts like a zip or OLE file, are read by src/readers/xlsx.
    if (stat.isFile() && (extname(path).toLowerCase() === '.xlsx' || isWorkbookStart((await handle.read(new Uint8Array(8), 0, 8, 0)).buffer))) {
      let rows = 0, problems = 0;
      const count = (problem: FileProblem): void => { problems++; onProblem(problem); };
      for await (const row of xlsxFileRows({ size: stat.size, read: () => handle.readFile() }, count, { sheet: options.sheet })) {
        rows++;
        yield row;
      }
      // A sheet with a header and no data rows is never read as an empty register: its header could not even be
      // checked against the register's fields (a CSV's header is checked without rows).
      if (rows === 0 && problems === 0) {
        onProblem({ line: 1, code: 'XLSX_NO_DATA_ROWS', messageZh: '工作表中没有数据行（只有表头或为空）：请检查是否选对了工作表（--sheet）', messageEn: 'the sheet has no data rows (a header at most): check that it is the right sheet (--sheet)' });
      }
      return;
    }
    // Devices and pipes report size 0: no total for progress then.
    const total = stat.isFile() ? stat.size : undefined;
    const bytes = handle.createReadStream({ highWaterMark: CHUNK_BYTES, autoClose: false });
    const reader = new RegisterRowReader(bytes, {
      format: formatOf(path),
      ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
      ...(total === undefined ? {} : { totalBytes: total }),
      onProblem,
    });
    options.onReader?.(reader);
    yield* reader;
  } catch (error) {
    // Only system errors of the file itself (they carry a `syscall`); anything else is a bug and propagates.
    if (!(error instanceof Error) || !('syscall' in error)) throw error;
    onProblem(unreadable(String((error as { code?: unknown }).code ?? error.message)));
  } finally {
    await handle.close();
  }
}
