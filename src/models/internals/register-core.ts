/**
 * Shared machinery of the whole-register parsers: issue building, header resolution (with a per-shape
 * cache so a million rows with the same columns resolve their headers once), and lenient readers for
 * values coming from JSON or CSV/Excel exports. Every reader pushes its own issues and returns
 * `undefined` for an absent or rejected value.
 */
import { ShuangsuijiError } from '../../errors.js';
import type { DataIssue } from '../../errors.js';
import type { EntityRegisterIssueCode } from '../entity-register-issue-code.js';
import type { InspectorRegisterIssueCode } from '../inspector-register-issue-code.js';
import type { ItemListIssueCode } from '../item-list-issue-code.js';
import { MAX_FIELD_BYTES, idProblem, utf8LengthChecked } from '../../internals/canonical-row.js';
import { plainDateOf, tryDayNumber } from '../../internals/plain-date.js';

/** Every code the register parsers' shared readers and the parsers themselves report. */
export type RegisterIssueCode = EntityRegisterIssueCode | InspectorRegisterIssueCode | ItemListIssueCode;

/** A mutable issue list while parsing. */
export type Issues = DataIssue<RegisterIssueCode>[];

/** Pushes one frozen issue. `received` is kept only for primitive values (JSON-safe, short). */
export function pushIssue(
  issues: Issues,
  code: RegisterIssueCode,
  path: readonly (string | number)[],
  messageZh: string,
  messageEn: string,
  received?: unknown,
): void {
  const t = typeof received;
  const issue: DataIssue<RegisterIssueCode> =
    t === 'string' || t === 'boolean' || (t === 'number' && Number.isFinite(received))
      ? { code, path: Object.freeze(path.slice()), messageZh, messageEn, received }
      : { code, path: Object.freeze(path.slice()), messageZh, messageEn };
  issues.push(Object.freeze(issue));
}

/** Shows a value in a message: strings quoted, other primitives as text, objects by type. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Options shared by every register parser (validated by {@link buildHeaderMap} and {@link unknownFieldRule}). */
export interface CoreOptions {
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly unknownFields?: 'error' | 'ignore' | undefined;
}

function optionError(path: readonly (string | number)[], zh: string, en: string): ShuangsuijiError {
  return new ShuangsuijiError('INVALID_OPTION', zh, en, { path });
}

/** Normalises a column header: strips a byte-order mark and surrounding white space. */
export function normaliseHeader(key: string): string {
  return (key.charCodeAt(0) === 0xfeff ? key.slice(1) : key).trim();
}

/**
 * Builds the header → field map for one call: every input field name maps to itself, then the default
 * Chinese headers, then the caller's extra headers (which win over defaults). Throws `INVALID_OPTION`
 * when an extra header names no input field.
 */
export function buildHeaderMap(
  fields: readonly string[],
  defaults: Readonly<Record<string, string>>,
  options: CoreOptions | undefined,
): Map<string, string> {
  const map = new Map<string, string>();
  for (const field of fields) map.set(field, field);
  for (const header of Object.keys(defaults)) {
    const field = defaults[header];
    if (field !== undefined) map.set(header, field);
  }
  const extra = options?.headers;
  if (extra !== undefined) {
    if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) {
      throw optionError(['headers'], 'headers 选项应为“列名 → 字段名”对象', 'option headers must be an object of column header → field name');
    }
    const known = new Set(fields);
    for (const header of Object.keys(extra)) {
      const field: unknown = extra[header];
      if (typeof field !== 'string' || !known.has(field)) {
        throw optionError(
          ['headers', header],
          `headers 选项中列名 ${JSON.stringify(header)} 映射到未知字段 ${show(field)}；可用字段：${fields.join(', ')}`,
          `option headers maps column ${JSON.stringify(header)} to unknown field ${show(field)}; fields: ${fields.join(', ')}`,
        );
      }
      map.set(normaliseHeader(header), field);
    }
  }
  return map;
}

/** Reads and checks the `unknownFields` option. */
export function unknownFieldRule(options: CoreOptions | undefined): 'error' | 'ignore' {
  const rule = options?.unknownFields ?? 'error';
  if (rule !== 'error' && rule !== 'ignore') {
    throw optionError(['unknownFields'], `unknownFields 选项应为 'error' 或 'ignore'，收到 ${show(rule)}`, `option unknownFields must be 'error' or 'ignore'; received ${show(rule)}`);
  }
  return rule;
}

/**
 * True when `c` is certainly not white space for `String.prototype.trim` (printable ASCII, most of the
 * BMP including CJK). False means "maybe white space": the caller falls back to `trim()`.
 */
function isSurelyText(c: number): boolean {
  return (c > 32 && c < 127) || (c >= 0x3001 && c < 0xfeff) || (c > 0xa0 && c < 0x1680);
}

/** `value.trim()`, without the call when both ends are plainly not white space (the common case). */
export function trimText(value: string): string {
  const n = value.length;
  if (n === 0 || (isSurelyText(value.charCodeAt(0)) && isSurelyText(value.charCodeAt(n - 1)))) return value;
  return value.trim();
}

/** True for values that mean "absent": `undefined`, `null`, and strings that are empty after trimming. */
export function isAbsent(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== 'string') return false;
  const n = value.length;
  if (n === 0) return true;
  // Fast exit: one end that is not white space means the text is not blank.
  if (isSurelyText(value.charCodeAt(0)) || isSurelyText(value.charCodeAt(n - 1))) return false;
  return value.trim().length === 0;
}

