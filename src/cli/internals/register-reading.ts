/**
 * How a command reads one register file, from the options `--encoding`, `--headers 列名=字段,…`,
 * `--headers-file mapping.json` and `--ignore-columns 列名,…`, and what it found: the encoding and format used and
 * which column fed which field, stated by every run (text: a short table; `--json`: `encoding`, `format`,
 * `columns`).
 *
 * Columns are resolved exactly as the register parsers resolve them (the parsers' own header map: field names, the
 * default Chinese headers, then `--headers`). A column that resolves to no field is an error (`UNKNOWN_COLUMN`, once
 * per column, saying how to map or ignore it) unless listed in `--ignore-columns`: a renamed column must never be
 * dropped silently — the register would then read, and digest, as if that field were empty. Ignored and unknown
 * columns are taken out of the rows before parsing; the parser itself runs with `unknownFields: 'error'`.
 *
 * Identifiers a spreadsheet showed in scientific notation (`9.13501E+17`) have lost digits: in an id or
 * other-identifier column that is `NUMBER_SCIENTIFIC_NOTATION`, and any problem the parser finds in such a cell
 * (a credit code of the wrong length …) carries the hint 将该列设为文本格式后重新导出 / format the column as text
 * and export again.
 */
import type { DataIssue } from '../../errors.js';
import { isShuangsuijiError } from '../../errors.js';
import { ENTITY_HEADERS, ENTITY_INPUT_FIELDS } from '../../models/entity-headers.js';
import { INSPECTOR_HEADERS, INSPECTOR_INPUT_FIELDS } from '../../models/inspector-headers.js';
import { buildHeaderMap, normaliseHeader } from '../../models/internals/register-core.js';
import { ITEM_HEADERS, ITEM_INPUT_FIELDS } from '../../models/item-headers.js';
import type { RegisterFormat, RegisterRowReader } from '../../readers/register-row-reader.js';
import type { TextEncodingName } from '../../readers/internals/text-decoding.js';
import type { CommandContext } from './command-context.js';
import type { Flags } from './flags.js';
import { readJsonDocument } from './json-document.js';
import { reportError } from './problems.js';
import type { FileProblem, SourceRow } from './read-rows.js';

/**
 * The kinds of register a command reads, each with its parser's fields and default headers.
 *
 * @example
 * ```ts
 * const kind: RegisterKind = 'inspector';
 * ```
 */
export type RegisterKind = 'entity' | 'inspector' | 'item';

interface KindRules {
  readonly fields: readonly string[];
  readonly headers: Readonly<Record<string, string>>;
  readonly zh: string;
  readonly en: string;
  /** Identifier fields the parser takes as any text: a value in scientific notation there is refused here. */
  readonly checked: readonly string[];
  /** Every identifier field: problems in a cell in scientific notation carry the hint. */
  readonly identifiers: readonly string[];
}

const KINDS: Readonly<Record<RegisterKind, KindRules>> = {
  entity: {
    fields: ENTITY_INPUT_FIELDS, headers: ENTITY_HEADERS, zh: '检查对象名录库', en: 'entity register',
    checked: ['id', 'otherIdentifier', 'otherIdentifierValue'], identifiers: ['id', 'creditCode', 'otherIdentifier', 'otherIdentifierValue'],
  },
  inspector: {
    fields: INSPECTOR_INPUT_FIELDS, headers: INSPECTOR_HEADERS, zh: '执法检查人员名录库', en: 'inspector register',
    checked: ['id', 'certificateNumber'], identifiers: ['id', 'certificateNumber'],
  },
  item: { fields: ITEM_INPUT_FIELDS, headers: ITEM_HEADERS, zh: '抽查事项清单', en: 'item list', checked: ['id'], identifiers: ['id'] },
};

/** A number as a spreadsheet shows it when the column is not text: `9.13501E+17`. */
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?E[+-]\d+$/i;

const HINT_ZH = '将该列设为文本格式后重新导出';
const HINT_EN = 'format the column as text and export again';

/**
 * One column of the file and what became of it.
 *
 * @example
 * ```ts
 * const use: ColumnUse = { column: '信用风险类别', field: 'riskClass' };
 * ```
 */
