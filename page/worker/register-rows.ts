/**
 * Reads a register file dropped on the page (CSV, JSON, JSON Lines in UTF-8 or GB18030, or an `.xlsx` workbook)
 * into typed rows, in the worker, streamed from the `Blob` in batches: the readers of `src/readers` (as the command
 * line uses them) and the register parsers of `src/models`. Problems get the codes and messages of the library,
 * located by line; a column the parser does not know is reported once per column, not once per row.
 */
import type { DataIssue } from '../../src/errors.js';
import type { Entity } from '../../src/models/entity.js';
import type { Inspector } from '../../src/models/inspector.js';
import { parseEntityRegister } from '../../src/models/parse-entity-register.js';
import { parseInspectorRegister } from '../../src/models/parse-inspector-register.js';
import { readRegisterBlob } from '../../src/readers/read-register-blob.js';
import type { RegisterRowReader } from '../../src/readers/register-row-reader.js';
import { isWorkbookStart, xlsxFileRows } from '../../src/readers/xlsx/index.js';
import type { PageProblem, ProblemReport } from '../protocol.js';

/** Rows parsed per batch (as the command line: bounded memory, per-batch duplicate checks). */
const BATCH = 5000;
/** Problems kept to show; all are counted. */
const MAX_KEPT = 200;

/** Collects the problems of one operation. */
export class Problems {
  readonly kept: PageProblem[] = [];
  count = 0;
  private readonly unknownColumns = new Set<string>();

  push(problem: PageProblem): void {
    this.count++;
    if (this.kept.length < MAX_KEPT) this.kept.push(problem);
  }

  /** A parser issue of the row at `issue.path[0]` of a batch whose rows started on `lines`. */
  issue(file: string, issue: DataIssue, lines: readonly number[]): void {
    const index = typeof issue.path[0] === 'number' ? issue.path[0] : -1;
    const field = issue.path.slice(1).join('.');
    if (issue.code === 'UNKNOWN_FIELD') {
      // Every row of a file with an unknown column has the issue: once per column is enough.
      if (this.unknownColumns.has(field)) return;
      this.unknownColumns.add(field);
    }
    this.push({
      file,
      line: lines[index] ?? 0,
      code: issue.code,
      messageZh: field ? `${field}：${issue.messageZh}` : issue.messageZh,
      messageEn: field ? `${field}: ${issue.messageEn}` : issue.messageEn,
    });
  }

  report(): ProblemReport {
    return { kind: 'problems', problems: this.kept, count: this.count };
  }
}

/** What the reading found out about the file, filled in while it is read. */
export interface Reading {
  format: string | undefined;
  encoding: string | undefined;
  rows: number;
  bytesRead: number;
  totalBytes: number | undefined;
  /** True once the whole file has been read. */
  complete: boolean;
}

export type RegisterKind = 'entity' | 'inspector';
type Row<K extends RegisterKind> = K extends 'entity' ? Entity : Inspector;

function fileName(blob: Blob): string {
  const name = (blob as { name?: unknown }).name;
  return typeof name === 'string' && name !== '' ? name : 'register';
}

/** The source rows of the file: objects keyed by column, with the line each starts on. */
async function* sourceRows(blob: Blob, problems: Problems, reading: Reading): AsyncGenerator<{ readonly line: number; readonly row: unknown }> {
  const file = fileName(blob);
  const head = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
  if (/\.xlsx$/i.test(file) || isWorkbookStart(head)) {
    reading.format = 'xlsx';
    let rows = 0;
    let found = 0;
    const onProblem = (p: { readonly line: number; readonly code: string; readonly messageZh: string; readonly messageEn: string }): void => {
      found++;
      problems.push({ file, line: p.line, code: p.code, messageZh: p.messageZh, messageEn: p.messageEn });
    };
    for await (const row of xlsxFileRows({ size: blob.size, read: async () => new Uint8Array(await blob.arrayBuffer()) }, onProblem)) {
      rows++;
      reading.bytesRead = blob.size;
      yield row;
    }
    if (rows === 0 && found === 0) {
      // As the command line: a sheet without data rows is never read as an empty register.
      problems.push({ file, line: 1, code: 'XLSX_NO_DATA_ROWS', messageZh: '工作表中没有数据行（只有表头或为空）：请检查是否选对了工作表', messageEn: 'the sheet has no data rows (a header at most): check that it is the right sheet' });
    }
    return;
  }
  let reader: RegisterRowReader | undefined;
  reader = readRegisterBlob(blob, {
    onProblem: (p) => problems.push({ file, line: p.line, code: p.code, messageZh: p.messageZh, messageEn: p.messageEn }),
  });
  for await (const row of reader) {
    reading.format = reader.format;
    reading.encoding = reader.encoding;
    reading.bytesRead = reader.bytesRead;
    yield row;
  }
  reading.format = reader.format;
  reading.encoding = reader.encoding;
  reading.bytesRead = reader.bytesRead;
}

/**
 * The typed rows of a register file (entities or inspectors), streamed in batches; problems go to `problems`
 * (rows of a bad batch are not yielded) and what was read to `reading`. `onRows` is called every `every` rows.
 */
export async function* registerRows<K extends RegisterKind>(
  blob: Blob,
  kind: K,
  problems: Problems,
  reading: Reading,
  onRows: (reading: Reading) => void,
  every = 20_000,
): AsyncGenerator<Row<K>> {
  const file = fileName(blob);
  reading.totalBytes = blob.size;
  let batch: unknown[] = [];
  let lines: number[] = [];
  const flush = function* (): Generator<Row<K>> {
    if (batch.length === 0) return;
    const result = kind === 'entity' ? parseEntityRegister(batch) : parseInspectorRegister(batch);
    if (result.success) yield* result.data as readonly Row<K>[];
    else for (const issue of result.issues) problems.issue(file, issue, lines);
    batch = [];
    lines = [];
  };
  for await (const { line, row } of sourceRows(blob, problems, reading)) {
    batch.push(row);
    lines.push(line);
    reading.rows++;
    if (reading.rows % every === 0) onRows(reading);
    if (batch.length >= BATCH) yield* flush();
  }
  yield* flush();
  reading.complete = true;
  onRows(reading);
}

/** A fresh, empty {@link Reading}. */
export function newReading(): Reading {
  return { format: undefined, encoding: undefined, rows: 0, bytesRead: 0, totalBytes: undefined, complete: false };
}