/** Whether two cells filling one field agree: text compared trimmed, except for `exact` fields (ids are never trimmed). */
function sameValue(a: unknown, b: unknown, exact: boolean): boolean {
  if (a === b) return true;
  if (!exact && typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return false;
}

/** One column key in the key-sequence trie of {@link ColumnReader}. */
interface KeyNode {
  readonly key: string;
  /** Field slot of the key, −1 when it names no field. */
  readonly slot: number;
  /** First key seen after this one (then its siblings). */
  child: KeyNode | undefined;
  sibling: KeyNode | undefined;
  width: number;
}

/** Bounds of the trie: rows with wildly varying keys fall back to resolving each key through a map. */
const MAX_TRIE_NODES = 4096;
const MAX_TRIE_WIDTH = 64;

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Resolves the columns of each row to field slots. Rows from one export share their key sequence, so the
 * sequences are kept in a trie: each key is resolved once per distinct prefix, and a row whose keys follow
 * a known path costs one identity comparison per key (no `Object.keys` array, no map look-up).
 */
export class ColumnReader {
  private readonly slotOf: Map<string, number>;
  /** The value buffer, reused for every row (callers copy what they keep before the next `read`). */
  private readonly values: unknown[];
  private readonly root: KeyNode = { key: '', slot: -1, child: undefined, sibling: undefined, width: 0 };
  private nodes = 0;
  /** Slots of keys met off the trie (after it stopped growing). */
  private readonly overflow = new Map<string, number>();
  /** Per slot: whether two cells of the field must be equal as written (not merely after trimming). */
  private readonly exact: boolean[];

  /** `exactSlots`: slots of fields whose text is never trimmed (ids), so two columns agree only when equal as written. */
  constructor(
    private readonly fields: readonly string[],
    private readonly headerMap: Map<string, string>,
    private readonly rule: 'error' | 'ignore',
    exactSlots: readonly number[] = [],
  ) {
    this.slotOf = new Map(fields.map((field, index) => [field, index] as const));
    this.values = new Array<unknown>(fields.length).fill(undefined);
    this.exact = fields.map((_, index) => exactSlots.includes(index));
  }

  private resolve(key: string): number {
    const field = this.headerMap.get(normaliseHeader(key));
    return field === undefined ? -1 : this.slotOf.get(field)!;
  }

  /** The child of `node` for `key`, added when the trie may still grow; else undefined. */
  private extend(node: KeyNode, key: string): KeyNode | undefined {
    if (this.nodes >= MAX_TRIE_NODES || node.width >= MAX_TRIE_WIDTH) return undefined;
    const added: KeyNode = { key, slot: this.resolve(key), child: undefined, sibling: node.child, width: 0 };
    node.child = added;
    node.width++;
    this.nodes++;
    return added;
  }

  private slowSlot(key: string): number {
    let slot = this.overflow.get(key);
    if (slot === undefined) {
      slot = this.resolve(key);
      this.overflow.set(key, slot);
    }
    return slot;
  }

  /**
   * Values by field slot (`undefined` = absent), in a buffer reused by the next call. Reports
   * `UNKNOWN_FIELD` (unless ignored) and `CONFLICTING_COLUMNS` when two columns of one row fill the same
   * field with different values. Columns are the row's own enumerable string keys, in `Object.keys` order
   * (`for…in` filtered by `hasOwnProperty` lists exactly those, without allocating an array).
   */
  read(row: object, rowIndex: number, issues: Issues): unknown[] {
    const values = this.values;
    values.fill(undefined);
    const source = row as Record<string, unknown>;
    let node: KeyNode | undefined = this.root;
    for (const key in source) {
      if (!hasOwn.call(source, key)) continue;
      let slot: number;
      if (node !== undefined) {
        let next: KeyNode | undefined = node.child;
        while (next !== undefined && next.key !== key) next = next.sibling;
        node = next ?? this.extend(node, key);
        slot = node === undefined ? this.slowSlot(key) : node.slot;
      } else slot = this.slowSlot(key);
      if (slot < 0) {
        if (this.rule === 'error') unknownColumn(issues, rowIndex, key);
        continue;
      }
      const value = source[key];
      if (isAbsent(value)) continue;
      const previous = values[slot];
      if (previous !== undefined) {
        if (!sameValue(previous, value, this.exact[slot]!)) conflictingColumns(issues, rowIndex, this.fields[slot]!, previous, value);
        continue;
      }
      values[slot] = value;
    }
    return values;
  }
}

function unknownColumn(issues: Issues, rowIndex: number, key: string): void {
  pushIssue(
    issues,
    'UNKNOWN_FIELD',
    [rowIndex, key],
    `未知列 ${JSON.stringify(key)}：不是已知字段或列名（可用 headers 选项映射，或 unknownFields: 'ignore' 忽略）`,
    `unknown column ${JSON.stringify(key)}: not a known field or header (map it with option headers, or set unknownFields: 'ignore')`,
  );
}

function conflictingColumns(issues: Issues, rowIndex: number, field: string, previous: unknown, value: unknown): void {
  pushIssue(
    issues,
    'CONFLICTING_COLUMNS',
    [rowIndex, field],
    `多个列都对应字段 ${field}，且取值不同（${show(previous)} 与 ${show(value)}）`,
    `several columns fill field ${field} with different values (${show(previous)} and ${show(value)})`,
  );
}

/** Iterates `rows` (an array or any iterable), throwing `INVALID_ARGUMENT` when it is neither. */
export function forEachRow(rows: unknown, whatZh: string, whatEn: string, visit: (row: unknown, index: number) => void): void {
  if (Array.isArray(rows)) {
    for (let i = 0; i < rows.length; i++) visit(rows[i], i);
    return;
  }
  if (typeof rows === 'object' && rows !== null && typeof (rows as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function') {
    let i = 0;
    for (const row of rows as Iterable<unknown>) visit(row, i++);
    return;
  }
  throw new ShuangsuijiError(
    'INVALID_ARGUMENT',
    `${whatZh}应为行的数组或可迭代对象，收到 ${show(rows)}`,
    `${whatEn} must be an array or iterable of rows; received ${show(rows)}`,
  );
}

/** Reports `ROW_NOT_OBJECT` unless `row` is a non-array object. */
export function checkRow(row: unknown, rowIndex: number, issues: Issues): row is object {
  if (typeof row === 'object' && row !== null && !Array.isArray(row)) return true;
  pushIssue(issues, 'ROW_NOT_OBJECT', [rowIndex], `第 ${rowIndex} 行（从 0 计）不是对象：${show(row)}`, `row ${rowIndex} (from 0) is not an object: ${show(row)}`, row);
  return false;
}

/** Reports `MISSING_FIELD`. */
export function missing(issues: Issues, path: readonly (string | number)[], labelZh: string): void {
  const field = String(path[path.length - 1]);
  pushIssue(issues, 'MISSING_FIELD', path, `缺少必填字段 ${labelZh}（${field}）`, `required field ${field} (${labelZh}) is missing`);
}

function invalidType(issues: Issues, path: readonly (string | number)[], expectedZh: string, expectedEn: string, value: unknown): void {
  pushIssue(issues, 'INVALID_TYPE', path, `${String(path[path.length - 1])} 应为${expectedZh}，收到 ${show(value)}`, `${String(path[path.length - 1])} must be ${expectedEn}; received ${show(value)}`, value);
}

/** The issue path of a reader: `[row, field]` or `[row, field, sub]` (built only when there is an issue). */
function pathOf(row: number, field: string, sub?: string | number): (string | number)[] {
  return sub === undefined ? [row, field] : [row, field, sub];
}

/** The issue path of element `i` of a list cell (built only when there is an issue). */
function elementPathOf(row: number, field: string, sub: string | number | undefined, i: number): (string | number)[] {
  return sub === undefined ? [row, field, i] : [row, field, sub, i];
}

function nameOf(field: string, sub?: string | number): string {
  return sub === undefined ? field : `${field}.${sub}`;
}

/**
 * True when a finite number may be read as its decimal text. Not so when its digits may already be gone: an
 * integer beyond ±(2^53 − 1) (a spreadsheet keeps 15 significant digits; `1e21` would become the text
 * `"1e+21"`), or, for an identifier, any number that is not a safe integer.
 */
function keepsDigits(value: number, identifier: boolean): boolean {
  return Number.isSafeInteger(value) || (!identifier && !Number.isInteger(value));
}

/** Reports `NUMBER_PRECISION_LOST` for a number that fails {@link keepsDigits}. */
function precisionLost(value: number, issues: Issues, path: readonly (string | number)[], identifier: boolean): void {
  const name = nameOfPath(path);
  pushIssue(
    issues,
    'NUMBER_PRECISION_LOST',
    path,
    identifier
      ? `${name} 是数字 ${String(value)}，不是安全整数（−(2^53−1) 至 2^53−1 之间的整数），表格软件很可能已丢失其中的数位；请将该列设为“文本”格式后重新导出`
      : `${name} 是超出 ±(2^53−1) 的整数 ${String(value)}，表格软件很可能已丢失其中的数位；请将该列设为“文本”格式后重新导出`,
    identifier
      ? `${name} is the number ${String(value)}, not a safe integer (a whole number within ±(2^53 − 1)): a spreadsheet has most likely lost some of its digits; format the column as text and export again`
      : `${name} is the integer ${String(value)}, beyond ±(2^53 − 1): a spreadsheet has most likely lost some of its digits; format the column as text and export again`,
    value,
  );
}

/** `field`, `field.sub` or `field.sub.index` of an issue path `[row, …]`. */
function nameOfPath(path: readonly (string | number)[]): string {
  return path.slice(1).map(String).join('.');
}

/**
 * Strings of at most this many UTF-16 code units are at most 3 × 21844 = 65532 UTF-8 bytes long (a surrogate
 * pair is 2 units and 4 bytes): they need not be measured against `MAX_FIELD_BYTES` (65534).
 */
const SURELY_SHORT = 21844;

/** True when `text` holds no lone surrogate (is well-formed Unicode, so it has a UTF-8 form). */
export function isWellFormedText(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  if (typeof native === 'function') return native.call(text);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    return false;
  }
  return true;
}

/** 0 when `text` may be kept; 1 when it holds a lone surrogate; 2 when it is longer than `MAX_FIELD_BYTES` UTF-8 bytes. */
function textFault(text: string): 0 | 1 | 2 {
  if (!isWellFormedText(text)) return 1;
  return text.length <= SURELY_SHORT || utf8LengthChecked(text) <= MAX_FIELD_BYTES ? 0 : 2;
}

/**
 * Reports `INVALID_TEXT` (fault 1: a lone surrogate — not well-formed Unicode, as from a cut emoji or a damaged
 * export; such text is refused, never repaired, since the draw and the digest read text as UTF-8, which it does
 * not have) or `FIELD_TOO_LONG` (fault 2: over `MAX_FIELD_BYTES` UTF-8 bytes, the longest field the row
 * encoding of a draw holds).
 */
function reportText(fault: 1 | 2, text: string, issues: Issues, path: readonly (string | number)[]): undefined {
  const name = nameOfPath(path);
  if (fault === 1) {
    pushIssue(
      issues,
      'INVALID_TEXT',
      path,
      `${name} 含不成对的代理项（不是合法的 Unicode 文本，常见于截断的表情符号或损坏的导出文件）：${show(text)}；请更正后重新导出`,
      `${name} contains a lone surrogate (not well-formed Unicode text, often a cut emoji or a damaged export): ${show(text)}; correct it and export again`,
    );
  } else {
    const bytes = utf8LengthChecked(text);
    pushIssue(
      issues,
      'FIELD_TOO_LONG',
      path,
      `${name} 长 ${bytes} 字节（UTF-8），超过一个字段的上限 ${MAX_FIELD_BYTES} 字节`,
      `${name} is ${bytes} UTF-8 bytes long, over the limit of ${MAX_FIELD_BYTES} bytes for one field`,
    );
  }
  return undefined;
}

/**
 * Checks text that a reader of this module did not read itself (a `scheme:value` cell): well-formed Unicode
 * (else `INVALID_TEXT`) of at most `MAX_FIELD_BYTES` UTF-8 bytes (else `FIELD_TOO_LONG`). Returns false when it
 * reported.
 */
export function checkText(text: string, issues: Issues, path: readonly (string | number)[]): boolean {
  const fault = textFault(text);
  if (fault === 0) return true;
  reportText(fault, text, issues, path);
  return false;
}

/**
 * Text: strings are trimmed, and must be well-formed Unicode (`INVALID_TEXT`: a lone surrogate is refused,
 * never repaired) of at most 65534 UTF-8 bytes (`FIELD_TOO_LONG`); finite numbers become their decimal text (Excel cells) unless digits may have
 * been lost (`NUMBER_PRECISION_LOST`: integers beyond ±(2^53 − 1)); else `INVALID_TYPE`.
 */
export function readText(value: unknown, issues: Issues, row: number, field: string, sub?: string | number): string | undefined {
  if (typeof value === 'string') {
    const text = trimText(value);
    if (text.length === 0) return undefined;
    const fault = textFault(text);
    return fault === 0 ? text : reportText(fault, text, issues, pathOf(row, field, sub));
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (keepsDigits(value, false)) return String(value);
    precisionLost(value, issues, pathOf(row, field, sub), false);
    return undefined;
  }
  if (value === undefined || value === null) return undefined;
  invalidType(issues, pathOf(row, field, sub), '文本', 'text', value);
  return undefined;
}

/**
 * An id (编号 of any register, 执法证号): the one id rule of `src/internals/canonical-row.ts` (`idProblem`),
 * applied to the cell **as written** — never trimmed. An id that would only be valid after trimming (`" E-1"`),
 * or that holds a control character or line break, a lone surrogate, or more than 1024 UTF-8 bytes (in NFC), is
 * `INVALID_ID`: the id the draw hashes and the record shows is exactly what the register says. Numbers as by
 * {@link readIdentifier}. The id is returned as written (not normalised); compare ids with {@link idKey}.
 */
export function readId(value: unknown, issues: Issues, row: number, field: string, sub?: string | number): string | undefined {
  if (typeof value !== 'string') return readIdentifier(value, issues, row, field, sub);
  const problem = idProblem(value);
  if (problem === undefined) return value;
  const name = nameOf(field, sub);
  const spaced = /^\s|\s$/u.test(value);
  pushIssue(
    issues,
    'INVALID_ID',
    pathOf(row, field, sub),
    `${name} 不是有效的编号（${problem.zh}）：${show(value)}${spaced ? '；编号按原样使用、不去除首尾空白，请删去空白后重新导出' : ''}`,
    `${name} is not a valid id (${problem.en}): ${show(value)}${spaced ? '; ids are used as written, never trimmed: remove the white space and export again' : ''}`,
    value.length <= 1024 ? value : undefined,
  );
  return undefined;
}

/**
 * The form in which ids are compared: Unicode NFC, as the draw hashes them (two spellings of `é` are one id).
 * ASCII text is its own NFC form.
 */
export function idKey(id: string): string {
  for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) >= 0x80) return id.normalize('NFC');
  return id;
}