export type ColumnUse =
  | { readonly column: string; readonly field: string }
  | { readonly column: string; readonly field: null; readonly ignored: true }
  | { readonly column: string; readonly field: null; readonly unknown: true };

/**
 * The reading options of the command line, checked: the encoding forced (if any), extra headers and the columns to
 * ignore.
 *
 * @example
 * ```ts
 * const choices: ReadingChoices = { encoding: 'gb18030', headers: { 信用风险类别: 'riskClass' }, ignore: ['备注'] };
 * ```
 */
export interface ReadingChoices {
  readonly encoding: TextEncodingName | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly ignore: readonly string[];
  /** The sheet of an `.xlsx` workbook (`--sheet`: a name, or a 1-based position); default the first shown. */
  readonly sheet?: string | undefined;
}

/**
 * A bad reading option: printed like any error (exit 2).
 *
 * @example
 * ```ts
 * const e: ReadingOptionError = { code: 'INVALID_ENCODING', messageZh: '…', messageEn: '…' };
 * ```
 */
export interface ReadingOptionError {
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
}

/** The reading options, by their long names (for `onlyOptions`). */
export const READING_OPTIONS: readonly string[] = ['encoding', 'headers', 'headers-file', 'ignore-columns', 'sheet'];

const ENCODINGS: Readonly<Record<string, TextEncodingName>> = {
  'utf-8': 'utf-8', utf8: 'utf-8', gb18030: 'gb18030', gbk: 'gb18030', gb2312: 'gb18030', cp936: 'gb18030',
};

function optionError(code: string, zh: string, en: string): { readonly ok: false; readonly error: ReadingOptionError } {
  return { ok: false, error: { code, messageZh: zh, messageEn: en } };
}

/**
 * Reads and checks `--encoding`, `--headers`, `--headers-file` and `--ignore-columns` (the headers file is read
 * here, as JSON `{ "列名": "字段" }`, within the limits of a file read whole).
 *
 * @example
 * ```ts
 * const choices = await readingChoices(parseFlags(['digest', 'r.csv', '--headers', '信用风险类别=riskClass']));
 * if (choices.ok) console.log(choices.value.headers); // { 信用风险类别: 'riskClass' }
 * ```
 */
