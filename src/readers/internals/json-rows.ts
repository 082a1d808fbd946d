/**
 * Incremental readers of JSON registers — JSON Lines (one value per line) and a JSON array of rows — fed text
 * chunks, returning each row parsed with the 1-based line on which it starts. Memory is bounded by one row:
 * a row longer than {@link MAX_ROW_BYTES} (`ROW_TOO_LONG`) stops being kept as soon as the limit is passed, and a
 * row nested deeper than {@link MAX_JSON_DEPTH} (`JSON_TOO_DEEP`) is refused before `JSON.parse` sees it. A JSON
 * array is never held whole: each element is cut out of the stream and parsed alone.
 */
import { capMessage, jsonDepthExceededAt, MAX_JSON_DEPTH, MAX_ROW_BYTES, syntaxErrorLine, utf8Length, utf8Units } from './limits.js';

/** One row of a JSON register: the parsed value, its 1-based start line and its size in UTF-8 bytes. */
export interface JsonRow {
  readonly line: number;
  readonly bytes: number;
  readonly row: unknown;
}

/** A problem of a JSON register, with its 1-based line. */
export interface JsonRowProblem {
  readonly line: number;
  readonly code: 'JSON_SYNTAX' | 'JSON_NOT_ARRAY' | 'JSON_TOO_DEEP' | 'ROW_TOO_LONG';
  readonly messageZh: string;
  readonly messageEn: string;
}

/** Limits of the JSON register readers. */
export interface JsonRowLimits {
  /** Longest row in UTF-8 bytes (default {@link MAX_ROW_BYTES}). */
  readonly rowBytes?: number;
  /** Deepest nesting of a row (default {@link MAX_JSON_DEPTH}). */
  readonly depth?: number;
}

type Report = (problem: JsonRowProblem) => void;

function tooLong(line: number, max: number, what: 'line' | 'element'): JsonRowProblem {
  return what === 'line'
    ? { line, code: 'ROW_TOO_LONG', messageZh: `第 ${line} 行超过 ${max} 字节（UTF-8）`, messageEn: `line ${line} is longer than ${max} bytes (UTF-8)` }
    : { line, code: 'ROW_TOO_LONG', messageZh: `第 ${line} 行开始的数组元素超过 ${max} 字节（UTF-8）`, messageEn: `the array element starting on line ${line} is longer than ${max} bytes (UTF-8)` };
}

function tooDeep(line: number, max: number): JsonRowProblem {
  return { line, code: 'JSON_TOO_DEEP', messageZh: `第 ${line} 行开始的值嵌套超过 ${max} 层`, messageEn: `the value starting on line ${line} nests deeper than ${max} levels` };
}

/** Parses one row's text (already within the size limit): depth first, then `JSON.parse`. */
function parseRow(text: string, line: number, bytes: number, depth: number, report: Report): JsonRow | undefined {
  // depth < 0: the caller already checked the nesting while reading.
  const deep = depth < 0 ? -1 : jsonDepthExceededAt(text, depth);
  if (deep >= 0) {
    report(tooDeep(line, depth));
    return undefined;
  }
  try {
    return { line, bytes, row: JSON.parse(text) as unknown };
  } catch (error) {
    const at = syntaxErrorLine(error, text, line) ?? line;
    report({ line: at, code: 'JSON_SYNTAX', messageZh: `第 ${at} 行不是有效的 JSON`, messageEn: `line ${at} is not valid JSON` });
    return undefined;
  }
}

/**
 * JSON Lines: one JSON value per line; blank lines are skipped.
 *
 * @example
 * ```ts
 * const reader = new JsonLinesReader((p) => console.log(p.code));
 * const rows = [...reader.push('{"id":"A"}\n{"id":'), ...reader.push('"B"}\n'), ...reader.end()];
 * console.log(rows.map((r) => r.line)); // [1, 2]
 * ```
 */
export class JsonLinesReader {
  private parts: string[] = [];
  private bytes = 0;
  private line = 0;
  private skipping = false;
  private readonly maxBytes: number;
  private readonly maxDepth: number;

  constructor(private readonly report: Report, limits: JsonRowLimits = {}) {
    this.maxBytes = limits.rowBytes ?? MAX_ROW_BYTES;
    this.maxDepth = limits.depth ?? MAX_JSON_DEPTH;
  }