/**
 * An identifier (编号, 统一社会信用代码, 执法证号, 其他标识值): as {@link readText}, but a number is accepted only
 * when it is a safe integer — any other number (`1e21`, `913501001234567890`, `12.5`) has lost or may have
 * lost digits in a spreadsheet and is `NUMBER_PRECISION_LOST`.
 */
export function readIdentifier(value: unknown, issues: Issues, row: number, field: string, sub?: string | number): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (keepsDigits(value, true)) return String(value);
    precisionLost(value, issues, pathOf(row, field, sub), true);
    return undefined;
  }
  return readText(value, issues, row, field, sub);
}

/**
 * Separators of list cells: comma `,` and `，`, 顿号 `、`, semicolon `;` and `；`, and line breaks (LF, CR — a
 * line break inside a spreadsheet cell). Nothing else: a vertical bar, slash or space stays inside the value.
 */
function isListSeparator(c: number): boolean {
  return c === 44 || c === 0xff0c || c === 0x3001 || c === 59 || c === 0xff1b || c === 10 || c === 13;
}
/** Separators of legal-basis cells: semicolons and line breaks only (articles are written "第十条、第十一条"). */
function isClauseSeparator(c: number): boolean {
  return c === 59 || c === 0xff1b || c === 10 || c === 13;
}