export async function readingChoices(flags: Flags): Promise<{ readonly ok: true; readonly value: ReadingChoices } | { readonly ok: false; readonly error: ReadingOptionError }> {
  let encoding: TextEncodingName | undefined;
  if (flags.encoding !== undefined) {
    encoding = ENCODINGS[flags.encoding.trim().toLowerCase()];
    if (encoding === undefined) {
      return optionError('INVALID_ENCODING', `--encoding 应为 utf-8 或 gb18030（gbk 亦可），收到 ${JSON.stringify(flags.encoding)}`,
        `--encoding must be utf-8 or gb18030 (gbk is taken too), got ${JSON.stringify(flags.encoding)}`);
    }
  }
  const headers = new Map<string, string>();
  const from = new Map<string, string>();
  const add = (column: string, field: string, source: string): ReadingOptionError | undefined => {
    const before = headers.get(column);
    if (before !== undefined && before !== field) {
      return {
        code: 'INVALID_HEADERS',
        messageZh: `列 ${JSON.stringify(column)} 既映射到 ${before}（${from.get(column)}）又映射到 ${field}（${source}）`,
        messageEn: `column ${JSON.stringify(column)} is mapped both to ${before} (${from.get(column)}) and to ${field} (${source})`,
      };
    }
    headers.set(column, field);
    from.set(column, source);
    return undefined;
  };
  if (flags.headersFile !== undefined) {
    const file = flags.headersFile;
    const doc = await readJsonDocument(file);
    if (!doc.ok) {
      return optionError(doc.problem.code, `--headers-file ${file}：${doc.problem.messageZh}`, `--headers-file ${file}: ${doc.problem.messageEn}`);
    }
    const value = doc.value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return optionError('INVALID_HEADERS_FILE', `--headers-file ${file} 应为 JSON 对象 { "列名": "字段" }`, `--headers-file ${file} must hold a JSON object { "column": "field" }`);
    }
    for (const [column, field] of Object.entries(value as Record<string, unknown>)) {
      if (typeof field !== 'string' || normaliseHeader(column) === '') {
        return optionError('INVALID_HEADERS_FILE', `--headers-file ${file}：列 ${JSON.stringify(column)} 应映射到一个字段名（文本）`, `--headers-file ${file}: column ${JSON.stringify(column)} must map to a field name (text)`);
      }
      const bad = add(normaliseHeader(column), field.trim(), '--headers-file');
      if (bad !== undefined) return { ok: false, error: bad };
    }
  }
  for (const text of flags.headers) {
    for (const pair of text.split(',')) {
      if (pair.trim() === '') continue;
      const eq = pair.lastIndexOf('=');
      const column = eq < 0 ? '' : normaliseHeader(pair.slice(0, eq));
      const field = eq < 0 ? '' : pair.slice(eq + 1).trim();
      if (column === '' || field === '') {
        return optionError('INVALID_HEADERS', `--headers 应写作“列名=字段”，多对之间用英文逗号分隔，收到 ${JSON.stringify(pair)}`,
          `--headers takes "column=field" pairs separated by commas, got ${JSON.stringify(pair)}`);
      }
      const bad = add(column, field, '--headers');
      if (bad !== undefined) return { ok: false, error: bad };
    }
  }
  const ignore: string[] = [];
  for (const text of flags.ignoreColumns) {
    for (const name of text.split(',')) {
      const column = normaliseHeader(name);
      if (column === '') continue;
      if (headers.has(column)) {
        return optionError('INVALID_HEADERS', `列 ${JSON.stringify(column)} 既在 --ignore-columns 中，又映射到字段 ${headers.get(column)}`,
          `column ${JSON.stringify(column)} is both in --ignore-columns and mapped to field ${headers.get(column)}`);
      }
      if (!ignore.includes(column)) ignore.push(column);
    }
  }
  return { ok: true, value: { encoding, headers: Object.fromEntries(headers), ignore, ...(flags.sheet === undefined ? {} : { sheet: flags.sheet }) } };
}

/** What a column resolves to: a field, or -1 ignored, -2 unknown (reported). */
type Resolution = string | -1 | -2;

/** Columns remembered (resolved, and listed in the report); beyond, JSON rows with ever new keys are resolved each time. */
const MAX_COLUMNS = 4096;

/**
 * The reading of one register file by one command: give it to `locatedRows` (and to every read of the same file,
 * so that all read it alike); afterwards {@link RegisterReading.summary} and {@link RegisterReading.describe} say
 * what was read.
 *
 * @example
 * ```ts
 * const reading = RegisterReading.create('register.csv', 'entity', { encoding: undefined, headers: {}, ignore: [] });
 * if (!('code' in reading)) console.log(reading.parserOptions); // { headers: {}, unknownFields: 'error' }
 * ```
 */
export class RegisterReading {
  private readonly rules: KindRules;
  private readonly map: Map<string, string>;
  private readonly resolved = new Map<string, Resolution>();
  private readonly uses: ColumnUse[] = [];
  private reader: RegisterRowReader | undefined;
  /** CSV: the columns to take out of every row, and the columns of checked identifiers (from the header, once). */
  private plan: { readonly drop: readonly string[]; readonly checked: readonly string[] } | undefined;
  /** JSON: the plan of the last row, by its keys. */
  private jsonPlan: { readonly keys: readonly string[]; readonly drop: readonly string[]; readonly checked: readonly string[] } | undefined;
  /**
   * The options for the parser: the extra headers; unknown columns are errors (none reach it: they are taken out).
   * The headers were checked against the fields of the kind by {@link RegisterReading.create} (the parser's own
   * check), hence the type that fits every parser's field names.
   */
  readonly parserOptions: { readonly headers: Readonly<Record<string, never>>; readonly unknownFields: 'error' };

  private constructor(readonly file: string, readonly kind: RegisterKind, readonly choices: ReadingChoices, map: Map<string, string>) {
    this.rules = KINDS[kind];
    this.map = map;
    this.parserOptions = { headers: choices.headers as Readonly<Record<string, never>>, unknownFields: 'error' };
  }

