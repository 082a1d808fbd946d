/**
 * Streams the rows of one worksheet as objects keyed by its header row. The sheet XML is inflated, decoded and
 * parsed a slice at a time; completed rows wait in a queue that is emptied after every slice, so memory is
 * bounded by one slice of rows whatever the sheet holds.
 *
 * Cells are typed: text as text (shared, inline and formula strings), numbers as numbers, dates (a number in
 * a cell whose format is a date format) as `YYYY-MM-DD`, booleans as `true`/`false`. The first row with a
 * non-empty cell is the header; empty rows are skipped; an empty cell is `''`, as in a CSV file. A row whose
 * cells cannot be read (an error value such as `#N/A`, text over the cell limit, a date Excel cannot show, a
 * value in a column without a header) is reported and left out; a malformed sheet is refused.
 */
import { invalid, quote, xlsxError, type XlsxCode } from './errors.js';
import type { XlsxLimits } from './limits.js';
import { NumberKind, serialText } from './number-format.js';
import { attribute, StringCollector, unescapeXstring, utf8Bytes, xmlFeed, type WorkbookInfo } from './parts.js';
import type { XmlHandler } from './xml.js';
import type { ZipArchive } from './zip.js';

/** A row: its number in the sheet, its size (UTF-8 bytes of its cells, one per separator), its field count and its cells. */
export interface SheetRow {
  readonly line: number;
  readonly bytes: number;
  readonly fields: number;
  readonly row: Record<string, unknown>;
}

/** A row left out, with its number in the sheet (0 for the sheet as a whole). */
export interface SheetProblem {
  readonly line: number;
  readonly code: XlsxCode;
  readonly messageZh: string;
  readonly messageEn: string;
}

/** Excel's last column, XFD. */
const MAX_COLUMN = 16_384;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** Column letters of a 1-based column number (1 → A, 28 → AB). */
export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Reads `A1`-style references: the column (1-based) and row of `ref`, or undefined when it is not one. */
function parseRef(ref: string): { column: number; row: number } | undefined {
  let i = 0;
  let column = 0;
  for (; i < ref.length && i < 3; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
  }
  if (i === 0 || i === ref.length || ref.length - i > 7) return undefined;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const c = ref.charCodeAt(j);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
  }
  return row === 0 || column > MAX_COLUMN ? undefined : { column, row };
}

/** The header text of a cell value. */
function headerText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** UTF-8 size of a cell value as text. */
function valueBytes(value: unknown): number {
  if (typeof value === 'string') return value.length === 0 ? 0 : utf8Bytes(value);
  if (typeof value === 'number') return String(value).length;
  return value === true ? 4 : value === false ? 5 : 0;
}

class SheetReader implements XmlHandler {
  /** Rows and problems, in sheet order, until taken. */
  queue: (SheetRow | SheetProblem)[] = [];
  private depth = 0;
  private inSheetData = false;
  private inMerges = false;
  private inRow = false;
  private inCell = false;
  private inInline = false;
  private collectingValue = false;

  private rowNumber = 0;
  private lastColumn = 0;
  /** Cell values of the current row by column − 1; `filled` lists the columns set. */
  private readonly values: unknown[] = [];
  private readonly filled: number[] = [];
  private rowProblems: SheetProblem[] = [];

  private cellColumn = 0;
  private cellType = 'n';
  private cellKind: NumberKind = NumberKind.Number;
  private value = '';
  private valueTooLong = false;
  private hasValue = false;
  private hasFormula = false;
  private hasInline = false;
  private readonly inline: StringCollector;

  private headerRow = 0;
  private keys: string[] = [];
  /** Column − 1 of each key. */
  private keyColumns: number[] = [];
  /** Key index of each column − 1 (−1: no header). */
  private keyOf: Int32Array = new Int32Array(0);
  /** Index of the key "__proto__", or −1. */
  private protoKey = -1;
  private readonly merges: { first: number; last: number; ref: string }[] = [];

  constructor(private readonly info: WorkbookInfo, private readonly limits: XlsxLimits, private readonly part: string) {
    this.inline = new StringCollector(limits.cellBytes);
  }