/**
 * A list of text: an array of strings (each trimmed, none empty) or one string split on separators
 * (empty parts dropped): `,` `，` `、` `;` `；` and line breaks; `clauses` splits on semicolons and line breaks
 * only. Numbers (elements or the whole cell) are read as by {@link readText}.
 */
export function readTextList(
  value: unknown,
  issues: Issues,
  row: number,
  field: string,
  clauses = false,
  sub?: string,
): string[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    if (value.length === 0) return [];
    const out: string[] = [];
    let ok = true;
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      if (typeof element === 'number' && Number.isFinite(element) && !keepsDigits(element, false)) {
        precisionLost(element, issues, elementPathOf(row, field, sub, i), false);
        ok = false;
        continue;
      }
      const text = typeof element === 'string' ? trimText(element) : typeof element === 'number' && Number.isFinite(element) ? String(element) : undefined;
      const fault = text === undefined ? 0 : textFault(text);
      if (fault !== 0) {
        reportText(fault, text!, issues, elementPathOf(row, field, sub, i));
        ok = false;
        continue;
      }
      if (text === undefined || text.length === 0) {
        pushIssue(
          issues,
          text === undefined ? 'INVALID_TYPE' : 'EMPTY_VALUE',
          elementPathOf(row, field, sub, i),
          `${nameOf(field, sub)} 的第 ${i} 项应为非空文本，收到 ${show(element)}`,
          `element ${i} of ${nameOf(field, sub)} must be non-empty text; received ${show(element)}`,
          element,
        );
        ok = false;
      } else out.push(text);
    }
    // A copy at the exact length: a pushed-to array keeps spare capacity, and these lists are kept.
    return ok ? out.slice() : undefined;
  }
  if (typeof value === 'string') {
    if (!isWellFormedText(value)) return reportText(1, value, issues, pathOf(row, field, sub));
    const out: string[] = [];
    const separator = clauses ? isClauseSeparator : isListSeparator;
    let start = 0;
    for (let i = 0; i <= value.length; i++) {
      if (i === value.length || separator(value.charCodeAt(i))) {
        const part = trimText(value.slice(start, i));
        if (part.length > 0) out.push(part);
        start = i + 1;
      }
    }
    if (value.length > SURELY_SHORT) {
      let fits = true;
      for (const part of out) {
        if (textFault(part) === 0) continue;
        reportText(2, part, issues, pathOf(row, field, sub));
        fits = false;
      }
      if (!fits) return undefined;
    }
    return out.length === 0 ? out : out.slice();
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (keepsDigits(value, false)) return [String(value)];
    precisionLost(value, issues, pathOf(row, field, sub), false);
    return undefined;
  }
  invalidType(issues, pathOf(row, field, sub), '文本列表（数组，或以逗号、顿号、分号或换行分隔的文本）', 'a list of text (an array, or text separated by commas, 、, semicolons or line breaks)', value);
  return undefined;
}