  /**
   * The reading of `file` as a register of `kind`, or the error of a `--headers` mapping that names no field of it.
   *
   * @example
   * ```ts
   * const bad = RegisterReading.create('r.csv', 'entity', { encoding: undefined, headers: { 风险: 'risk' }, ignore: [] });
   * console.log('code' in bad && bad.code); // 'INVALID_HEADERS'
   * ```
   */
  static create(file: string, kind: RegisterKind, choices: ReadingChoices): RegisterReading | ReadingOptionError {
    const rules = KINDS[kind];
    let map: Map<string, string>;
    try {
      map = buildHeaderMap(rules.fields, rules.headers, { headers: choices.headers });
    } catch (error) {
      if (!isShuangsuijiError(error)) throw error;
      const column = String(error.path[1] ?? '');
      const field = choices.headers[column] ?? '';
      return {
        code: 'INVALID_HEADERS',
        messageZh: `--headers：列 ${JSON.stringify(column)} 映射到的 ${JSON.stringify(field)} 不是${rules.zh}的字段；可用字段：${rules.fields.join(', ')}`,
        messageEn: `--headers: column ${JSON.stringify(column)} is mapped to ${JSON.stringify(field)}, which is no field of the ${rules.en}; fields: ${rules.fields.join(', ')}`,
      };
    }
    return new RegisterReading(file, kind, choices, map);
  }

  /** The encoding to force (from `--encoding`), if any. */
  /** The sheet of a workbook chosen with `--sheet`, if any. */
  get sheet(): string | undefined {
    return this.choices.sheet;
  }

  get encoding(): TextEncodingName | undefined {
    return this.choices.encoding;
  }

  /** Called by the row reading with the reader of each pass over the file. */
  attach(reader: RegisterRowReader): void {
    this.reader = reader;
  }

  private resolve(column: string): Resolution {
    const known = this.resolved.get(column);
    if (known !== undefined) return known;
    const name = normaliseHeader(column);
    const field = this.map.get(name);
    const resolution: Resolution = field !== undefined ? field : this.choices.ignore.includes(name) ? -1 : -2;
    if (this.resolved.size < MAX_COLUMNS) {
      this.resolved.set(column, resolution);
      this.uses.push(typeof resolution === 'string' ? { column, field: resolution } : resolution === -1 ? { column, field: null, ignored: true } : { column, field: null, unknown: true });
    }
    return resolution;
  }

