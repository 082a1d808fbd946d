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
import type { RegisterReading } from './register-reading.js';
import type { RegisterRowReader } from '../../readers/register-row-reader.js';

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
/** Without a clock, progress is printed every this many rows. */
const PROGRESS_EVERY = 100_000;
/** Rows between progress reports to the printer (which prints at most once a second with a clock). */
const REPORT_EVERY = 1000;
/** Milliseconds between progress lines. */
const PROGRESS_INTERVAL_MS = 1000;
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

/**
 * How far the reading of a file is: bytes read of the total (when the file's size is known).
 *
 * @example
 * ```ts
 * const p: ReadProgress = { bytesRead: 52_428_800, totalBytes: 104_857_600 }; // 50 %
 * ```
 */
export interface ReadProgress {
  readonly bytesRead: number;
  readonly totalBytes: number | undefined;
}

/**
 * The progress callback of a command: rows read so far, and the bytes of the file read when known.
 *
 * @example
 * ```ts
 * const onProgress: ProgressCallback = (rows, progress) => console.error(rows, progress?.bytesRead);
 * ```
 */
export type ProgressCallback = (rows: number, progress?: ReadProgress) => void;

type BatchParser<T> = (rows: readonly unknown[]) => { success: true; data: readonly T[] } | { success: false; issues: readonly DataIssue[] };

/**
 * Reads a register file in batches (at most {@link BATCH} rows, {@link MAX_BATCH_BYTES} bytes of source and
 * {@link MAX_BATCH_FIELDS} fields),
 * parses each batch with `parse`, and yields the typed rows with their place. Problems are added to `problems`;
 * rows of a bad batch are not yielded. Memory is bounded by one batch.
 *
 * With a `reading` (see `register-reading.ts`) the file is read with its encoding option, its unknown and ignored
 * columns are taken out of the rows (unknown ones reported), and what was read (encoding, format, columns) is
 * recorded there; `parse` should then pass `reading.parserOptions` to the parser. Without one, the file is read with
 * the detected encoding and the rows go to `parse` as they are. `onProgress` gets the rows read and, as a second
 * argument, the bytes read of the file's size.
 *
 * @example
 * ```ts
 * const problems = new ProblemList();
 * for await (const row of locatedRows('register.csv', (rows) => parseEntityRegister(rows), problems, () => {})) console.log(row.line, row.value.id);
 * ```
 */