/** Looks a label up in a literal table (own properties only, so `__proto__` and friends never match). */
export function lookupLabel<T>(table: Readonly<Record<string, T>>, text: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, text) ? table[text] : undefined;
}

/**
 * A whole number in 0 … `max` (at most 2^53 − 1): a number, or a string of at most 15 decimal digits (leading
 * zeros allowed). Else `INVALID_COUNT`, naming the range.
 */
export function readCount(value: unknown, issues: Issues, row: number, field: string, max: number): number | undefined {
  let n: number | undefined;
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) n = value;
  } else if (typeof value === 'string') {
    const text = trimText(value);
    let digits = text.length > 0 && text.length <= 15;
    for (let i = 0; digits && i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) digits = false;
    }
    if (digits) n = Number(text);
  }
  if (n !== undefined && n >= 0 && n <= max) return n;
  pushIssue(issues, 'INVALID_COUNT', [row, field], `${field} 应为 0 至 ${max} 之间的整数，收到 ${show(value)}`, `${field} must be a whole number from 0 to ${max}; received ${show(value)}`, value);
  return undefined;
}

const TRUE_WORDS = ['是', 'true', 'TRUE', 'True', 'yes', 'Yes', 'YES', 'Y', 'y', '1', '√'];
const FALSE_WORDS = ['否', 'false', 'FALSE', 'False', 'no', 'No', 'NO', 'N', 'n', '0', '×'];

/** A yes/no value: booleans, 是/否, true/false, yes/no, Y/N, 1/0. Else `INVALID_BOOLEAN`. */
export function readBoolean(value: unknown, issues: Issues, row: number, field: string, sub?: string | number): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === 'string') {
    const text = trimText(value);
    if (TRUE_WORDS.includes(text)) return true;
    if (FALSE_WORDS.includes(text)) return false;
  }
  pushIssue(issues, 'INVALID_BOOLEAN', pathOf(row, field, sub), `${nameOf(field, sub)} 应为“是”或“否”，收到 ${show(value)}`, `${nameOf(field, sub)} must be yes or no (是/否); received ${show(value)}`, value);
  return undefined;
}

/**
 * A calendar date: `YYYY-MM-DD`, or `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日`, `YYYYMMDD`, written as
 * `YYYY-MM-DD`. It must be a real date. Numbers (Excel serial dates) are rejected: export dates as text.
 */
