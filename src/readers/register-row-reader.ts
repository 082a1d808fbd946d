import { ShuangsuijiError } from '../errors.js';
import { CsvReader } from './internals/csv-reader.js';
import { JsonArrayReader, JsonLinesReader, type JsonRow } from './internals/json-rows.js';
import { MAX_FIELDS, MAX_PROBLEMS_KEPT, capMessage } from './internals/limits.js';
import { streamChunks } from './internals/stream-chunks.js';
import { TextChunkDecoder, type TextEncodingName } from './internals/text-decoding.js';

/**
 * The formats of register files: CSV (header row first), a JSON array of row objects, JSON Lines (one row object
 * per line; `.jsonl` or `.ndjson`).
 *
 * @group CLI readers
 *
 * @example
 * ```ts
 * const format: RegisterFormat = 'jsonl';
 * ```
 */
export type RegisterFormat = 'csv' | 'json' | 'jsonl';

/**
 * One row of a register file: the row (an object of column → cell text for CSV; the parsed value for JSON), the
 * 1-based line it starts on, its size in UTF-8 bytes and its number of fields (CSV cells of named columns, keys of
 * a JSON object; 1 for any other JSON value).
 *
 * @group CLI readers
 *
 * @example
 * ```ts
 * const row: RegisterRow = { line: 2, bytes: 31, fields: 1, row: { 统一社会信用代码: '91350100M000100Y43' } };
 * ```
 */
export interface RegisterRow {
  readonly line: number;
  readonly bytes: number;
  readonly fields: number;
  readonly row: unknown;
}

/**
 * A problem of a register file itself (its bytes, encoding or syntax — not its values, which the register parsers
 * check), with the 1-based line it is on (0 when the file as a whole).
 *
 * @group CLI readers
 *
 * @example
 * ```ts
 * const p: ReadProblem = { line: 3, code: 'FILE_NOT_UTF8', messageZh: '第 3 行：字节 0xFB 不是 UTF-8', messageEn: 'line 3: byte 0xFB is not UTF-8' };
 * ```
 */
export interface ReadProblem {
  readonly line: number;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
}

/**
 * The bytes of a register file: a Node stream (any async iterable of `Uint8Array` chunks, e.g. `fs.createReadStream`
 * without an encoding) or a web `ReadableStream` of `Uint8Array` (e.g. `blob.stream()` or `response.body`).
 *
 * @group CLI readers
 *
 * @example
 * ```ts
 * const bytes: RegisterByteSource = new Blob(['编号,名称\n']).stream();
 * ```
 */
export type RegisterByteSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

/**
 * Options of {@link readRegisterRows} and {@link readRegisterBlob}.
 *
 * @group CLI readers
 *
 * @example
 * ```ts
 * const options: ReadRegisterOptions = { name: '名录库.csv', encoding: 'gb18030' };
 * ```
 */
export interface ReadRegisterOptions {
  /**
   * The file's format.
   * @defaultValue from the extension of `name` (`.json`; `.jsonl` / `.ndjson`; `.csv` / `.txt`), or else from the
   * first character of the text (`[` JSON, `{` JSON Lines, anything else CSV)
   */
  readonly format?: RegisterFormat;
  /**
   * The file's name, for its format.
   * @defaultValue none (`readRegisterBlob` takes the name of a `File`)
   */
  readonly name?: string;
  /**
   * Read the file as this encoding instead of detecting it.
   * @defaultValue detected: UTF-8 (with or without BOM) or GB18030, from a BOM or the first 64 KiB from the first byte above 0x7F
   */
  readonly encoding?: TextEncodingName;
  /**
   * The file's size in bytes, for progress ({@link RegisterRowReader.totalBytes}).
   * @defaultValue unknown (`readRegisterBlob` takes the size of the blob)
   */
  readonly totalBytes?: number;
  /**
   * Called with each problem as it is found; without it, problems are kept in {@link RegisterRowReader.problems}.
   * @param problem - the problem just found: its line, code and messages in Chinese and English
   * @defaultValue none
   */
  readonly onProblem?: (problem: ReadProblem) => void;
}

const OPTION_KEYS: readonly string[] = ['format', 'name', 'encoding', 'totalBytes', 'onProblem'];

function optionError(key: string, zh: string, en: string): ShuangsuijiError {
  return new ShuangsuijiError('INVALID_OPTION', zh, en, { path: [key] });
}

