/**
 * Input problems with their place in a file (line, or record number inside a JSON array), the batched reading
 * of a register file into typed rows, and how problems are printed. Shared by every command.
 */
import type { DataIssue, IssuePath } from '../../errors.js';
import type { CliIo } from '../run-cli.js';
import type { Language } from './flags.js';
import { readJsonDocument } from './json-document.js';
import { capMessage, MAX_BATCH_BYTES, MAX_BATCH_FIELDS, MAX_PROBLEMS_KEPT } from './limits.js';
import { readRows, type FileProblem, type SourceRow } from './read-rows.js';

/**
 * A problem with a location in an input file, ready to print.
 *
 * @example
 * ```ts
 * const p: Located = { file: 'register.csv', line: 3, record: 2, code: 'USCC_CHECK_CHARACTER', messageZh: '校验码错误', messageEn: 'wrong check character' };
 * ```
 */
export interface Located {
  readonly file: string;
  readonly line: number;
  readonly record: number;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  /** Where inside the file's value (for a record or facts file refused by the library). */
  readonly path?: IssuePath;
}

/**
 * The problems of one command run: all are counted, the first {@link MAX_PROBLEMS_KEPT} are kept to print, so
 * a file with a problem on each of millions of lines cannot exhaust memory.
 *
 * @example
 * ```ts
 * const problems = new ProblemList();
 * problems.push({ file: 'a.csv', line: 1, record: 0, code: 'CSV_EMPTY', messageZh: '文件为空', messageEn: 'empty' });
 * console.log(problems.length, problems.kept.length); // 1 1
 * ```
 */
export class ProblemList {
  /** The first problems, in the order found. */
  readonly kept: Located[] = [];
  private count = 0;

  /** Adds a problem (its messages cut to a bounded length). */
  push(problem: Located): void {
    this.count++;
    if (this.kept.length < MAX_PROBLEMS_KEPT) {
      this.kept.push({ ...problem, messageZh: capMessage(problem.messageZh), messageEn: capMessage(problem.messageEn) });
    }
  }

  /** How many problems were found, kept or not. */
  get length(): number {
    return this.count;
  }
}

/** Rows parsed per batch: bounds memory while keeping per-batch duplicate checks. */
export const BATCH = 5000;
const PROGRESS_EVERY = 100_000;
const MAX_PROBLEMS_SHOWN = 20;

/**
 * `file 第 n 行` / `file line n` (or the record number when the line is unknown, or the file alone).
 *
 * @example
 * ```ts
 * where({ file: 'a.csv', line: 3, record: 2, code: 'X', messageZh: '', messageEn: '' }, 'en'); // 'a.csv line 3'
 * ```
 */
export function where(p: Located, language: Language): string {
  if (p.line > 0) return language === 'zh' ? `${p.file} 第 ${p.line} 行` : `${p.file} line ${p.line}`;
  if (p.record > 0) return language === 'zh' ? `${p.file} 第 ${p.record} 条记录` : `${p.file} record ${p.record}`;
  return p.file;
}

/**
 * Locates a parse issue of the row at `issue.path[0]` of `batch`, whose first row is record `offset + 1`.
 *
 * @example
 * ```ts
 * fromIssue('a.csv', [{ line: 2, bytes: 10, fields: 0, row: {} }], 0, { code: 'MISSING_FIELD', path: [0, 'name'], messageZh: '缺少', messageEn: 'missing' });
 * ```
 */
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
  return { file, line: problem.line, record: 0, code: problem.code, messageZh: problem.messageZh, messageEn: problem.messageEn };
}

/**
 * A typed row and where it came from.
 *
 * @example
 * ```ts
 * const row: TypedRow<string> = { value: 'A', line: 2, record: 1, bytes: 40 };
 * ```
 */
export interface TypedRow<T> {
  readonly value: T;
  readonly line: number;
  /** 1-based position among the file's rows. */
  readonly record: number;
  /** Size of the row's source text in UTF-8 bytes. */
  readonly bytes: number;
}

type BatchParser<T> = (rows: readonly unknown[]) => { success: true; data: readonly T[] } | { success: false; issues: readonly DataIssue[] };

/**
 * Reads a register file in batches (at most {@link BATCH} rows, {@link MAX_BATCH_BYTES} bytes of source and
 * {@link MAX_BATCH_FIELDS} fields),
 * parses each batch with `parse`, and yields the typed rows with their place. Problems are added to `problems`;
 * rows of a bad batch are not yielded. Memory is bounded by one batch.
 *
 * @example
 * ```ts
 * const problems = new ProblemList();
 * for await (const row of locatedRows('register.csv', (rows) => parseEntityRegister(rows), problems, () => {})) console.log(row.line, row.value.id);
 * ```
 */