export function readDate(value: unknown, issues: Issues, row: number, field: string, sub?: string | number): string | undefined {
  if (typeof value === 'string') {
    const text = value.trim();
    if (tryDayNumber(text) !== undefined) return text;
    const match = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(text);
    if (match !== null) {
      const month = match[2] ?? match[4] ?? '';
      const day = match[3] ?? match[5] ?? '';
      const iso = `${match[1]}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
      const n = tryDayNumber(iso);
      if (n !== undefined) return plainDateOf(n);
    }
  }
  pushIssue(issues, 'INVALID_DATE', pathOf(row, field, sub), `${nameOf(field, sub)} 日期无效：${show(value)}，应为 YYYY-MM-DD 格式的真实日期`, `${nameOf(field, sub)} is not a valid date: ${show(value)}; expected a real date written YYYY-MM-DD`, value);
  return undefined;
}

/** Shifts the decimal point of an unsigned decimal string left by `places`, exactly (text → text). */
function shiftDecimal(text: string, places: number): string {
  const point = text.indexOf('.');
  const whole = point < 0 ? text : text.slice(0, point);
  const fraction = point < 0 ? '' : text.slice(point + 1);
  let digits = whole + fraction;
  let pointAt = whole.length - places;
  if (pointAt <= 0) {
    digits = '0'.repeat(1 - pointAt) + digits;
    pointAt = 1;
  }
  return `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

/**
 * A ratio in (0, 1]: a number, or text `"0.05"`, `"5%"`, `"5％"`, `"5‰"`. Percent text is converted by
 * moving the decimal point in the text (exact: `"7%"` → `0.07`, whose shortest decimal form is 7/100).
 * Else `INVALID_RATIO`.
 */
export function readRatio(value: unknown, issues: Issues, row: number, field: string, sub?: string | number): number | undefined {
  let ratio: number | undefined;
  if (typeof value === 'number') ratio = value;
  else if (typeof value === 'string') {
    const match = /^(\d+(?:\.\d+)?)\s*([%％‰]?)$/.exec(value.trim());
    if (match !== null) {
      const digits = match[1]!;
      const unit = match[2];
      ratio = Number(unit === '' ? digits : shiftDecimal(digits, unit === '‰' ? 3 : 2));
    }
  }
  if (ratio !== undefined && ratio > 0 && ratio <= 1) return ratio;
  pushIssue(issues, 'INVALID_RATIO', pathOf(row, field, sub), `${nameOf(field, sub)} 应为 (0, 1] 内的比例（如 0.05 或 5%），收到 ${show(value)}`, `${nameOf(field, sub)} must be a ratio in (0, 1] (e.g. 0.05 or 5%); received ${show(value)}`, value);
  return undefined;
}

/** A six-digit 行政区划代码 (GB/T 2260): text of six digits, or a six-digit number. Else `INVALID_REGION_CODE`. */
export function readRegionCode(value: unknown, issues: Issues, row: number, field: string, sub?: string | number): string | undefined {
  const text = typeof value === 'string' ? trimText(value) : typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : undefined;
  if (text !== undefined && text.length === 6) {
    let ok = true;
    for (let i = 0; i < 6; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) ok = false;
    }
    if (ok) return text;
  }
  pushIssue(issues, 'INVALID_REGION_CODE', pathOf(row, field, sub), `行政区划代码应为 6 位数字，收到 ${show(value)}`, `a region code (GB/T 2260) has six digits; received ${show(value)}`, value);
  return undefined;
}

/** Reports a value outside a closed vocabulary. */
export function unknownLabel(issues: Issues, code: RegisterIssueCode, path: readonly (string | number)[], termZh: string, termEn: string, value: unknown, allowed: string): void {
  pushIssue(issues, code, path, `未知的${termZh}：${show(value)}（可用：${allowed}）`, `unknown ${termEn}: ${show(value)} (allowed: ${allowed})`, value);
}

/** FNV-1a hash of the UTF-16 code units of `key` (32-bit, signed). */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 0;
}

/**
 * An insert-only string → first-row table with open addressing over one `Int32Array` of
 * `[hash, entry]` pairs (FNV-1a of the UTF-16 code units). A probe reads one cache line and compares
 * strings only when the full hashes match. About twice as fast as a `Map` for a million ids, and
 * nothing depends on iteration order.
 */
class FirstRowTable {
  private readonly keys: string[] = [];
  private readonly rows: number[] = [];
  /** Pairs `[hash, entry]`: entry 0 = empty slot, else index + 1 into `keys`/`rows`. */
  private table: Int32Array;
  private mask: number;

  /** `expected`: a hint of how many keys will come (sizes the table once). */
  constructor(expected: number) {
    let size = 1 << 12;
    while (size < expected * 2 + 2 && size < 1 << 26) size *= 2;
    this.table = new Int32Array(size * 2);
    this.mask = size - 1;
  }

  /** The first row recorded for `key` (whose {@link hashKey} is `hash`), or −1 after recording `row` as the first. */
  firstOrAdd(key: string, hash: number, row: number): number {
    const table = this.table;
    const mask = this.mask;
    let slot = hash & mask;
    for (;;) {
      const entry = table[2 * slot + 1]!;
      if (entry === 0) break;
      if (table[2 * slot] === hash && this.keys[entry - 1] === key) return this.rows[entry - 1]!;
      slot = (slot + 1) & mask;
    }
    this.keys.push(key);
    this.rows.push(row);
    table[2 * slot] = hash;
    table[2 * slot + 1] = this.keys.length;
    if (this.keys.length * 2 > mask) this.grow();
    return -1;
  }

  private grow(): void {
    const old = this.table;
    const size = (this.mask + 1) * 2;
    const table = new Int32Array(size * 2);
    const mask = size - 1;
    for (let s = 0; s < old.length; s += 2) {
      const entry = old[s + 1]!;
      if (entry === 0) continue;
      const hash = old[s]!;
      let slot = hash & mask;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = hash;
      table[2 * slot + 1] = entry;
    }
    this.table = table;
    this.mask = mask;
  }
}

/**
 * Reports one repeat: the first row once (per finder), then the repeating row. Both messages name both rows.
 * `key` is the compared (NFC) form; `writtenEarlier` / `writtenLater` are the values as the rows write them,
 * named in the messages when they differ from each other (equal only after NFC normalisation).
 */
function reportDuplicate(
  issues: Issues,
  reported: Set<number>,
  code: RegisterIssueCode,
  tail: readonly string[],
  termZh: string,
  termEn: string,
  key: string,
  earlier: number,
  rowIndex: number,
  writtenEarlier: string = key,
  writtenLater: string = key,
): void {
  const message = (row: number, other: number, written: string, otherWritten: string): [string, string] =>
    written === otherWritten
      ? [`${termZh} ${JSON.stringify(written)} 重复：第 ${row} 行与第 ${other} 行（从 0 计）`, `duplicate ${termEn} ${JSON.stringify(written)}: rows ${row} and ${other} (from 0)`]
      : [
        `${termZh}重复：第 ${row} 行的 ${JSON.stringify(written)} 与第 ${other} 行的 ${JSON.stringify(otherWritten)}（从 0 计）写法不同，但经 Unicode NFC 规范化后相同（抽取按规范化后的形式比较编号），是同一个${termZh}`,
        `duplicate ${termEn}: ${JSON.stringify(written)} in row ${row} and ${JSON.stringify(otherWritten)} in row ${other} (from 0) are spelt differently but are equal after Unicode NFC normalisation (the form in which the draw compares ids)`,
      ];
  if (!reported.has(earlier)) {
    reported.add(earlier);
    const [zh, en] = message(earlier, rowIndex, writtenEarlier, writtenLater);
    pushIssue(issues, code, [earlier, ...tail], zh, en, writtenEarlier);
  }
  const [zh, en] = message(rowIndex, earlier, writtenLater, writtenEarlier);
  pushIssue(issues, code, [rowIndex, ...tail], zh, en, writtenLater);
}

/**
 * Duplicate detection: the first row of each key is remembered; on a repeat both rows get an issue (the
 * first one once), so a user sees every row involved. Keys are compared in NFC ({@link idKey}), the form in
 * which the draw compares ids.
 */
export class DuplicateFinder {
  private readonly first: FirstRowTable;
  private readonly reported = new Set<number>();
  private readonly tail: readonly string[];
  /** The value as written in each first row whose spelling is not its NFC key. */
  private readonly written = new Map<number, string>();

  constructor(
    private readonly code: RegisterIssueCode,
    path: string | readonly string[],
    private readonly termZh: string,
    private readonly termEn: string,
    expected = 0,
  ) {
    this.first = new FirstRowTable(expected);
    this.tail = typeof path === 'string' ? [path] : path;
  }

  /** Logs `value` (as written) at `rowIndex`, reporting a repeat of its NFC form. */
  add(value: string, rowIndex: number, issues: Issues): void {
    const key = idKey(value);
    const earlier = this.first.firstOrAdd(key, hashKey(key), rowIndex);
    if (earlier < 0) {
      if (key !== value) this.written.set(rowIndex, value);
      return;
    }
    reportDuplicate(issues, this.reported, this.code, this.tail, this.termZh, this.termEn, key, earlier, rowIndex, this.written.get(earlier) ?? key, value);
  }
}

function grown(array: Int32Array, length: number): Int32Array {
  const bigger = new Int32Array(Math.max(length * 2, 1024));
  bigger.set(array.subarray(0, length));
  return bigger;
}

/**
 * Duplicate detection for big registers, same results as {@link DuplicateFinder} but deferred: while
 * parsing, each key is only logged (key, hash, row, and `mark` — where in the issue list an inline check
 * would have put its reports). {@link insertDuplicateIssues} then finds the repeats at the end: one pass
 * partitions the log by the top bits of the hashes, and each partition is checked with a small table that
 * stays in cache. A million random probes into a 16 MB table cost more than the rest of the row.
 */
export class DeferredDuplicateFinder {
  private readonly keys: string[];
  private hashes: Int32Array;
  private rows: Int32Array;
  private marks: Int32Array;
  private count = 0;
  /** The value as written, for entries whose spelling is not their key (equal only after NFC). */
  private readonly written = new Map<number, string>();
  readonly tail: readonly string[];

  /** `expected`: a hint of how many keys will come (sizes the log once). */
  constructor(
    readonly code: RegisterIssueCode,
    path: string | readonly string[],
    readonly termZh: string,
    readonly termEn: string,
    expected = 0,
  ) {
    const size = Math.max(expected, 1024);
    this.keys = new Array<string>(expected);
    this.hashes = new Int32Array(size);
    this.rows = new Int32Array(size);
    this.marks = new Int32Array(size);
    this.tail = typeof path === 'string' ? [path] : path;
  }

  /**
   * Logs `key` (whose {@link hashKey} is `hash`) at `rowIndex`; `mark` is the issue count at this point of the
   * row. `written`: the value as the row writes it, when `key` is its NFC form ({@link idKey}) and differs.
   */
  add(key: string, hash: number, rowIndex: number, mark: number, written?: string): void {
    const n = this.count;
    if (written !== undefined && written !== key) this.written.set(n, written);
    if (n === this.hashes.length) {
      this.hashes = grown(this.hashes, n);
      this.rows = grown(this.rows, n);
      this.marks = grown(this.marks, n);
    }
    if (n < this.keys.length) this.keys[n] = key;
    else this.keys.push(key);
    this.hashes[n] = hash;
    this.rows[n] = rowIndex;
    this.marks[n] = mark;
    this.count = n + 1;
  }

  /** The logged key, row and mark of entry `e`, and its value as written. */
  keyOf(e: number): string {
    return this.keys[e]!;
  }
  writtenOf(e: number): string {
    return this.written.get(e) ?? this.keys[e]!;
  }
  rowOf(e: number): number {
    return this.rows[e]!;
  }
  markOf(e: number): number {
    return this.marks[e]!;
  }

  /** Pairs `[entry, first entry with the same key]` for every repeat, in log (row) order. */
  repeats(): number[] {
    const n = this.count;
    const out: number[] = [];
    if (n < 2) return out;
    const hashes = this.hashes;
    // Partition entries by the top bits of their hash (stable, so each partition stays in row order).
    let bits = 0;
    while (bits < 16 && n >> bits > 2048) bits++;
    const shift = 32 - bits;
    const starts = new Int32Array((1 << bits) + 1);
    if (bits > 0) for (let e = 0; e < n; e++) starts[(hashes[e]! >>> shift) + 1]!++;
    else starts[1] = n;
    for (let b = 0; b < 1 << bits; b++) starts[b + 1]! += starts[b]!;
    const order = new Int32Array(n);
    const fill = starts.slice(0, 1 << bits);
    for (let e = 0; e < n; e++) order[fill[bits > 0 ? hashes[e]! >>> shift : 0]!++] = e;
    // Each partition: open addressing on the low bits; slots hold entry + 1 (0 = empty).
    let largest = 0;
    for (let b = 0; b < 1 << bits; b++) largest = Math.max(largest, starts[b + 1]! - starts[b]!);
    let size = 16;
    while (size < largest * 2) size *= 2;
    const table = new Int32Array(size);
    for (let b = 0; b < 1 << bits; b++) {
      const from = starts[b]!;
      const to = starts[b + 1]!;
      if (to - from < 2) continue;
      let mask = 15;
      while (mask + 1 < (to - from) * 2) mask = mask * 2 + 1;
      table.fill(0, 0, mask + 1);
      for (let i = from; i < to; i++) {
        const e = order[i]!;
        const hash = hashes[e]!;
        let slot = hash & mask;
        for (;;) {
          const entry = table[slot]!;
          if (entry === 0) {
            table[slot] = e + 1;
            break;
          }
          if (hashes[entry - 1] === hash && this.keys[entry - 1] === this.keys[e]) {
            out.push(e, entry - 1);
            break;
          }
          slot = (slot + 1) & mask;
        }
      }
    }
    // Back to log order (partitions interleave rows).
    if (out.length > 2) {
      const pairs: [number, number][] = [];
      for (let i = 0; i < out.length; i += 2) pairs.push([out[i]!, out[i + 1]!]);
      pairs.sort((a, b) => a[0] - b[0]);
      for (let i = 0; i < pairs.length; i++) {
        out[2 * i] = pairs[i]![0];
        out[2 * i + 1] = pairs[i]![1];
      }
    }
    return out;
  }
}

/**
 * Returns `issues` with the duplicate reports of `finders` inserted where inline {@link DuplicateFinder}s,
 * called in `finders` order at each row's mark, would have pushed them. Returns `issues` itself when no key
 * repeats.
 */
export function insertDuplicateIssues<C extends RegisterIssueCode>(issues: DataIssue<C>[], finders: readonly DeferredDuplicateFinder[]): DataIssue<C>[] {
  const events: { row: number; finder: number; entry: number; first: number }[] = [];
  for (let f = 0; f < finders.length; f++) {
    const repeats = finders[f]!.repeats();
    for (let i = 0; i < repeats.length; i += 2) {
      events.push({ row: finders[f]!.rowOf(repeats[i]!), finder: f, entry: repeats[i]!, first: repeats[i + 1]! });
    }
  }
  if (events.length === 0) return issues;
  events.sort((a, b) => a.row - b.row || a.finder - b.finder);
  const reported = finders.map(() => new Set<number>());
  const out: DataIssue<C>[] = [];
  let next = 0;
  for (const event of events) {
    const finder = finders[event.finder]!;
    const mark = finder.markOf(event.entry);
    while (next < mark) out.push(issues[next++]!);
    reportDuplicate(
      out, reported[event.finder]!, finder.code, finder.tail, finder.termZh, finder.termEn, finder.keyOf(event.entry), finder.rowOf(event.first), event.row,
      finder.writtenOf(event.first), finder.writtenOf(event.entry),
    );
  }
  while (next < issues.length) out.push(issues[next++]!);
  return out;
}

/** Orders issues by row index (stable), since duplicate reports for an earlier row are found later. */
export function sortIssues<C extends string>(issues: readonly DataIssue<C>[]): readonly DataIssue<C>[] {
  const sorted = issues.slice().sort((a, b) => {
    const ra = typeof a.path[0] === 'number' ? a.path[0] : -1;
    const rb = typeof b.path[0] === 'number' ? b.path[0] : -1;
    return ra - rb;
  });
  return Object.freeze(sorted);
}
