/**
 * An incremental RFC 4180 CSV reader: feed it text chunks, it yields records with the line number on
 * which each record starts. Quoted fields may hold separators, doubled quotes and line breaks; CRLF and LF
 * both end records; a leading BOM (U+FEFF) is dropped. The separator is a comma unless another is given (Excel's
 * `sep=;` line is read by the register reader, which then passes `;`). Malformed input is reported by line, never
 * thrown away silently.
 *
 * Memory is bounded: a cell longer than {@link CsvLimits.cellBytes} UTF-8 bytes (`CSV_CELL_TOO_LONG`) or a record
 * longer than {@link CsvLimits.recordBytes} (`ROW_TOO_LONG`) is reported as soon as the limit is passed and the
 * rest of that record is skipped without being kept; the record is not returned.
 */
import { ShuangsuijiError } from '../../errors.js';
import { capMessage, MAX_CELL_BYTES, MAX_PROBLEMS_KEPT, MAX_ROW_BYTES, utf8Units } from './limits.js';

/** One CSV record, the 1-based line on which it starts and its size in UTF-8 bytes (separators included). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
  readonly bytes: number;
}

/** A problem found while reading CSV, with its 1-based line. */
export interface CsvProblem {
  readonly line: number;
  readonly code: 'CSV_UNTERMINATED_QUOTE' | 'CSV_QUOTE_IN_UNQUOTED_FIELD' | 'CSV_TEXT_AFTER_QUOTE' | 'CSV_CELL_TOO_LONG' | 'ROW_TOO_LONG';
  readonly messageZh: string;
  readonly messageEn: string;
}

/** Separator and numbering of {@link CsvReader}. */
export interface CsvOptions {
  /** The field separator, one UTF-16 code unit other than a quote, CR or LF (default `,`). */
  readonly separator?: string;
  /** The number of the first line fed (default 1; 2 when a `sep=` line was taken off before). */
  readonly firstLine?: number;
}

/** Size limits of {@link CsvReader}, in UTF-8 bytes. */
export interface CsvLimits {
  /** Longest cell (default {@link MAX_CELL_BYTES}). */
  readonly cellBytes?: number;
  /** Longest record, cells and separators (default {@link MAX_ROW_BYTES}). */
  readonly recordBytes?: number;
}

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Streaming CSV parser. Call `push(chunk)` for each chunk and `end()` once; both return complete records.
 * Problems go to `onProblem` when given, else to {@link CsvReader.problems} (the first {@link MAX_PROBLEMS_KEPT};
 * {@link CsvReader.problemCount} counts all).
 *
 * @example
 * ```ts
 * const reader = new CsvReader();
 * const records = [...reader.push('a,b\r\n1,"x,y"\r\n'), ...reader.end()];
 * console.log(records[1]?.fields); // ['1', 'x,y']
 * ```
 */
export class CsvReader {
  private state = State.FieldStart;
  private field = '';
  private fields: string[] = [];
  private line = 1;
  private recordLine = 1;
  private atStart = true;
  private pendingCr = false;
  private emptyRecord = true;
  private quotedCr = false;
  /** Start (in the current chunk) of the run of characters not yet added to `field`; -1 when none. */
  private run = -1;
  private cellBytes = 0;
  private recordBytes = 0;
  /** The current record passed a limit: its text is no longer kept and it will not be returned. */
  private skipping = false;
  /** Codes already reported for the current record (each at most once per record). */
  private reported = new Set<CsvProblem['code']>();
  private readonly maxCell: number;
  private readonly maxRecord: number;
  private readonly onProblem: (problem: CsvProblem) => void;
  /** The separator's code unit. */
  private readonly sep: number;
  /** Problems found (the first {@link MAX_PROBLEMS_KEPT}) when no `onProblem` is given. */
  readonly problems: CsvProblem[] = [];
  /** Problems found, including those not kept. */
  problemCount = 0;