  open(name: string, attributes: readonly string[]): void {
    const d = this.depth++;
    if (d === 0) {
      if (name !== 'worksheet') throw invalid(this.part, `的根元素是 ${quote(name)}，不是工作表`, `has root element ${quote(name)}: not a worksheet`);
    } else if (d === 1) {
      this.inSheetData = name === 'sheetData';
      this.inMerges = name === 'mergeCells';
    } else if (d === 2) {
      if (this.inSheetData && name === 'row') this.startRow(attributes);
      else if (this.inMerges && name === 'mergeCell') this.merge(attributes);
    } else if (d === 3) {
      if (this.inRow && name === 'c') this.startCell(attributes);
    } else if (d === 4) {
      if (!this.inCell) return;
      if (name === 'v') {
        this.hasValue = true;
        this.collectingValue = true;
      } else if (name === 'is') {
        this.inInline = true;
        this.hasInline = true;
        this.inline.reset();
      } else if (name === 'f') this.hasFormula = true;
    } else if (this.inInline) this.inline.open(name);
  }

  close(): void {
    const d = --this.depth;
    if (d >= 5) {
      if (this.inInline) this.inline.close();
    } else if (d === 4) {
      this.collectingValue = false;
    } else if (d === 3) {
      if (this.inCell) this.endCell();
    } else if (d === 2) {
      if (this.inRow) this.endRow();
    } else if (d === 1) {
      this.inSheetData = false;
      this.inMerges = false;
    }
  }

  text(text: string): void {
    if (this.collectingValue) {
      if (this.valueTooLong) return;
      if (this.value.length + text.length > this.limits.cellBytes * 7) {
        this.valueTooLong = true;
        this.value = '';
      } else this.value += text;
    } else if (this.inInline && this.inline.collecting) this.inline.add(text);
  }

  private problem(code: XlsxCode, zh: string, en: string): void {
    this.rowProblems.push({ line: this.rowNumber, code, messageZh: `第 ${this.rowNumber} 行：${zh}`, messageEn: `row ${this.rowNumber}: ${en}` });
  }

  private startRow(attributes: readonly string[]): void {
    const r = attribute(attributes, 'r');
    let n = this.rowNumber + 1;
    if (r !== undefined) {
      if (!/^\d{1,9}$/.test(r) || Number(r) <= this.rowNumber) {
        throw invalid(this.part, `的行号 ${quote(r)} 无效或不是递增的（在第 ${this.rowNumber} 行之后）`, `has row number ${quote(r)} that is invalid or out of order (after row ${this.rowNumber})`, this.rowNumber);
      }
      n = Number(r);
    }
    if (n > this.limits.rows) {
      throw xlsxError('XLSX_TOO_LARGE', `工作表超过 ${this.limits.rows} 行（第 ${n} 行）`, `the sheet has more than ${this.limits.rows} rows (row ${n})`, n);
    }
    this.rowNumber = n;
    this.lastColumn = 0;
    this.inRow = true;
  }