/** Checks the options (unknown keys and wrong types are programmer errors). */
function checkOptions(options: unknown): ReadRegisterOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ShuangsuijiError('INVALID_OPTION', '读取选项应为对象', 'the reading options must be an object', { path: [] });
  }
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!OPTION_KEYS.includes(key)) throw optionError(key, `未知的读取选项 ${JSON.stringify(key)}；可用：${OPTION_KEYS.join(', ')}`, `unknown reading option ${JSON.stringify(key)}; options: ${OPTION_KEYS.join(', ')}`);
  }
  if (o['format'] !== undefined && o['format'] !== 'csv' && o['format'] !== 'json' && o['format'] !== 'jsonl') {
    throw optionError('format', `format 应为 'csv'、'json' 或 'jsonl'`, `format must be 'csv', 'json' or 'jsonl'`);
  }
  if (o['name'] !== undefined && typeof o['name'] !== 'string') throw optionError('name', 'name 应为文本', 'name must be a string');
  if (o['encoding'] !== undefined && o['encoding'] !== 'utf-8' && o['encoding'] !== 'gb18030') {
    throw optionError('encoding', `encoding 应为 'utf-8' 或 'gb18030'`, `encoding must be 'utf-8' or 'gb18030'`);
  }
  const total = o['totalBytes'];
  if (total !== undefined && !(typeof total === 'number' && Number.isSafeInteger(total) && total >= 0)) {
    throw optionError('totalBytes', 'totalBytes 应为非负整数', 'totalBytes must be a non-negative integer');
  }
  if (o['onProblem'] !== undefined && typeof o['onProblem'] !== 'function') throw optionError('onProblem', 'onProblem 应为函数', 'onProblem must be a function');
  return o as ReadRegisterOptions;
}

/** The format a file name's extension says (`.csv`, `.txt`, `.json`, `.jsonl`, `.ndjson`), or `undefined`. */
function formatOfName(name: string): RegisterFormat | undefined {
  const dot = name.lastIndexOf('.');
  const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  const ext = dot > slash + 1 ? name.slice(dot).toLowerCase() : '';
  if (ext === '.json') return 'json';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.csv' || ext === '.txt') return 'csv';
  return undefined;
}

function isReadableStream(source: unknown): source is ReadableStream<Uint8Array> {
  return typeof source === 'object' && source !== null && typeof (source as { getReader?: unknown }).getReader === 'function';
}

/** Turns text into rows; `end()` once at the end of the file. */
interface RowSink {
  push(text: string): readonly RegisterRow[];
  end(): readonly RegisterRow[];
  /** Nothing more can be read as rows (a structural error); the rest of the file need not be read. */
  readonly stopped: boolean;
}

function tooManyFields(line: number, fields: number): ReadProblem {
  return {
    line,
    code: 'TOO_MANY_FIELDS',
    messageZh: `第 ${line} 行有 ${fields} 个字段（列），超过上限 ${MAX_FIELDS}`,
    messageEn: `line ${line} has ${fields} fields (columns), more than the limit of ${MAX_FIELDS}`,
  };
}

class JsonSink implements RowSink {
  private readonly reader: JsonArrayReader | JsonLinesReader;

  constructor(format: 'json' | 'jsonl', private readonly report: (problem: ReadProblem) => void) {
    this.reader = format === 'json' ? new JsonArrayReader(report) : new JsonLinesReader(report);
  }

  get stopped(): boolean {
    return this.reader instanceof JsonArrayReader && this.reader.failed;
  }

  push(text: string): readonly RegisterRow[] {
    return this.rows(this.reader.push(text));
  }

  end(): readonly RegisterRow[] {
    return this.rows(this.reader.end());
  }

  private rows(found: readonly JsonRow[]): RegisterRow[] {
    const out: RegisterRow[] = [];
    for (const { line, bytes, row } of found) {
      const fields = typeof row === 'object' && row !== null && !Array.isArray(row) ? Object.keys(row).length : 1;
      if (fields > MAX_FIELDS) this.report(tooManyFields(line, fields));
      else out.push({ line, bytes, fields, row });
    }
    return out;
  }
}