  push(chunk: string): JsonRow[] {
    const out: JsonRow[] = [];
    let pos = 0;
    for (;;) {
      const newline = chunk.indexOf('\n', pos);
      const end = newline < 0 ? chunk.length : newline;
      if (!this.skipping && end > pos) {
        const piece = chunk.slice(pos, end);
        this.bytes += utf8Length(piece);
        if (this.bytes > this.maxBytes) {
          this.report(tooLong(this.line + 1, this.maxBytes, 'line'));
          this.skipping = true;
          this.parts = [];
        } else this.parts.push(piece);
      }
      if (newline < 0) return out;
      this.finishLine(out);
      pos = newline + 1;
    }
  }

  end(): JsonRow[] {
    const out: JsonRow[] = [];
    if (this.parts.length > 0 || this.skipping) this.finishLine(out);
    return out;
  }

  private finishLine(out: JsonRow[]): void {
    this.line++;
    const text = this.skipping ? '' : this.parts.join('').trim();
    const bytes = this.bytes;
    this.parts = [];
    this.bytes = 0;
    this.skipping = false;
    if (text === '') return;
    const row = parseRow(text, this.line, bytes, this.maxDepth, this.report);
    if (row !== undefined) out.push(row);
  }
}

const enum At {
  /** Before the opening bracket. */
  Start,
  /** After `[` (a `]` may follow) or after `,` (a value must follow). */
  BeforeValue,
  /** Inside an element. */
  Value,
  /** After an element: `,` or `]`. */
  AfterValue,
  /** After the closing bracket: only white space. */
  End,
  /** After a structural error: the rest is ignored. */
  Failed,
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * A JSON array of rows, streamed: each element is cut out by tracking strings and brackets, then parsed alone.
 * A file that does not start with `[` is `JSON_NOT_ARRAY`; a broken separator, a trailing comma or text after
 * the array is `JSON_SYNTAX` with its line, and reading stops there.
 *
 * @example
 * ```ts
 * const reader = new JsonArrayReader((p) => console.log(p.code));
 * const rows = [...reader.push('[\n {"id":"A"},\n {"id"'), ...reader.push(':"B"}\n]'), ...reader.end()];
 * console.log(rows.map((r) => [r.line, r.row])); // [[2, { id: 'A' }], [3, { id: 'B' }]]
 * ```
 */
export class JsonArrayReader {
  private at = At.Start;
  private afterComma = false;
  private line = 1;
  private cr = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private parts: string[] = [];
  private run = -1;
  private bytes = 0;
  private elementLine = 0;
  private skipping = false;
  private readonly maxBytes: number;
  private readonly maxDepth: number;

  constructor(private readonly report: Report, limits: JsonRowLimits = {}) {
    this.maxBytes = limits.rowBytes ?? MAX_ROW_BYTES;
    this.maxDepth = limits.depth ?? MAX_JSON_DEPTH;
  }

  /** Whether a structural error stopped the reading: nothing more will be returned, the rest need not be read. */
  get failed(): boolean {
    return this.at === At.Failed;
  }

  push(text: string): JsonRow[] {
    const out: JsonRow[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.at === At.Failed) return out;
      if (this.at === At.Value) {
        if (this.inString && !this.escaped && c !== 0x22 && c !== 0x5c && c !== 0x0a && c !== 0x0d) {
          // Fast path through the plain characters of a string: no brackets, no line breaks, only bytes to count.
          let j = i;
          let n = 0;
          for (; j < text.length; j++) {
            const d = text.charCodeAt(j);
            if (d === 0x22 || d === 0x5c || d === 0x0a || d === 0x0d) break;
            n += d < 0x80 ? 1 : d < 0x800 || (d >= 0xd800 && d <= 0xdfff) ? 2 : 3;
          }
          this.cr = false;
          if (!this.skipping) {
            this.bytes += n;
            if (this.bytes > this.maxBytes) this.stopKeeping(tooLong(this.elementLine, this.maxBytes, 'element'));
            else if (this.run < 0) this.run = i;
          }
          i = j - 1;
          continue;
        }
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (c === 0x5c) this.escaped = true;
          else if (c === 0x22) this.inString = false;
        } else if (c === 0x22) this.inString = true;
        else if (c === 0x5b || c === 0x7b) {
          if (++this.depth > this.maxDepth && !this.skipping) this.stopKeeping(tooDeep(this.elementLine, this.maxDepth));
        } else if (this.depth > 0 && (c === 0x5d || c === 0x7d)) this.depth--;
        else if (this.depth === 0 && (c === 0x2c || c === 0x5d || c === 0x7d || isSpace(c))) {
          this.finishElement(text, i, out);
          this.at = At.AfterValue; // the delimiter is read again below as what follows the element
        }
        if (this.at === At.Value) {
          this.count(c);
          if (!this.skipping) {
            this.bytes += utf8Units(c);
            if (this.bytes > this.maxBytes) this.stopKeeping(tooLong(this.elementLine, this.maxBytes, 'element'));
            else if (this.run < 0) this.run = i;
          }
          continue;
        }
      }
      this.between(c, i, text);
      this.count(c);
    }
    if (this.at === At.Value && this.run >= 0) {
      this.parts.push(text.slice(this.run));
      this.run = -1;
    }
    return out;
  }

  end(): JsonRow[] {
    const out: JsonRow[] = [];
    if (this.at === At.Value) {
      this.finishElement('', 0, out);
      this.at = At.AfterValue;
    }
    if (this.at === At.Start) {
      this.report({ line: this.line, code: 'JSON_NOT_ARRAY', messageZh: 'JSON 文件为空，应为对象数组', messageEn: 'the JSON file is empty: it must hold an array of objects' });
    } else if (this.at !== At.End && this.at !== At.Failed) {
      this.report({ line: this.line, code: 'JSON_SYNTAX', messageZh: `JSON 数组没有结束（第 ${this.line} 行文件结束）`, messageEn: `the JSON array never ends (the file ends on line ${this.line})` });
    }
    return out;
  }

  /** Outside elements: brackets, commas and white space. */
  private between(c: number, i: number, text: string): void {
    if (isSpace(c)) return;
    switch (this.at) {
      case At.Start:
        if (c === 0x5b) {
          this.at = At.BeforeValue;
          this.afterComma = false;
        } else this.fail('JSON_NOT_ARRAY', 'JSON 文件应为对象数组', 'the JSON file must hold an array of objects');
        return;
      case At.BeforeValue:
        if (c === 0x5d && !this.afterComma) this.at = At.End;
        else if (c === 0x5d || c === 0x2c) this.fail('JSON_SYNTAX', `第 ${this.line} 行：缺少数组元素`, `line ${this.line}: an array element is missing`);
        else this.startElement(c, i, text);
        return;
      case At.AfterValue:
        if (c === 0x2c) {
          this.at = At.BeforeValue;
          this.afterComma = true;
        } else if (c === 0x5d) this.at = At.End;
        else this.fail('JSON_SYNTAX', `第 ${this.line} 行：数组元素之间应为逗号`, `line ${this.line}: a comma must separate the array elements`);
        return;
      case At.End:
        this.fail('JSON_SYNTAX', `第 ${this.line} 行：数组结束后还有内容`, `line ${this.line}: text after the end of the array`);
        return;
      default:
        return;
    }
  }

  private startElement(c: number, i: number, _text: string): void {
    this.at = At.Value;
    this.elementLine = this.line;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.skipping = false;
    this.parts = [];
    this.bytes = utf8Units(c);
    this.run = i;
    if (c === 0x22) this.inString = true;
    else if (c === 0x5b || c === 0x7b) this.depth = 1;
  }

  /** The element ends before position `i` of `text`. */
  private finishElement(text: string, i: number, out: JsonRow[]): void {
    if (this.skipping) {
      this.parts = [];
      this.run = -1;
      return;
    }
    if (this.run >= 0) this.parts.push(text.slice(this.run, i));
    this.run = -1;
    const body = this.parts.join('');
    this.parts = [];
    const row = parseRow(body, this.elementLine, this.bytes, -1, this.report);
    if (row !== undefined) out.push(row);
  }

  /** The element passed a limit: report it and keep nothing more of it (its end is still tracked). */
  private stopKeeping(problem: JsonRowProblem): void {
    this.report(problem);
    this.skipping = true;
    this.parts = [];
    this.run = -1;
  }

  private fail(code: 'JSON_SYNTAX' | 'JSON_NOT_ARRAY', zh: string, en: string): void {
    this.report({ line: this.line, code, messageZh: capMessage(zh), messageEn: capMessage(en) });
    this.at = At.Failed;
  }

  private count(c: number): void {
    if (c === 0x0a) {
      if (!this.cr) this.line++;
      this.cr = false;
    } else if (c === 0x0d) {
      this.line++;
      this.cr = true;
    } else this.cr = false;
  }
}