  private unknownColumn(column: string, line: number): FileProblem {
    const { rules } = this;
    const shown = JSON.stringify(column);
    const arg = /[\s,"'=]/.test(column) ? JSON.stringify(column) : column;
    return {
      line,
      code: 'UNKNOWN_COLUMN',
      messageZh: `未知列 ${shown}：不是${rules.zh}的字段或已知列名，其内容不会被读取。如该列对应某字段，请加 --headers ${arg}=字段（可用字段：${rules.fields.join(', ')}）；如不需要该列，请加 --ignore-columns ${arg}`,
      messageEn: `unknown column ${shown}: no field or known header of the ${rules.en}, so it would not be read. If it holds a field, add --headers ${arg}=<field> (fields: ${rules.fields.join(', ')}); if it is not needed, add --ignore-columns ${arg}`,
    };
  }

  /** The plan of a CSV file: resolves its header once, reporting its unknown columns on the header line. */
  private planFor(header: readonly string[], report: (problem: FileProblem) => void): { readonly drop: readonly string[]; readonly checked: readonly string[] } {
    if (this.plan !== undefined) return this.plan;
    const drop: string[] = [];
    const checked: string[] = [];
    for (const column of header) {
      const resolution = this.resolve(column);
      if (typeof resolution === 'string') {
        if (this.rules.checked.includes(resolution)) checked.push(column);
        continue;
      }
      drop.push(column);
      if (resolution === -2) report(this.unknownColumn(column, this.reader?.headerLine ?? 1));
    }
    this.plan = { drop, checked };
    return this.plan;
  }

  /**
   * The plan of a JSON row: rows of one export share their keys in one order, so the last row's plan is reused when
   * the keys are the same (compared without allocating); otherwise the keys are resolved (an unknown one reported the
   * first time it is seen, on the line of that row).
   */
  private jsonPlanFor(record: Record<string, unknown>, line: number, report: (problem: FileProblem) => void): { readonly drop: readonly string[]; readonly checked: readonly string[] } {
    const last = this.jsonPlan;
    if (last !== undefined) {
      let n = 0;
      let same = true;
      for (const key in record) {
        if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
        if (last.keys[n] !== key) {
          same = false;
          break;
        }
        n++;
      }
      if (same && n === last.keys.length) return last;
    }
    const keys = Object.keys(record);
    const drop: string[] = [];
    const checked: string[] = [];
    for (const column of keys) {
      const seen = this.resolved.has(column);
      const resolution = this.resolve(column);
      if (typeof resolution === 'string') {
        if (this.rules.checked.includes(resolution)) checked.push(column);
        continue;
      }
      drop.push(column);
      if (resolution === -2 && !seen) report(this.unknownColumn(column, line));
    }
    this.jsonPlan = { keys, drop, checked };
    return this.jsonPlan;
  }

  /**
   * Called after each pass over the file: a CSV header without rows still has its columns resolved and reported.
   *
   * @example
   * ```ts
   * // inside locatedRows, after the last row: reading.finish((p) => problems.push(fromFileProblem(file, p)));
   * ```
   */
  finish(report: (problem: FileProblem) => void): void {
    const header = this.reader?.format === 'csv' ? this.reader.header : undefined;
    if (header !== undefined) this.planFor(header, report);
  }

  /**
   * The row to parse: unknown and ignored columns taken out (an unknown column reported once, on the header line for
   * CSV, else the first row that has it); identifiers in scientific notation reported.
   *
   * @example
   * ```ts
   * // inside locatedRows: const row = reading.mapRow(source, (p) => problems.push(fromFileProblem(file, p)));
   * ```
   */
  mapRow(source: SourceRow, report: (problem: FileProblem) => void): SourceRow {
    const row = source.row;
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return source;
    const record = row as Record<string, unknown>;
    const header = this.reader?.format === 'csv' ? this.reader.header : undefined;
    let drop: readonly string[];
    let checked: readonly string[];
    if (header !== undefined) {
      ({ drop, checked } = this.planFor(header, report));
    } else {
      ({ drop, checked } = this.jsonPlanFor(record, source.line, report));
    }
    for (let i = 0; i < checked.length; i++) {
      const column = checked[i]!;
      const value = record[column];
      if (typeof value === 'string' && /[eE]/.test(value) && SCIENTIFIC.test(value.trim())) {
        const field = this.resolve(column) as string;
        report({
          line: source.line,
          code: 'NUMBER_SCIENTIFIC_NOTATION',
          messageZh: `第 ${source.line} 行：${column}（${field}）的值 ${JSON.stringify(value)} 是科学计数法，表格软件已丢失其中的数位；${HINT_ZH}`,
          messageEn: `line ${source.line}: ${column} (${field}) holds ${JSON.stringify(value)} in scientific notation: the spreadsheet has lost some of its digits; ${HINT_EN}`,
        });
      }
    }
    if (drop.length === 0) return source;
    const kept = Object.fromEntries(Object.entries(record).filter(([key]) => !drop.includes(key)));
    return { line: source.line, bytes: source.bytes, fields: Object.keys(kept).length, row: kept };
  }

  /**
   * The hint for a parser problem in an identifier cell written in scientific notation (`undefined` otherwise).
   *
   * @example
   * ```ts
   * // reading.hint({ code: 'USCC_LENGTH', path: [0, 'creditCode'], … }, { 统一社会信用代码: '9.13501E+17' }) → { zh: '将该列设为文本格式后重新导出', en: … }
   * ```
   */
  hint(issue: Pick<DataIssue, 'path'>, row: unknown): { readonly zh: string; readonly en: string } | undefined {
    const field = issue.path[1];
    if (typeof field !== 'string' || !this.rules.identifiers.includes(field)) return undefined;
    if (typeof row !== 'object' || row === null) return undefined;
    for (const [column, value] of Object.entries(row as Record<string, unknown>)) {
      if (typeof value === 'string' && SCIENTIFIC.test(value.trim()) && this.map.get(normaliseHeader(column)) === field) {
        return { zh: `该值 ${JSON.stringify(value)} 是科学计数法，表格软件已丢失其中的数位：${HINT_ZH}`, en: `the value ${JSON.stringify(value)} is in scientific notation, so the spreadsheet has lost digits: ${HINT_EN}` };
      }
    }
    return undefined;
  }

  /**
   * What was read, for `--json`: the format, the encoding (and whether a BOM started the file), the CSV separator and
   * which column fed which field.
   *
   * @example
   * ```ts
   * // { format: 'csv', encoding: 'gb18030', bom: false, separator: ',', columns: [{ column: '统一社会信用代码', field: 'creditCode' }] }
   * ```
   */
  summary(): { readonly format: RegisterFormat | null; readonly encoding: TextEncodingName | null; readonly bom: boolean; readonly separator?: string; readonly columns: readonly ColumnUse[] } {
    const reader = this.reader;
    return {
      format: reader?.format ?? null,
      encoding: reader?.encoding ?? null,
      bom: reader?.bom ?? false,
      ...(reader?.separator === undefined ? {} : { separator: reader.separator }),
      columns: this.uses,
    };
  }

  /**
   * The same in words: a line with the file, format and encoding, then one line per column (the table of `--json`'s
   * `columns`); `columns: false` gives the first line only.
   *
   * @example
   * ```ts
   * // ['读取 register.csv：CSV（分隔符 ","），编码 GB18030', '  列 → 字段：', '    统一社会信用代码 → creditCode', …]
   * ```
   */
  describe(say: (zh: string, en: string) => string, columns = true): string[] {
    const s = this.summary();
    const format = s.format === null ? say('格式未知', 'format unknown') : s.format === 'csv' ? `CSV${s.separator !== undefined && s.separator !== ',' ? say(`（分隔符 ${JSON.stringify(s.separator)}）`, ` (separator ${JSON.stringify(s.separator)})`) : ''}` : s.format === 'json' ? 'JSON' : 'JSON Lines';
    const encoding = s.encoding === null ? say('编码未能确定', 'encoding not determined') : say(`编码 ${s.encoding === 'utf-8' ? 'UTF-8' : 'GB18030'}${s.bom ? '（带 BOM）' : ''}${this.choices.encoding !== undefined ? '（--encoding 指定）' : ''}`, `encoding ${s.encoding === 'utf-8' ? 'UTF-8' : 'GB18030'}${s.bom ? ' (with BOM)' : ''}${this.choices.encoding !== undefined ? ' (--encoding)' : ''}`);
    const lines = [say(`读取 ${this.file}：${format}，${encoding}`, `Read ${this.file}: ${format}, ${encoding}`)];
    if (!columns || s.columns.length === 0) return lines;
    lines.push(say('  列 → 字段：', '  column → field:'));
    for (const use of s.columns) {
      const target = use.field !== null ? use.field : 'ignored' in use ? say('（忽略：--ignore-columns）', '(ignored: --ignore-columns)') : say('（未知列：未读取）', '(unknown column: not read)');
      lines.push(`    ${use.column} → ${target}`);
    }
    return lines;
  }
}

/**
 * The reading of `file` as a register of `kind`, from the command's options; a bad option is reported (exit 2) and
 * its exit code returned instead.
 *
 * @example
 * ```ts
 * const reading = await registerReading(ctx, 'register.csv', 'entity');
 * if (typeof reading === 'number') return reading;
 * ```
 */
export async function registerReading(ctx: CommandContext, file: string, kind: RegisterKind): Promise<RegisterReading | number> {
  const choices = await readingChoices(ctx.flags);
  if (!choices.ok) return reportError(ctx.io, ctx.flags.json, ctx.language, choices.error);
  const reading = RegisterReading.create(file, kind, choices.value);
  if (reading instanceof RegisterReading) return reading;
  return reportError(ctx.io, ctx.flags.json, ctx.language, reading);
}