  private startCell(attributes: readonly string[]): void {
    let ref: string | undefined;
    let type = 'n';
    let style: string | undefined;
    for (let i = 0; i < attributes.length; i += 2) {
      const name = attributes[i];
      if (name === 'r') ref = attributes[i + 1];
      else if (name === 't') type = attributes[i + 1]!;
      else if (name === 's') style = attributes[i + 1];
    }
    let column = this.lastColumn + 1;
    if (ref !== undefined) {
      const at = parseRef(ref);
      if (at === undefined || at.row !== this.rowNumber) {
        throw invalid(this.part, `的第 ${this.rowNumber} 行含无效的单元格引用 ${quote(ref)}`, `has an invalid cell reference ${quote(ref)} in row ${this.rowNumber}`, this.rowNumber);
      }
      column = at.column;
    }
    if (column <= this.lastColumn || column > MAX_COLUMN) {
      throw invalid(this.part, `的第 ${this.rowNumber} 行单元格重复或次序错乱（${columnName(column)}${this.rowNumber}）`, `has a repeated or out-of-order cell in row ${this.rowNumber} (${columnName(column)}${this.rowNumber})`, this.rowNumber);
    }
    this.lastColumn = column;
    let kind: NumberKind = NumberKind.Number;
    if (style !== undefined && style !== '0') {
      const formats = this.info.formats;
      const index = /^\d{1,9}$/.test(style) ? Number(style) : -1;
      if (index < 0 || index >= formats.length) {
        throw invalid(this.part, `的单元格 ${columnName(column)}${this.rowNumber} 引用了不存在的样式 ${quote(style)}`, `has cell ${columnName(column)}${this.rowNumber} with the missing style ${quote(style)}`, this.rowNumber);
      }
      kind = formats[index] as NumberKind;
    } else if (this.info.formats.length > 0) kind = this.info.formats[0] as NumberKind;
    this.inCell = true;
    this.cellColumn = column;
    this.cellType = type;
    this.cellKind = kind;
    this.value = '';
    this.valueTooLong = false;
    this.hasValue = false;
    this.hasFormula = false;
    this.hasInline = false;
    this.inInline = false;
  }

  private endCell(): void {
    this.inCell = false;
    this.inInline = false;
    const value = this.cellValue();
    if (value === undefined || value === '') return;
    this.values[this.cellColumn - 1] = value;
    this.filled.push(this.cellColumn - 1);
  }

  /** The reference of the cell being read (`C7`). */
  private ref(): string {
    return `${columnName(this.cellColumn)}${this.rowNumber}`;
  }

  private tooLong(): undefined {
    const ref = this.ref();
    this.problem('XLSX_CELL_TOO_LONG', `单元格 ${ref} 的文本超过 ${this.limits.cellBytes} 字节（UTF-8）`, `cell ${ref} holds text longer than ${this.limits.cellBytes} bytes (UTF-8)`);
    return undefined;
  }

  /** The typed value of the cell just read; undefined when empty or reported. */
  private cellValue(): unknown {
    const type = this.cellType;
    if (type === 'inlineStr' && this.hasInline) {
      const text = this.inline.value();
      return text === null ? this.tooLong() : text;
    }
    if (!this.hasValue) {
      if (this.hasFormula) {
        this.problem('XLSX_FORMULA_NOT_CALCULATED', `单元格 ${this.ref()} 的公式没有计算结果：请用表格软件打开并保存后再导入`, `cell ${this.ref()} has a formula without a calculated value: open and save the workbook in a spreadsheet program first`);
      }
      return undefined;
    }
    if (this.valueTooLong) return this.tooLong();
    const raw = this.value;
    switch (type) {
      case 'n': {
        if (raw.length === 0) return undefined;
        if (!NUMBER.test(raw)) throw invalid(this.part, `的单元格 ${this.ref()} 数值无效：${quote(raw)}`, `has cell ${this.ref()} with the invalid number ${quote(raw)}`, this.rowNumber);
        const n = Number(raw);
        if (!Number.isFinite(n)) throw invalid(this.part, `的单元格 ${this.ref()} 数值无效：${quote(raw)}`, `has cell ${this.ref()} with the invalid number ${quote(raw)}`, this.rowNumber);
        if (this.cellKind === NumberKind.Number) return n;
        const text = serialText(n, this.cellKind, this.info.date1904);
        if (text !== undefined) return text;
        this.problem('XLSX_DATE_OUT_OF_RANGE', `单元格 ${this.ref()} 是日期格式，但其值 ${raw} 不是可显示的日期`, `cell ${this.ref()} is formatted as a date but its value ${raw} is not a date that can be shown`);
        return undefined;
      }
      case 's': {
        const index = /^\d{1,10}$/.test(raw) ? Number(raw) : -1;
        if (index < 0 || index >= this.info.strings.length) {
          throw invalid(this.part, `的单元格 ${this.ref()} 引用了不存在的共享字符串 ${quote(raw)}`, `has cell ${this.ref()} pointing to the missing shared string ${quote(raw)}`, this.rowNumber);
        }
        const text = this.info.strings[index]!;
        return text === null ? this.tooLong() : text;
      }
      case 'inlineStr': // without <is>: some writers put the text in <v>
      case 'str': {
        const text = unescapeXstring(raw);
        return text.length * 3 <= this.limits.cellBytes || utf8Bytes(text) <= this.limits.cellBytes ? text : this.tooLong();
      }
      case 'b':
        if (raw === '1' || raw === 'true') return true;
        if (raw === '0' || raw === 'false') return false;
        throw invalid(this.part, `的单元格 ${this.ref()} 布尔值无效：${quote(raw)}`, `has cell ${this.ref()} with the invalid boolean ${quote(raw)}`, this.rowNumber);
      case 'e':
        this.problem('XLSX_CELL_ERROR', `单元格 ${this.ref()} 是错误值 ${quote(raw)}：请更正后再导入`, `cell ${this.ref()} holds the error value ${quote(raw)}: correct it first`);
        return undefined;
      case 'd': {
        // An ISO 8601 date cell is read like a serial: its date and time fields as written, an offset (Z,
        // +08:00) dropped rather than applied, so a date some writer stored as midnight UTC stays that date.
        // No instant is interpreted anywhere in the reader (serials are integer day counts, see
        // number-format.ts), so it needs no time zone and no date-fns: only plainDateInShanghai reads a Date.
        const match = ISO_DATE.exec(raw.trim());
        if (match === null) throw invalid(this.part, `的单元格 ${this.ref()} 日期无效：${quote(raw)}`, `has cell ${this.ref()} with the invalid date ${quote(raw)}`, this.rowNumber);
        const time = match[2];
        return time === undefined || time === '00:00:00' ? match[1] : `${match[1]} ${time}`;
      }
      default:
        throw invalid(this.part, `的单元格 ${this.ref()} 类型未知：${quote(type)}`, `has cell ${this.ref()} of the unknown type ${quote(type)}`, this.rowNumber);
    }
  }

