/**
 * Input problems with their place in a file (line, or record number inside a JSON array), the batched reading
 * of a register file into typed rows, and how problems are printed. Shared by every command.
 */
import { readFile } from 'node:fs/promises';
import type { DataIssue } from '../../errors.js';
import type { CliIo } from '../run-cli.js';
import type { Language } from './flags.js';
import { readRows, type FileProblem, type SourceRow } from './read-rows.js';

/** A problem with a location in an input file, ready to print. */
export interface Located {
  readonly file: string;
  readonly line: number;
  readonly record: number;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
}

/** Rows parsed per batch: bounds memory while keeping per-batch duplicate checks. */
export const BATCH = 5000;
const PROGRESS_EVERY = 100_000;
const MAX_PROBLEMS_SHOWN = 20;

/** `file 第 n 行` / `file line n` (or the record number when the line is unknown, or the file alone). */
export function where(p: Located, language: Language): string {
  if (p.line > 0) return language === 'zh' ? `${p.file} 第 ${p.line} 行` : `${p.file} line ${p.line}`;
  if (p.record > 0) return language === 'zh' ? `${p.file} 第 ${p.record} 条记录` : `${p.file} record ${p.record}`;
  return p.file;
}

/** Locates a parse issue of the row at `issue.path[0]` of `batch`, whose first row is record `offset + 1`. */
export function fromIssue(file: string, batch: readonly SourceRow[], offset: number, issue: Pick<DataIssue, 'code' | 'path' | 'messageZh' | 'messageEn'>): Located {
  const index = typeof issue.path[0] === 'number' ? issue.path[0] : -1;
  const field = issue.path.slice(1).join('.');
  const source = batch[index];
  return {
    file,
    line: source?.line ?? 0,
    record: offset + index + 1,
    code: issue.code,
    messageZh: field ? `${field}：${issue.messageZh}` : issue.messageZh,
    messageEn: field ? `${field}: ${issue.messageEn}` : issue.messageEn,
  };
}

function fromFileProblem(file: string, problem: FileProblem): Located {
  return { file, record: 0, ...problem };
}

/** A typed row and where it came from. */
export interface TypedRow<T> {
  readonly value: T;
  readonly line: number;
  /** 1-based position among the file's rows. */
  readonly record: number;
}

type BatchParser<T> = (rows: readonly unknown[]) => { success: true; data: readonly T[] } | { success: false; issues: readonly DataIssue[] };

/**
 * Reads a register file in batches, parses each batch with `parse`, and yields the typed rows with their place.
 * Problems are collected into `problems`; rows of a bad batch are not yielded. Memory is bounded by one batch.
 */
export async function* locatedRows<T>(file: string, parse: BatchParser<T>, problems: Located[], onProgress: (rows: number) => void): AsyncGenerator<TypedRow<T>> {
  const fileProblems: FileProblem[] = [];
  let batch: SourceRow[] = [];
  let seen = 0;
  const flush = function* (): Generator<TypedRow<T>> {
    if (batch.length === 0) return;
    const offset = seen - batch.length;
    const result = parse(batch.map((r) => r.row));
    if (result.success) {
      for (let i = 0; i < result.data.length; i++) yield { value: result.data[i]!, line: batch[i]?.line ?? 0, record: offset + i + 1 };
    } else for (const issue of result.issues) problems.push(fromIssue(file, batch, offset, issue));
    batch = [];
  };
  for await (const row of readRows(file, fileProblems)) {
    batch.push(row);
    seen++;
    if (seen % PROGRESS_EVERY === 0) onProgress(seen);
    if (batch.length >= BATCH) yield* flush();
  }
  yield* flush();
  for (const p of fileProblems) problems.push(fromFileProblem(file, p));
}

/** {@link locatedRows} without the places. */
export async function* typedRows<T>(file: string, parse: BatchParser<T>, problems: Located[], onProgress: (rows: number) => void): AsyncGenerator<T> {
  for await (const row of locatedRows(file, parse, problems, onProgress)) yield row.value;
}

/** Reads a whole JSON file (BOM allowed); problems are pushed to `what` and `undefined` returned. */
export async function readJson(file: string, what: Located[]): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    what.push({ file, line: 0, record: 0, code: 'FILE_UNREADABLE', messageZh: `无法读取文件（${String((error as { code?: unknown }).code ?? error)}）`, messageEn: `cannot read the file (${String((error as { code?: unknown }).code ?? error)})` });
    return undefined;
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    what.push({ file, line: 0, record: 0, code: 'JSON_SYNTAX', messageZh: '不是有效的 JSON', messageEn: 'not valid JSON' });
    return undefined;
  }
}

/** Prints the problems (stderr, or `{ ok: false, code: 'INVALID_INPUT', problems }` on stdout with `--json`) and returns exit code 2. */
export function reportProblems(io: CliIo, json: boolean, language: Language, problems: readonly Located[]): number {
  const say = (zh: string, en: string): string => (language === 'zh' ? zh : en);
  if (json) {
    io.stdout(JSON.stringify({ ok: false, code: 'INVALID_INPUT', problems }, null, 2));
  } else {
    io.stderr(say(`输入有误，共 ${problems.length} 处：`, `The input has ${problems.length} problem(s):`));
    for (const p of problems.slice(0, MAX_PROBLEMS_SHOWN)) io.stderr(`  ${where(p, language)}: [${p.code}] ${say(p.messageZh, p.messageEn)}`);
    if (problems.length > MAX_PROBLEMS_SHOWN) io.stderr(say(`  ……另有 ${problems.length - MAX_PROBLEMS_SHOWN} 处未列出`, `  … and ${problems.length - MAX_PROBLEMS_SHOWN} more`));
  }
  return 2;
}

/** The progress callback of a command: prints every {@link PROGRESS_EVERY} rows when progress is on. */
export function progressPrinter(io: CliIo, show: boolean, language: Language): (rows: number) => void {
  return (rows) => {
    if (show) io.stderr(language === 'zh' ? `已读取 ${rows} 行…` : `${rows} rows read…`);
  };
}

/** One error without a place in a file (a bad option value, a library error); printed like a problem, exit code 2. */
export function reportError(io: CliIo, json: boolean, language: Language, error: { readonly code: string; readonly messageZh: string; readonly messageEn: string }): number {
  if (json) io.stdout(JSON.stringify({ ok: false, code: error.code, messageZh: error.messageZh, messageEn: error.messageEn }, null, 2));
  else io.stderr(language === 'zh' ? `错误：[${error.code}] ${error.messageZh}` : `Error: [${error.code}] ${error.messageEn}`);
  return 2;
}