  constructor(limits: CsvLimits = {}, onProblem?: (problem: CsvProblem) => void, options: CsvOptions = {}) {
    const separator = options.separator ?? ',';
    if (separator.length !== 1 || separator === '"' || separator === '\r' || separator === '\n') {
      throw new ShuangsuijiError(
        'INVALID_OPTION',
        `CSV 分隔符应为一个字符，且不能是引号或换行，收到 ${JSON.stringify(separator)}`,
        `the CSV separator must be one character other than a quote or a line break, got ${JSON.stringify(separator)}`,
        { path: ['separator'] },
      );
    }
    this.sep = separator.charCodeAt(0);
    this.line = options.firstLine ?? 1;
    this.recordLine = this.line;
    this.maxCell = limits.cellBytes ?? MAX_CELL_BYTES;
    this.maxRecord = limits.recordBytes ?? MAX_ROW_BYTES;
    this.onProblem = onProblem ?? ((p) => {
      if (this.problems.length < MAX_PROBLEMS_KEPT) this.problems.push(p);
    });
  }

  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let start = 0;
    if (this.atStart && chunk.length > 0) {
      this.atStart = false;
      if (chunk.charCodeAt(0) === 0xfeff) start = 1;
    }
    const text = chunk;
    const SEP = this.sep;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.pendingCr) {
        this.pendingCr = false;
        if (c === LF) continue; // CRLF: the record already ended at CR
      }
      switch (this.state) {
        case State.FieldStart:
          if (c === QUOTE) {
            this.state = State.Quoted;
            this.quotedCr = false;
            this.emptyRecord = false;
          } else if (c === SEP) {
            this.endField();
          } else if (c === CR || c === LF) {
            this.endRecord(out);
            this.newline(c);
          } else {
            this.add(text, i, c);
            this.state = State.Unquoted;
            this.emptyRecord = false;
          }
          break;
        case State.Unquoted:
          if (c === SEP) {
            this.flush(text, i);
            this.endField();
          } else if (c === CR || c === LF) {
            this.flush(text, i);
            this.endRecord(out);
            this.newline(c);
          } else {
            if (c === QUOTE) this.problem('CSV_QUOTE_IN_UNQUOTED_FIELD', this.line, '未加引号的字段中出现引号', 'a quote inside an unquoted field');
            this.add(text, i, c);
          }
          break;
        case State.Quoted:
          if (c === QUOTE) {
            this.flush(text, i);
            this.state = State.QuoteInQuoted;
          } else {
            // CR, LF and CRLF each count as one line break, even when CRLF is split across chunks.
            if (c === CR || (c === LF && !this.quotedCr)) this.line++;
            this.quotedCr = c === CR;
            this.add(text, i, c);
          }
          break;
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            this.add(text, i, c); // a doubled quote: the second one is the character
            this.state = State.Quoted;
          } else if (c === SEP) {
            this.endField();
          } else if (c === CR || c === LF) {
            this.endRecord(out);
            this.newline(c);
          } else {
            this.problem('CSV_TEXT_AFTER_QUOTE', this.line, '引号结束后出现多余字符', 'text after a closing quote');
            this.add(text, i, c);
            this.state = State.Unquoted;
          }
          break;
      }
    }
    this.flush(text, text.length);
    return out;
  }

  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.state === State.Quoted) {
      this.report({
        line: this.recordLine,
        code: 'CSV_UNTERMINATED_QUOTE',
        messageZh: `第 ${this.recordLine} 行开始的引号字段没有结束`,
        messageEn: `the quoted field starting on line ${this.recordLine} never ends`,
      });
    }
    if (!this.emptyRecord || this.fields.length > 0 || this.field !== '' || this.skipping) this.endRecord(out);
    return out;
  }

  /** Counts character `c` at `i` of `text` into the current cell; starts a run when none is open. */
  private add(text: string, i: number, c: number): void {
    if (this.skipping) return;
    const n = utf8Units(c);
    this.cellBytes += n;
    this.recordBytes += n;
    if (this.cellBytes > this.maxCell) {
      this.overflow('CSV_CELL_TOO_LONG',
        `第 ${this.recordLine} 行开始的记录中，第 ${this.fields.length + 1} 列超过 ${this.maxCell} 字节（UTF-8）`,
        `the record starting on line ${this.recordLine}: cell ${this.fields.length + 1} is longer than ${this.maxCell} bytes (UTF-8)`);
      return;
    }
    if (this.recordBytes > this.maxRecord) {
      this.overflow('ROW_TOO_LONG',
        `第 ${this.recordLine} 行开始的记录超过 ${this.maxRecord} 字节（UTF-8）`,
        `the record starting on line ${this.recordLine} is longer than ${this.maxRecord} bytes (UTF-8)`);
      return;
    }
    if (this.run < 0) this.run = i;
  }

  /** Adds the open run of characters (up to `i`, exclusive) to the current cell. */
  private flush(text: string, i: number): void {
    if (this.run >= 0) {
      this.field += text.slice(this.run, i);
      this.run = -1;
    }
  }

  /** A limit was passed: report it, drop what was kept of the record and keep nothing more of it. */
  private overflow(code: 'CSV_CELL_TOO_LONG' | 'ROW_TOO_LONG', zh: string, en: string): void {
    this.report({ line: this.recordLine, code, messageZh: zh, messageEn: en });
    this.skipping = true;
    this.run = -1;
    this.field = '';
    this.fields = [];
  }

  private newline(c: number): void {
    if (c === CR) this.pendingCr = true;
    this.line++;
    this.recordLine = this.line;
  }

  private endField(): void {
    if (!this.skipping) {
      this.fields.push(this.field);
      this.recordBytes++; // the separator
      if (this.recordBytes > this.maxRecord) {
        this.overflow('ROW_TOO_LONG',
          `第 ${this.recordLine} 行开始的记录超过 ${this.maxRecord} 字节（UTF-8）`,
          `the record starting on line ${this.recordLine} is longer than ${this.maxRecord} bytes (UTF-8)`);
      }
    }
    this.field = '';
    this.cellBytes = 0;
    this.state = State.FieldStart;
    this.emptyRecord = false;
  }

  private endRecord(out: CsvRecord[]): void {
    if (this.emptyRecord && this.fields.length === 0 && this.field === '' && !this.skipping) {
      this.state = State.FieldStart; // blank line: skipped
      return;
    }
    if (!this.skipping) {
      this.fields.push(this.field);
      out.push({ line: this.recordLine, fields: this.fields, bytes: this.recordBytes });
    }
    this.fields = [];
    this.field = '';
    this.cellBytes = 0;
    this.recordBytes = 0;
    this.skipping = false;
    this.reported.clear();
    this.state = State.FieldStart;
    this.emptyRecord = true;
  }

  private problem(code: CsvProblem['code'], line: number, zh: string, en: string): void {
    this.report({ line, code, messageZh: `第 ${line} 行：${zh}`, messageEn: `line ${line}: ${en}` });
  }

  /** Reports a problem, at most once per code and record. */
  private report(problem: CsvProblem): void {
    if (this.reported.has(problem.code)) return;
    this.reported.add(problem.code);
    this.problemCount++;
    this.onProblem({ ...problem, messageZh: capMessage(problem.messageZh), messageEn: capMessage(problem.messageEn) });
  }
}