  private endRow(): void {
    this.inRow = false;
    const filled = this.filled;
    if (filled.length === 0 && this.rowProblems.length === 0) return;
    try {
      if (this.headerRow === 0) this.header();
      else this.dataRow();
    } finally {
      for (const column of filled) this.values[column] = undefined;
      filled.length = 0;
      if (this.rowProblems.length > 0) this.rowProblems = [];
    }
  }

  /** The first non-empty row: its texts become the keys of every row. */
  private header(): void {
    const line = this.rowNumber;
    const first = this.rowProblems[0];
    if (first !== undefined) throw xlsxError(first.code, `表头行不可用：${first.messageZh}`, `the header row cannot be used: ${first.messageEn}`, line);
    const keys: string[] = [];
    const columns: number[] = [];
    const seen = new Set<string>();
    for (const column of this.filled) {
      const key = headerText(this.values[column]);
      if (key === '') continue;
      if (column >= this.limits.columns) {
        throw xlsxError(
          'TOO_MANY_FIELDS',
          `第 ${line} 行（表头）有 ${column + 1} 列，超过上限 ${this.limits.columns}`,
          `row ${line} (the header) has ${column + 1} columns, more than the limit of ${this.limits.columns}`,
          line,
        );
      }
      if (seen.has(key)) {
        throw xlsxError('XLSX_DUPLICATE_HEADER', `表头（第 ${line} 行）中列名 ${quote(key)} 出现了不止一次`, `the header (row ${line}) names column ${quote(key)} more than once`, line);
      }
      seen.add(key);
      keys.push(key);
      columns.push(column);
    }
    if (keys.length === 0) return; // only blank text: not a header yet
    this.headerRow = line;
    this.keys = keys;
    this.keyColumns = columns;
    this.protoKey = keys.indexOf('__proto__');
    this.keyOf = new Int32Array(columns[columns.length - 1]! + 1).fill(-1);
    columns.forEach((column, k) => {
      this.keyOf[column] = k;
    });
  }