export async function* locatedRows<T>(file: string, parse: BatchParser<T>, problems: ProblemList, onProgress: (rows: number) => void): AsyncGenerator<TypedRow<T>> {
  let batch: SourceRow[] = [];
  let batchBytes = 0;
  let batchFields = 0;
  let seen = 0;
  const flush = function* (): Generator<TypedRow<T>> {
    if (batch.length === 0) return;
    const offset = seen - batch.length;
    const result = parse(batch.map((r) => r.row));
    if (result.success) {
      for (let i = 0; i < result.data.length; i++) yield { value: result.data[i]!, line: batch[i]?.line ?? 0, record: offset + i + 1, bytes: batch[i]?.bytes ?? 0 };
    } else for (const issue of result.issues) problems.push(fromIssue(file, batch, offset, issue));
    batch = [];
    batchBytes = 0;
    batchFields = 0;
  };
  for await (const row of readRows(file, (p) => problems.push(fromFileProblem(file, p)))) {
    batch.push(row);
    batchBytes += row.bytes;
    batchFields += row.fields;
    seen++;
    if (seen % PROGRESS_EVERY === 0) onProgress(seen);
    if (batch.length >= BATCH || batchBytes >= MAX_BATCH_BYTES || batchFields >= MAX_BATCH_FIELDS) yield* flush();
  }
  yield* flush();
}

/**
 * {@link locatedRows} without the places.
 *
 * @example
 * ```ts
 * for await (const e of typedRows('register.jsonl', (rows) => parseEntityRegister(rows), new ProblemList(), () => {})) console.log(e.id);
 * ```
 */
export async function* typedRows<T>(file: string, parse: BatchParser<T>, problems: ProblemList, onProgress: (rows: number) => void): AsyncGenerator<T> {
  for await (const row of locatedRows(file, parse, problems, onProgress)) yield row.value;
}

/**
 * Reads a whole JSON file within the limits of `limits.ts` (BOM allowed); a problem is added to `problems` and
 * `undefined` returned when it cannot be read.
 *
 * @example
 * ```ts
 * const problems = new ProblemList();
 * const record = await readJson('record.json', problems);
 * ```
 */
export async function readJson(file: string, problems: ProblemList): Promise<unknown> {
  const doc = await readJsonDocument(file);
  if (doc.ok) return doc.value;
  problems.push(fromFileProblem(file, doc.problem));
  return undefined;
}

/**
 * Prints the problems (stderr, or `{ ok: false, code: 'INVALID_INPUT', problems, problemCount }` on stdout with
 * `--json`) and returns exit code 2.
 *
 * @example
 * ```ts
 * const code = reportProblems({ stdout: console.log, stderr: console.error }, true, 'en', new ProblemList()); // 2
 * ```
 */
export function reportProblems(io: CliIo, json: boolean, language: Language, problems: ProblemList): number {
  const say = (zh: string, en: string): string => (language === 'zh' ? zh : en);
  const list = problems.kept;
  if (json) {
    io.stdout(JSON.stringify({ ok: false, code: 'INVALID_INPUT', problems: list, problemCount: problems.length }, null, 2));
  } else {
    io.stderr(say(`输入有误，共 ${problems.length} 处：`, `The input has ${problems.length} problem(s):`));
    for (const p of list.slice(0, MAX_PROBLEMS_SHOWN)) {
      const at = p.path !== undefined && p.path.length > 0 ? ` (${p.path.join('.')})` : '';
      io.stderr(`  ${where(p, language)}: [${p.code}] ${say(p.messageZh, p.messageEn)}${at}`);
    }
    if (problems.length > MAX_PROBLEMS_SHOWN) io.stderr(say(`  ……另有 ${problems.length - MAX_PROBLEMS_SHOWN} 处未列出`, `  … and ${problems.length - MAX_PROBLEMS_SHOWN} more`));
  }
  return 2;
}

/**
 * The progress callback of a command: prints every {@link PROGRESS_EVERY} rows when progress is on.
 *
 * @example
 * ```ts
 * const onProgress = progressPrinter({ stdout: console.log, stderr: console.error }, true, 'zh');
 * onProgress(100_000); // 已读取 100000 行…
 * ```
 */
export function progressPrinter(io: CliIo, show: boolean, language: Language): (rows: number) => void {
  return (rows) => {
    if (show) io.stderr(language === 'zh' ? `已读取 ${rows} 行…` : `${rows} rows read…`);
  };
}

/**
 * One error without a place in a file (a bad option value, a library error); printed like a problem, exit code 2.
 * With `--json`: `{ ok: false, code, messageZh, messageEn, path? , details? }`.
 *
 * @example
 * ```ts
 * reportError({ stdout: console.log, stderr: console.error }, false, 'en', { code: 'EMPTY_SALT', messageZh: '盐不能为空', messageEn: 'the salt must not be empty' });
 * ```
 */
export function reportError(
  io: CliIo,
  json: boolean,
  language: Language,
  error: { readonly code: string; readonly messageZh: string; readonly messageEn: string; readonly path?: IssuePath; readonly details?: Readonly<Record<string, unknown>> | undefined },
): number {
  const path = error.path !== undefined && error.path.length > 0 ? error.path : undefined;
  if (json) {
    io.stdout(JSON.stringify({
      ok: false, code: error.code, messageZh: capMessage(error.messageZh), messageEn: capMessage(error.messageEn),
      ...(path === undefined ? {} : { path }), ...(error.details === undefined ? {} : { details: error.details }),
    }, null, 2));
  } else {
    const at = path === undefined ? '' : language === 'zh' ? `（位置：${path.join('.')}）` : ` (at ${path.join('.')})`;
    io.stderr(language === 'zh' ? `错误：[${error.code}] ${capMessage(error.messageZh)}${at}` : `Error: [${error.code}] ${capMessage(error.messageEn)}${at}`);
  }
  return 2;
}
