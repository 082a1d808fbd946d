/**
 * Streams the rows of a register file — CSV (UTF-8, with or without BOM, header row first), JSON (an array of
 * objects) or JSON Lines (`.jsonl` / `.ndjson`, one object per line) — as plain objects with the line on
 * which each starts. Malformed input becomes a problem with a line number, never a crash.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { CsvReader } from './csv-reader.js';

/** A row of a register file and the 1-based line it starts on (0 when unknown, e.g. inside a JSON array). */
export interface SourceRow {
  readonly line: number;
  readonly row: unknown;
}

/** A problem in the file itself (not in a row's values). */
export interface FileProblem {
  readonly line: number;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
}

/** The format of a register file, from its extension. */
export type RegisterFormat = 'csv' | 'json' | 'jsonl';

/** Chooses the format from the extension; unknown extensions are read as CSV. */
export function formatOf(path: string): RegisterFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  return 'csv';
}

/**
 * Yields the rows of `path`; file-level problems are pushed to `problems`, including a file that cannot be read
 * (`FILE_UNREADABLE`: missing, a folder, no permission …), which would otherwise escape as a crash.
 */
export async function* readRows(path: string, problems: FileProblem[]): AsyncGenerator<SourceRow> {
  try {
    yield* readRowsOf(path, problems);
  } catch (error) {
    // Only system errors of the file itself (they carry a `syscall`); anything else is a bug and propagates.
    if (!(error instanceof Error) || !('syscall' in error)) throw error;
    const code = String((error as { code?: unknown }).code ?? error.message);
    problems.push({ line: 0, code: 'FILE_UNREADABLE', messageZh: `无法读取文件（${code}）`, messageEn: `cannot read the file (${code})` });
  }
}

async function* readRowsOf(path: string, problems: FileProblem[]): AsyncGenerator<SourceRow> {
  const format = formatOf(path);
  if (format === 'json') {
    yield* readJsonArray(path, problems);
    return;
  }
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  if (format === 'jsonl') {
    yield* readJsonLines(stream, problems);
    return;
  }
  const reader = new CsvReader();
  let header: readonly string[] | undefined;
  const toRow = (fields: readonly string[], line: number): SourceRow | undefined => {
    if (header === undefined) {
      header = fields.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
      return undefined;
    }
    if (fields.length !== header.length) {
      problems.push({
        line,
        code: 'CSV_FIELD_COUNT',
        messageZh: `第 ${line} 行有 ${fields.length} 列，表头有 ${header.length} 列`,
        messageEn: `line ${line} has ${fields.length} fields, the header has ${header.length}`,
      });
      return undefined;
    }
    // Object.fromEntries defines own properties, so a "__proto__" column cannot reach any prototype.
    return { line, row: Object.fromEntries(header.map((h, i) => [h, fields[i]!])) };
  };
  for await (const chunk of stream as AsyncIterable<string>) {
    for (const record of reader.push(chunk)) {
      const row = toRow(record.fields, record.line);
      if (row) yield row;
    }
  }
  for (const record of reader.end()) {
    const row = toRow(record.fields, record.line);
    if (row) yield row;
  }
  problems.push(...reader.problems);
  if (header === undefined) {
    problems.push({ line: 1, code: 'CSV_EMPTY', messageZh: '文件为空，没有表头', messageEn: 'the file is empty: no header row' });
  }
}

async function* readJsonLines(stream: AsyncIterable<string>, problems: FileProblem[]): AsyncGenerator<SourceRow> {
  let buffered = '';
  let line = 0;
  const parse = (text: string, at: number): SourceRow | undefined => {
    const trimmed = text.trim();
    if (trimmed === '') return undefined;
    try {
      return { line: at, row: JSON.parse(trimmed) as unknown };
    } catch {
      problems.push({ line: at, code: 'JSON_SYNTAX', messageZh: `第 ${at} 行不是有效的 JSON`, messageEn: `line ${at} is not valid JSON` });
      return undefined;
    }
  };
  let first = true;
  for await (const chunk of stream) {
    buffered += first ? chunk.replace(/^\uFEFF/, '') : chunk;
    first = false;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      line++;
      const row = parse(buffered.slice(0, newline), line);
      if (row) yield row;
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
    }
  }
  const row = parse(buffered, line + 1);
  if (row) yield row;
}

async function* readJsonArray(path: string, problems: FileProblem[]): AsyncGenerator<SourceRow> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    const line = position === undefined ? 0 : text.slice(0, Number(position)).split('\n').length;
    problems.push({
      line,
      code: 'JSON_SYNTAX',
      messageZh: `JSON 语法错误${line ? `（第 ${line} 行）` : ''}`,
      messageEn: `JSON syntax error${line ? ` (line ${line})` : ''}`,
    });
    return;
  }
  if (!Array.isArray(data)) {
    problems.push({ line: 1, code: 'JSON_NOT_ARRAY', messageZh: 'JSON 文件应为对象数组', messageEn: 'the JSON file must hold an array of objects' });
    return;
  }
  for (const row of data) yield { line: 0, row };
}