export async function* locatedRows<T>(
  file: string,
  parse: BatchParser<T>,
  problems: ProblemList,
  onProgress: ProgressCallback,
  reading?: RegisterReading,
): AsyncGenerator<TypedRow<T>> {
  let batch: SourceRow[] = [];
  let batchBytes = 0;
  let batchFields = 0;
  let seen = 0;
  let reader: RegisterRowReader | undefined;
  const report = (p: FileProblem): void => problems.push(fromFileProblem(file, p));
  const flush = function* (): Generator<TypedRow<T>> {
    if (batch.length === 0) return;
    const offset = seen - batch.length;
    const result = parse(batch.map((r) => r.row));
    if (result.success) {
      for (let i = 0; i < result.data.length; i++) yield { value: result.data[i]!, line: batch[i]?.line ?? 0, record: offset + i + 1, bytes: batch[i]?.bytes ?? 0 };
    } else {
      for (const issue of result.issues) {
        const located = fromIssue(file, batch, offset, issue);
        const index = typeof issue.path[0] === 'number' ? issue.path[0] : -1;
        const hint = reading?.hint(issue, batch[index]?.row);
        problems.push(hint === undefined ? located : { ...located, messageZh: `${located.messageZh}（${hint.zh}）`, messageEn: `${located.messageEn} (${hint.en})` });
      }
    }
    batch = [];
    batchBytes = 0;
    batchFields = 0;
  };
  const options = {
    encoding: reading?.encoding,
    sheet: reading?.sheet,
    onReader: (r: RegisterRowReader): void => {
      reader = r;
      reading?.attach(r);
    },
  };
  for await (const source of readRows(file, report, options)) {
    const row = reading === undefined ? source : reading.mapRow(source, report);
    batch.push(row);
    batchBytes += row.bytes;
    batchFields += row.fields;
    seen++;
    if (seen % REPORT_EVERY === 0) onProgress(seen, reader === undefined ? undefined : { bytesRead: reader.bytesRead, totalBytes: reader.totalBytes });
    if (batch.length >= BATCH || batchBytes >= MAX_BATCH_BYTES || batchFields >= MAX_BATCH_FIELDS) yield* flush();
  }
  reading?.finish(report);
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
export async function* typedRows<T>(file: string, parse: BatchParser<T>, problems: ProblemList, onProgress: ProgressCallback, reading?: RegisterReading): AsyncGenerator<T> {
  for await (const row of locatedRows(file, parse, problems, onProgress, reading)) yield row.value;
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
 * `--json`) and returns exit code 2. With the `reading` of a register, what was read of it is stated too (text: the
 * format and encoding; JSON: `format`, `encoding`, `bom`, `separator`, `columns`).
 *
 * @example
 * ```ts
 * const code = reportProblems({ stdout: console.log, stderr: console.error }, true, 'en', new ProblemList()); // 2
 * ```
 */
export function reportProblems(io: CliIo, json: boolean, language: Language, problems: ProblemList, reading?: RegisterReading): number {
  const say = (zh: string, en: string): string => (language === 'zh' ? zh : en);
  const list = problems.kept;
  if (json) {
    io.stdout(JSON.stringify({ ok: false, code: 'INVALID_INPUT', problems: list, problemCount: problems.length, ...(reading === undefined ? {} : reading.summary()) }, null, 2));
  } else {
    if (reading !== undefined) for (const line of reading.describe(say, false)) io.stderr(line);
    io.stderr(say(`输入有误，共 ${problems.length} 处：`, `The input has ${problems.length} problem(s):`));
    for (const p of list.slice(0, MAX_PROBLEMS_SHOWN)) {
      const at = p.path !== undefined && p.path.length > 0 ? ` (${p.path.join('.')})` : '';
      io.stderr(`  ${where(p, language)}: [${p.code}] ${say(p.messageZh, p.messageEn)}${at}`);
    }
    if (problems.length > MAX_PROBLEMS_SHOWN) io.stderr(say(`  ……另有 ${problems.length - MAX_PROBLEMS_SHOWN} 处未列出`, `  … and ${problems.length - MAX_PROBLEMS_SHOWN} more`));
  }
  return 2;
}

function duration(seconds: number, language: Language): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return language === 'zh' ? `${s} 秒` : `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return language === 'zh' ? `${m} 分 ${s % 60} 秒` : `${m} min ${s % 60} s`;
  return language === 'zh' ? `${Math.floor(m / 60)} 小时 ${m % 60} 分` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/**
 * The progress callback of a command, printing to stderr when `show` (on a terminal, or with `--progress`; never
 * with `--json` or on a pipe unless asked). With a clock (`io.now`, milliseconds) it prints at most once a second:
 * the percentage of the file read (bytes read of its size), rows, rows per second and the time left; without one,
 * every {@link PROGRESS_EVERY} rows, the percentage and rows. Times never reach any output but this one.
 *
 * @example
 * ```ts
 * const onProgress = progressPrinter({ stdout: console.log, stderr: console.error }, true, 'zh');
 * onProgress(100_000, { bytesRead: 5_000_000, totalBytes: 20_000_000 }); // 已读取 25%（100000 行）…
 * ```
 */
export function progressPrinter(io: CliIo, show: boolean, language: Language): ProgressCallback {
  if (!show) return () => {};
  const now = io.now;
  let start = now?.() ?? 0;
  let last = start;
  let lastRows = 0;
  return (rows, progress) => {
    if (rows < lastRows) {
      // A new pass or another file: its own rate.
      start = now?.() ?? 0;
      last = start;
    }
    const previous = lastRows;
    lastRows = rows;
    const total = progress?.totalBytes;
    const percent = progress !== undefined && total !== undefined && total > 0 ? Math.min(100, Math.floor((progress.bytesRead * 100) / total)) : undefined;
    if (now === undefined) {
      if (Math.floor(rows / PROGRESS_EVERY) === Math.floor(previous / PROGRESS_EVERY) && rows >= previous) return;
      if (language === 'zh') io.stderr(percent === undefined ? `已读取 ${rows} 行…` : `已读取 ${percent}%（${rows} 行）…`);
      else io.stderr(percent === undefined ? `${rows} rows read…` : `${percent}% read (${rows} rows)…`);
      return;
    }
    const t = now();
    if (t - last < PROGRESS_INTERVAL_MS) return;
    last = t;
    const seconds = (t - start) / 1000;
    const rate = seconds > 0 ? Math.round(rows / seconds) : 0;
    const left = progress !== undefined && total !== undefined && progress.bytesRead > 0 && total >= progress.bytesRead
      ? (seconds * (total - progress.bytesRead)) / progress.bytesRead
      : undefined;
    if (language === 'zh') {
      const tail = `每秒 ${rate} 行${left === undefined ? '' : `，预计还需 ${duration(left, language)}`}`;
      io.stderr(percent === undefined ? `已读取 ${rows} 行（${tail}）…` : `已读取 ${percent}%（${rows} 行，${tail}）…`);
    } else {
      const tail = `${rate} rows/s${left === undefined ? '' : `, about ${duration(left, language)} left`}`;
      io.stderr(percent === undefined ? `${rows} rows read (${tail})…` : `${percent}% read (${rows} rows, ${tail})…`);
    }
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
