/**
 * Streams the rows of a register file — CSV (UTF-8, with or without BOM, header row first), JSON (an array of
 * objects) or JSON Lines (`.jsonl` / `.ndjson`, one object per line) — as plain objects with the line on
 * which each starts. Malformed input becomes a problem with a line number, never a crash; every format is
 * streamed within the limits of `limits.ts`, so memory is bounded by a batch of rows whatever the file holds.
 */
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { CsvReader } from './csv-reader.js';
import { JsonArrayReader, JsonLinesReader, type JsonRow } from './json-rows.js';
import { MAX_FIELDS } from './limits.js';
import { utf8Chunks } from './utf8-text.js';

/**
 * A row of a register file, the 1-based line it starts on (0 when unknown), its size in UTF-8 bytes and its number
 * of fields (CSV cells, keys of a JSON object; 1 for any other JSON value).
 *
 * @example
 * ```ts
 * const row: SourceRow = { line: 2, bytes: 31, fields: 1, row: { 统一社会信用代码: '91350100M000100Y43' } };
 * ```
 */
export interface SourceRow {
  readonly line: number;
  readonly bytes: number;
  readonly fields: number;
  readonly row: unknown;
}

/**
 * A problem in the file itself (not in a row's values).
 *
 * @example
 * ```ts
 * const p: FileProblem = { line: 3, code: 'ROW_TOO_LONG', messageZh: '第 3 行超过 1048576 字节（UTF-8）', messageEn: 'line 3 is longer than 1048576 bytes (UTF-8)' };
 * ```
 */
export interface FileProblem {
  readonly line: number;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
}

/**
 * The format of a register file, from its extension.
 *
 * @example
 * ```ts
 * const f: RegisterFormat = formatOf('名录库.jsonl'); // 'jsonl'
 * ```
 */
export type RegisterFormat = 'csv' | 'json' | 'jsonl';

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

/** Bytes read from the file at a time. */
const CHUNK_BYTES = 1 << 20;

/**
 * Yields the rows of `path`; file-level problems go to `onProblem`, including a file that cannot be read
 * (`FILE_UNREADABLE`: missing, a folder, no permission …), which would otherwise escape as a crash.
 *
 * @example
 * ```ts
 * for await (const { line, row } of readRows('register.csv', (p) => console.error(p.line, p.code))) console.log(line, row);
 * ```
 */
export async function* readRows(path: string, onProblem: (problem: FileProblem) => void): AsyncGenerator<SourceRow> {
  try {
    yield* readRowsOf(path, onProblem);
  } catch (error) {
    // Only system errors of the file itself (they carry a `syscall`); anything else is a bug and propagates.
    if (!(error instanceof Error) || !('syscall' in error)) throw error;
    const code = String((error as { code?: unknown }).code ?? error.message);
    onProblem({ line: 0, code: 'FILE_UNREADABLE', messageZh: `无法读取文件（${code}）`, messageEn: `cannot read the file (${code})` });
  }
}

async function* readRowsOf(path: string, report: (problem: FileProblem) => void): AsyncGenerator<SourceRow> {
  let problems = 0;
  const onProblem = (problem: FileProblem): void => {
    problems++;
    report(problem);
  };
  const format = formatOf(path);
  const bytes = createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Uint8Array>;
  const text = utf8Chunks(bytes, onProblem);
  if (format !== 'csv') {
    const reader = format === 'json' ? new JsonArrayReader(onProblem) : new JsonLinesReader(onProblem);
    const rows = function* (found: readonly JsonRow[]): Generator<SourceRow> {
      for (const { line, bytes, row } of found) {
        const fields = typeof row === 'object' && row !== null && !Array.isArray(row) ? Object.keys(row).length : 1;
        if (fields > MAX_FIELDS) onProblem(tooManyFields(line, fields));
        else yield { line, bytes, fields, row };
      }
    };
    for await (const chunk of text) {
      yield* rows(reader.push(chunk));
      if (reader instanceof JsonArrayReader && reader.failed) return; // the rest cannot be read as rows
    }
    yield* rows(reader.end());
    return;
  }
  // The header must be the first record: when it passes a limit, nothing after it can be read as rows.
  let unusableHeader = false;
  let header: readonly string[] | undefined;
  const reader = new CsvReader({}, (problem) => {
    if (header === undefined && (problem.code === 'ROW_TOO_LONG' || problem.code === 'CSV_CELL_TOO_LONG')) unusableHeader = true;
    onProblem(problem);
  });
  const toRow = (fields: readonly string[], line: number, size: number): SourceRow | undefined => {
    if (header === undefined) {
      if (fields.length > MAX_FIELDS) {
        onProblem(tooManyFields(line, fields.length));
        unusableHeader = true;
        return undefined;
      }
      header = fields.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
      return undefined;
    }
    if (fields.length !== header.length) {
      onProblem({
        line,
        code: 'CSV_FIELD_COUNT',
        messageZh: `第 ${line} 行有 ${fields.length} 列，表头有 ${header.length} 列`,
        messageEn: `line ${line} has ${fields.length} fields, the header has ${header.length}`,
      });
      return undefined;
    }
    // Object.fromEntries defines own properties, so a "__proto__" column cannot reach any prototype.
    return { line, bytes: size, fields: fields.length, row: Object.fromEntries(header.map((h, i) => [h, fields[i]!])) };
  };
  for await (const chunk of text) {
    for (const record of reader.push(chunk)) {
      if (unusableHeader) return;
      const row = toRow(record.fields, record.line, record.bytes);
      if (row) yield row;
    }
    if (unusableHeader) return;
  }
  const last = reader.end();
  if (unusableHeader) return;
  for (const record of last) {
    const row = toRow(record.fields, record.line, record.bytes);
    if (row) yield row;
  }
  if (header === undefined && problems === 0) {
    onProblem({ line: 1, code: 'CSV_EMPTY', messageZh: '文件为空，没有表头', messageEn: 'the file is empty: no header row' });
  }
}

function tooManyFields(line: number, fields: number): FileProblem {
  return {
    line,
    code: 'TOO_MANY_FIELDS',
    messageZh: `第 ${line} 行有 ${fields} 个字段（列），超过上限 ${MAX_FIELDS}`,
    messageEn: `line ${line} has ${fields} fields (columns), more than the limit of ${MAX_FIELDS}`,
  };
}