/** Excel's first line naming the separator: `sep=;` (the character itself, or `\t` for a tab). */
const SEP_LINE = /^\uFEFF?sep=(\\t|[^"\r\n])(\r\n|\r|\n|$)/i;

class CsvSink implements RowSink {
  private reader: CsvReader | undefined;
  /** Text held at the start until the first line is complete (to see a `sep=` line). */
  private start = '';
  private header: string[] | undefined;
  /** Positions of the named columns (an unnamed column, as Excel leaves after the last, is not a field). */
  private named: number[] = [];
  private unnamed: number[] = [];
  private unusable = false;
  private separator = ',';
  /** Problems found by this sink, to know whether the file is empty. */
  private problems = 0;

  constructor(private readonly report: (problem: ReadProblem) => void, private readonly onHeader: (header: readonly string[], separator: string, line: number) => void) {}

  get stopped(): boolean {
    return this.unusable;
  }

  push(text: string): readonly RegisterRow[] {
    if (this.reader === undefined) {
      this.start += text;
      if (!/[\r\n]/.test(this.start) && this.start.length < 64) return [];
      return this.begin();
    }
    return this.records(this.reader.push(text));
  }

  end(): readonly RegisterRow[] {
    const first = this.reader === undefined ? this.begin() : [];
    const rows = [...first, ...this.records(this.reader!.end())];
    if (this.header === undefined && this.problems === 0) {
      this.problem({ line: 1, code: 'CSV_EMPTY', messageZh: '文件为空，没有表头', messageEn: 'the file is empty: no header row' });
    }
    return rows;
  }

  private begin(): readonly RegisterRow[] {
    const text = this.start;
    this.start = '';
    const sep = SEP_LINE.exec(text);
    const separator = sep === null ? ',' : sep[1] === '\\t' || sep[1] === '\\T' ? '\t' : sep[1]!;
    this.separator = separator;
    this.reader = new CsvReader({}, (p) => {
      if (this.header === undefined && (p.code === 'ROW_TOO_LONG' || p.code === 'CSV_CELL_TOO_LONG')) this.unusable = true;
      this.problem(p);
    }, { separator, firstLine: sep === null ? 1 : 2 });
    return this.records(this.reader.push(sep === null ? text : text.slice(sep[0].length)));
  }

  private problem(problem: ReadProblem): void {
    this.problems++;
    this.report(problem);
  }

  private records(records: readonly { readonly line: number; readonly fields: readonly string[]; readonly bytes: number }[]): RegisterRow[] {
    const out: RegisterRow[] = [];
    for (const record of records) {
      if (this.unusable) return out;
      const row = this.toRow(record.fields, record.line, record.bytes);
      if (row !== undefined) out.push(row);
    }
    return out;
  }

  private toRow(fields: readonly string[], line: number, size: number): RegisterRow | undefined {
    const header = this.header;
    if (header === undefined) {
      this.readHeader(fields, line);
      return undefined;
    }
    if (fields.length !== header.length) {
      this.problem({
        line,
        code: 'CSV_FIELD_COUNT',
        messageZh: `第 ${line} 行有 ${fields.length} 列，表头有 ${header.length} 列`,
        messageEn: `line ${line} has ${fields.length} fields, the header has ${header.length}`,
      });
      return undefined;
    }
    const unnamed = this.unnamed;
    for (let k = 0; k < unnamed.length; k++) {
      const i = unnamed[k]!;
      if (fields[i]!.trim() !== '') {
        this.problem({
          line,
          code: 'CSV_UNNAMED_COLUMN',
          messageZh: `第 ${line} 行第 ${i + 1} 列有内容，但表头中该列没有列名；请补上列名，或删去该列`,
          messageEn: `line ${line}: column ${i + 1} has a value but no name in the header; name the column or delete it`,
        });
        return undefined;
      }
    }
    // Object.fromEntries defines own properties, so a "__proto__" column cannot reach any prototype.
    const row = unnamed.length === 0
      ? Object.fromEntries(header.map((h, i) => [h, fields[i]!]))
      : Object.fromEntries(this.named.map((i) => [header[i]!, fields[i]!]));
    return { line, bytes: size, fields: fields.length - unnamed.length, row };
  }

  private readHeader(fields: readonly string[], line: number): void {
    if (fields.length > MAX_FIELDS) {
      this.problem(tooManyFields(line, fields.length));
      this.unusable = true;
      return;
    }
    const header = fields.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
    const seen = new Map<string, number>();
    for (let i = 0; i < header.length; i++) {
      const name = header[i]!;
      if (name === '') {
        this.unnamed.push(i);
        continue;
      }
      this.named.push(i);
      const before = seen.get(name);
      if (before === undefined) {
        seen.set(name, i);
        continue;
      }
      // Never keep one of two columns of the same name silently: the header is unusable.
      this.unusable = true;
      this.problem({
        line,
        code: 'CSV_DUPLICATE_COLUMN',
        messageZh: capMessage(`第 ${line} 行（表头）：第 ${before + 1} 列和第 ${i + 1} 列的列名都是 ${JSON.stringify(name)}；每列的列名须不同，请改名或删去其中一列`),
        messageEn: capMessage(`line ${line} (the header): columns ${before + 1} and ${i + 1} are both named ${JSON.stringify(name)}; every column needs its own name: rename or delete one of them`),
      });
    }
    this.header = header;
    if (!this.unusable) this.onHeader(this.named.map((i) => header[i]!), this.separator, line);
  }
}

/** Holds text until its first character that is not white space says the format (`[` JSON, `{` JSON Lines, else CSV). */
class SniffSink implements RowSink {
  private held = '';
  private sink: RowSink | undefined;

  constructor(private readonly choose: (format: RegisterFormat) => RowSink) {}

  get stopped(): boolean {
    return this.sink?.stopped ?? false;
  }

  push(text: string): readonly RegisterRow[] {
    if (this.sink !== undefined) return this.sink.push(text);
    this.held += text;
    const first = /[^\s\uFEFF]/.exec(this.held)?.[0];
    // Only white space so far: wait for more, within bounds (a file of 64 KiB of blank lines is read as CSV).
    if (first === undefined && this.held.length <= 65_536) return [];
    this.sink = this.choose(first === '[' ? 'json' : first === '{' ? 'jsonl' : 'csv');
    const held = this.held;
    this.held = '';
    return this.sink.push(held);
  }

  end(): readonly RegisterRow[] {
    this.sink ??= this.choose('csv');
    const rows = this.held === '' ? [] : this.sink.push(this.held);
    return [...rows, ...this.sink.end()];
  }
}

/**
 * Reads the rows of one register file — CSV, a JSON array or JSON Lines, in UTF-8 or GB18030 — from a stream of
 * bytes, row by row in bounded memory (the limits of docs/en/departments.md: a cell 65,534 bytes, a row 1 MiB and 1,024
 * fields, JSON nested 64 levels). Iterate it once with `for await`; afterwards (and during) it tells what it read:
 * {@link RegisterRowReader.encoding}, {@link RegisterRowReader.format}, the CSV {@link RegisterRowReader.header}
 * and {@link RegisterRowReader.separator}, the bytes read so far for progress.
 *
 * - Encoding: detected (UTF-8 with or without BOM, else GB18030 — what Excel in Chinese locales writes) or forced
 *   with `encoding`; every byte is decoded with a fatal decoder, so bytes that are not the encoding are a problem
 *   naming the line (`FILE_NOT_UTF8`, `FILE_NOT_GB18030`, `FILE_ENCODING_UNKNOWN`), never U+FFFD.
 * - Not text: a spreadsheet (`.xlsx` ZIP, `.xls`) is `FILE_SPREADSHEET`; UTF-16/UTF-32 `FILE_ENCODING_UNSUPPORTED`;
 *   a NUL byte anywhere, a known binary signature or a control character in the first 64 KiB `FILE_BINARY`.
 * - CSV: the first record is the header (trimmed); Excel's `sep=;` first line sets the separator and is skipped;
 *   two columns of one name are `CSV_DUPLICATE_COLUMN` (no rows are read: never one of them kept silently);
 *   columns without a name are left out, and a value in one is `CSV_UNNAMED_COLUMN`; a record with another number
 *   of fields than the header is `CSV_FIELD_COUNT`. Rows are objects of column → text, passed as they are to
 *   `parseEntityRegister` and the other parsers.
 * - Problems are reported to `onProblem`, or kept (the first 1,000; {@link RegisterRowReader.problemCount} counts
 *   all). A row with a problem is not yielded; after a problem of the file itself (encoding, a broken JSON array,
 *   an unusable header) nothing more is.
 *
 * @group CLI readers
 *
 * @example
 * ```ts
 * const { createReadStream } = await import('node:fs'); // Node; in a browser use readRegisterBlob
 * const reader = new RegisterRowReader(createReadStream('名录库.csv'), { name: '名录库.csv' });
 * const rows: unknown[] = [];
 * for await (const { row } of reader) rows.push(row);
 * console.log(reader.encoding, reader.format, rows.length, reader.problems);
 * ```
 */
export class RegisterRowReader implements AsyncIterable<RegisterRow> {
  private readonly source: RegisterByteSource;
  private readonly options: ReadRegisterOptions;
  private readonly decoder: TextChunkDecoder;
  private used = false;
  private chosen: RegisterFormat | undefined;
  private csvHeader: readonly string[] | undefined;
  private csvSeparator: string | undefined;
  private csvHeaderLine: number | undefined;
  /** Problems found, the first 1,000 (when no `onProblem` is given; {@link RegisterRowReader.problemCount} counts all). */
  readonly problems: ReadProblem[] = [];
  /** Problems found, kept or not. */
  problemCount = 0;
  /** Bytes read from the source so far. */
  bytesRead = 0;

  /**
   * Usually made by {@link readRegisterRows} or {@link readRegisterBlob}; nothing is read until the reader is iterated.
   *
   * @param source - the bytes of the register file: a Node stream or a web `ReadableStream` ({@link RegisterByteSource})
   * @param options - format, file name, forced encoding, size for progress and a problem callback
   * ({@link ReadRegisterOptions})
   */
  constructor(source: RegisterByteSource, options?: ReadRegisterOptions) {
    const isIterable = typeof source === 'object' && source !== null && typeof (source as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
    if (!isIterable && !isReadableStream(source)) {
      throw new ShuangsuijiError('INVALID_ARGUMENT', '名录库的字节来源应为流（异步可迭代的 Uint8Array，或 ReadableStream）', 'the bytes of a register must be a stream (an async iterable of Uint8Array, or a ReadableStream)', { path: ['source'] });
    }
    this.source = source;
    this.options = checkOptions(options);
    this.chosen = this.options.format ?? (this.options.name === undefined ? undefined : formatOfName(this.options.name));
    this.decoder = new TextChunkDecoder(this.options.encoding, (p) => this.report(p));
  }

  /** The file's format: given, from the name's extension, or else known once the first character is read. */
  get format(): RegisterFormat | undefined {
    return this.chosen;
  }

  /** The encoding the file is read with: known from the first byte above 0x7F (or a BOM), `'utf-8'` at the end of an ASCII file. */
  get encoding(): TextEncodingName | undefined {
    return this.decoder.encoding;
  }

  /** Whether the file starts with a byte-order mark. */
  get bom(): boolean {
    return this.decoder.bom;
  }

  /** The named columns of a CSV header, in file order (once it is read). */
  get header(): readonly string[] | undefined {
    return this.csvHeader;
  }

  /** The line of a CSV header (1, or 2 after a `sep=` line), once it is read. */
  get headerLine(): number | undefined {
    return this.csvHeaderLine;
  }

  /** The separator of a CSV file (`,` unless a `sep=` first line names another), once the header is read. */
  get separator(): string | undefined {
    return this.csvSeparator;
  }

  /** The size of the file in bytes, when known (for progress: {@link RegisterRowReader.bytesRead} of it). */
  get totalBytes(): number | undefined {
    return this.options.totalBytes;
  }

  /**
   * The rows, one by one, for `for await (const { row, line } of reader)`. A reader can be iterated only once
   * (`READER_USED` the second time).
   */
  [Symbol.asyncIterator](): AsyncIterator<RegisterRow> {
    if (this.used) throw new ShuangsuijiError('READER_USED', '名录库读取器只能遍历一次', 'a register reader can be iterated only once', { path: [] });
    this.used = true;
    return this.rows();
  }

  private report(problem: ReadProblem): void {
    this.problemCount++;
    const kept = { line: problem.line, code: problem.code, messageZh: capMessage(problem.messageZh), messageEn: capMessage(problem.messageEn) };
    if (this.options.onProblem !== undefined) this.options.onProblem(kept);
    else if (this.problems.length < MAX_PROBLEMS_KEPT) this.problems.push(kept);
  }

  private sinkFor(format: RegisterFormat): RowSink {
    this.chosen = format;
    const report = (p: ReadProblem): void => this.report(p);
    if (format !== 'csv') return new JsonSink(format, report);
    return new CsvSink(report, (header, separator, line) => {
      this.csvHeader = Object.freeze([...header]);
      this.csvSeparator = separator;
      this.csvHeaderLine = line;
    });
  }

  private async *rows(): AsyncGenerator<RegisterRow> {
    const sink = this.chosen === undefined ? new SniffSink((f) => this.sinkFor(f)) : this.sinkFor(this.chosen);
    const decoder = this.decoder;
    const chunks = isReadableStream(this.source) ? streamChunks(this.source) : this.source;
    for await (const chunk of chunks) {
      if (!(chunk instanceof Uint8Array)) {
        throw new ShuangsuijiError('INVALID_ARGUMENT', '流中的数据块应为 Uint8Array（Node 流不要设置文字编码）', 'the chunks of the stream must be Uint8Array (do not set an encoding on a Node stream)', { path: ['source'] });
      }
      this.bytesRead += chunk.length;
      const text = decoder.push(chunk);
      if (decoder.failed) return; // the rest is not text in the file's encoding
      if (text !== '') for (const row of sink.push(text)) yield row;
      if (sink.stopped) return;
    }
    const text = decoder.end();
    if (decoder.failed) return;
    const rows = text === '' ? sink.end() : [...sink.push(text), ...(sink.stopped ? [] : sink.end())];
    for (const row of rows) yield row;
  }
}
