/**
 * An incremental RFC 4180 CSV reader: feed it text chunks, it yields records with the line number on
 * which each record starts. Quoted fields may hold commas, doubled quotes and line breaks; CRLF and LF
 * both end records; a leading UTF-8 BOM is dropped. Malformed input is reported by line, never thrown
 * away silently.
 */

/** One CSV record and the 1-based line on which it starts. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** A problem found while reading CSV, with its 1-based line. */
export interface CsvProblem {
  readonly line: number;
  readonly code: 'CSV_UNTERMINATED_QUOTE' | 'CSV_QUOTE_IN_UNQUOTED_FIELD' | 'CSV_TEXT_AFTER_QUOTE';
  readonly messageZh: string;
  readonly messageEn: string;
}

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

/** Streaming CSV parser. Call `push(chunk)` for each chunk and `end()` once; both return complete records. */
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
  readonly problems: CsvProblem[] = [];

  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let text = chunk;
    if (this.atStart) {
      this.atStart = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (this.pendingCr) {
        this.pendingCr = false;
        if (c === '\n') continue; // CRLF: the record already ended at CR
      }
      switch (this.state) {
        case State.FieldStart:
          if (c === '"') {
            this.state = State.Quoted;
            this.quotedCr = false;
            this.emptyRecord = false;
          } else if (c === ',') {
            this.endField();
          } else if (c === '\r' || c === '\n') {
            this.endRecord(out);
            this.newline(c);
          } else {
            this.field += c;
            this.state = State.Unquoted;
            this.emptyRecord = false;
          }
          break;
        case State.Unquoted:
          if (c === ',') {
            this.endField();
          } else if (c === '\r' || c === '\n') {
            this.endRecord(out);
            this.newline(c);
          } else {
            if (c === '"') this.problem('CSV_QUOTE_IN_UNQUOTED_FIELD', '未加引号的字段中出现引号', 'a quote inside an unquoted field');
            this.field += c;
          }
          break;
        case State.Quoted:
          if (c === '"') {
            this.state = State.QuoteInQuoted;
          } else {
            // CR, LF and CRLF each count as one line break, even when CRLF is split across chunks.
            if (c === '\r' || (c === '\n' && !this.quotedCr)) this.line++;
            this.quotedCr = c === '\r';
            this.field += c;
          }
          break;
        case State.QuoteInQuoted:
          if (c === '"') {
            this.field += '"';
            this.state = State.Quoted;
          } else if (c === ',') {
            this.endField();
          } else if (c === '\r' || c === '\n') {
            this.endRecord(out);
            this.newline(c);
          } else {
            this.problem('CSV_TEXT_AFTER_QUOTE', '引号结束后出现多余字符', 'text after a closing quote');
            this.field += c;
            this.state = State.Unquoted;
          }
          break;
      }
    }
    return out;
  }

  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.state === State.Quoted) {
      this.problems.push({
        line: this.recordLine,
        code: 'CSV_UNTERMINATED_QUOTE',
        messageZh: `第 ${this.recordLine} 行开始的引号字段没有结束`,
        messageEn: `the quoted field starting on line ${this.recordLine} never ends`,
      });
    }
    if (!this.emptyRecord || this.fields.length > 0 || this.field !== '') this.endRecord(out);
    return out;
  }

  private newline(c: string): void {
    if (c === '\r') this.pendingCr = true;
    this.line++;
    this.recordLine = this.line;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = State.FieldStart;
    this.emptyRecord = false;
  }

  private endRecord(out: CsvRecord[]): void {
    if (this.emptyRecord && this.fields.length === 0 && this.field === '') {
      this.state = State.FieldStart; // blank line: skipped
      return;
    }
    this.fields.push(this.field);
    out.push({ line: this.recordLine, fields: this.fields });
    this.fields = [];
    this.field = '';
    this.state = State.FieldStart;
    this.emptyRecord = true;
  }

  private problem(code: CsvProblem['code'], zh: string, en: string): void {
    this.problems.push({ line: this.line, code, messageZh: `第 ${this.line} 行：${zh}`, messageEn: `line ${this.line}: ${en}` });
  }
}