  private dataRow(): void {
    const line = this.rowNumber;
    for (const column of this.filled) {
      if (column >= this.keyOf.length || this.keyOf[column]! < 0) {
        const ref = `${columnName(column + 1)}${line}`;
        this.problem('XLSX_CELL_WITHOUT_HEADER', `单元格 ${ref} 有值，但其所在列没有表头`, `cell ${ref} has a value but its column has no header`);
      }
    }
    if (this.rowProblems.length > 0) {
      for (const problem of this.rowProblems) this.queue.push(problem);
      return;
    }
    const keys = this.keys;
    const columns = this.keyColumns;
    // Assignment makes own data properties of every key but "__proto__" (whose accessor on Object.prototype would
    // set the prototype): that one is defined. A "constructor" or "toString" header is an ordinary key.
    const row: Record<string, unknown> = {};
    let bytes = keys.length - 1;
    for (let k = 0; k < keys.length; k++) {
      const value = this.values[columns[k]!];
      if (value !== undefined) bytes += valueBytes(value);
      if (k === this.protoKey) Object.defineProperty(row, '__proto__', { value: value ?? '', enumerable: true, writable: true, configurable: true });
      else row[keys[k]!] = value ?? '';
    }
    if (bytes > this.limits.rowBytes) {
      this.queue.push({
        line,
        code: 'ROW_TOO_LONG',
        messageZh: `第 ${line} 行超过 ${this.limits.rowBytes} 字节（UTF-8）`,
        messageEn: `row ${line} is longer than ${this.limits.rowBytes} bytes (UTF-8)`,
      });
      return;
    }
    this.queue.push({ line, bytes, fields: keys.length, row });
  }

  private merge(attributes: readonly string[]): void {
    const ref = attribute(attributes, 'ref') ?? '';
    const colon = ref.indexOf(':');
    const from = parseRef(colon < 0 ? ref : ref.slice(0, colon));
    const to = colon < 0 ? from : parseRef(ref.slice(colon + 1));
    if (from === undefined || to === undefined) throw invalid(this.part, `的合并单元格范围无效：${quote(ref)}`, `has an invalid merged range ${quote(ref)}`);
    if (from.row === to.row && from.column === to.column) return;
    this.merges.push({ first: Math.min(from.row, to.row), last: Math.max(from.row, to.row), ref });
  }

  /** After the last element: the sheet must have had a header; merged cells over the rows are reported. */
  finish(): void {
    if (this.headerRow === 0) throw xlsxError('XLSX_EMPTY', '工作表为空，没有表头行', 'the sheet is empty: no header row');
    for (const { first, last, ref } of this.merges) {
      if (last < this.headerRow) continue;
      this.queue.push({
        line: first,
        code: 'XLSX_MERGED_CELLS',
        messageZh: `第 ${first} 行：单元格 ${ref} 是合并单元格，除左上角外的单元格在文件中为空；请取消合并并填入每个单元格后再导入`,
        messageEn: `row ${first}: cells ${ref} are merged, and all but the top-left one are empty in the file; unmerge them and fill every cell first`,
      });
    }
  }
}

/** The rows and problems of the worksheet in zip entry `part`, in sheet order. Throws for a sheet that cannot be read. */
export function* sheetRows(zip: ZipArchive, info: WorkbookInfo, part: string, limits: XlsxLimits): Generator<SheetRow | SheetProblem, void, undefined> {
  const entry = zip.entry(part);
  if (entry === undefined) throw invalid(quote(part), '缺失（工作表）', 'is missing (the worksheet)');
  const reader = new SheetReader(info, limits, part);
  const feed = xmlFeed(part, reader);
  const take = (): (SheetRow | SheetProblem)[] => {
    const queue = reader.queue;
    reader.queue = [];
    return queue;
  };
  try {
    for (const chunk of zip.read(entry, false)) {
      feed.push(chunk);
      if (reader.queue.length > 0) yield* take();
    }
    feed.end();
    reader.finish();
  } catch (error) {
    yield* take(); // the rows before the place where the sheet was refused
    throw error;
  }
  yield* take();
}
