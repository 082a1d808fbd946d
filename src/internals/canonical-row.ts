/**
 * The one canonicalisation of what a draw reads (docs/spec.md §1.1 and §4.1). The register parsers, the draw,
 * `registerDigest`, verification and the CLI all go through `canonicalRow`, so that:
 *
 * - every value the draw reads is read **once**, from an own property, into a fresh plain object; the digest,
 *   the filter, the strata, the weights and the tickets all read that object and nothing else (a getter or a
 *   prototype cannot show the digest one value and the filter another);
 * - every such value is either encoded injectively (well-formed strings, sets as sorted distinct values) or
 *   refused with `INVALID_ID` / `INVALID_ENTITY` and the path `[row, field, …]` before anything is hashed.
 *
 * @module
 */
import { ShuangsuijiError } from '../errors.js';
import { compareCodePoints } from './compare.js';

/** Maximum UTF-8 length of an id or a label, in bytes. */
export const MAX_ID_BYTES = 1024;
/** Maximum UTF-8 length of any other string a draw reads (the u16 length prefix of §4.1 holds length + 1). */
export const MAX_FIELD_BYTES = 65534;
/** Largest complaint count the row encoding holds (u32). */
export const MAX_COMPLAINT_COUNT = 0xffffffff;

/** The closed vocabularies of the fields a draw reads (docs/spec.md §4.1). */
export const KIND_VALUES: readonly string[] = ['enterprise', 'individual-business', 'farmer-cooperative', 'other'];
export const STATUS_VALUES: readonly string[] = ['active', 'deregistered', 'revoked', 'cancelled', 'moved-out'];
export const RISK_CLASS_VALUES: readonly string[] = ['A', 'B', 'C', 'D'];
export const LIST_VALUES: readonly string[] = ['abnormal-operations', 'serious-violations'];

/** Optional free-text fields a draw reads. */
export const FREE_TEXT_FIELDS = ['industry', 'scale', 'regionCode', 'registrationAuthority', 'supervisingUnit'] as const;


/**
 * A register row as the draw reads it: canonical id (NFC), vocabulary values checked, free text well-formed and
 * within the length limit, `lists` and `tags` as their distinct values in code-point order.
 */
export interface CanonicalRow {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly riskClass: string | undefined;
  readonly industry: string | undefined;
  readonly scale: string | undefined;
  readonly regionCode: string | undefined;
  readonly registrationAuthority: string | undefined;
  readonly supervisingUnit: string | undefined;
  readonly lists: readonly string[];
  readonly tags: readonly string[];
  readonly complaintCount: number;
}

/** One problem of a row: the code, the path and the messages. */
export interface RowProblem {
  readonly code: 'INVALID_ID' | 'INVALID_ENTITY';
  readonly path: readonly (string | number)[];
  readonly messageZh: string;
  readonly messageEn: string;
}

function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/** White space at either end of an id (ASCII or Unicode `\s`): refused, never trimmed silently. */
function hasOuterSpace(text: string): boolean {
  return /^\s|\s$/u.test(text);
}

/** UTF-8 length of a string, or -1 when it holds a lone surrogate. */
export function utf8LengthChecked(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return -1;
      n += 4;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return -1;
    else n += 3;
  }
  return n;
}

/** UTF-8 length of a well-formed string. */
export function utf8Length(text: string): number {
  return utf8LengthChecked(text);
}

/**
 * Why a value is not a valid id, or undefined. The one id rule (spec §1.1): a non-empty string, no control
 * character (U+0000–U+001F, U+007F–U+009F), no lone surrogate, no white space at either end, NFC form at most
 * 1024 UTF-8 bytes.
 */
export function idProblem(value: unknown): { zh: string; en: string } | undefined {
  if (typeof value !== 'string') return { zh: '不是字符串', en: 'not a string' };
  if (value.length === 0) return { zh: '为空', en: 'empty' };
  if (isPlainAscii(value)) {
    if (value.length > MAX_ID_BYTES) return { zh: '超过 1024 字节', en: 'longer than 1024 bytes' };
    if (value.charCodeAt(0) === 0x20 || value.charCodeAt(value.length - 1) === 0x20) return { zh: '首尾含空白', en: 'has white space at the start or end' };
    return undefined;
  }
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return { zh: '含控制字符', en: 'contains a control character' };
  }
  const bytes = utf8LengthChecked(value);
  if (bytes < 0) return { zh: '含不成对的代理项', en: 'contains a lone surrogate' };
  if (hasOuterSpace(value)) return { zh: '首尾含空白', en: 'has white space at the start or end' };
  if (bytes > MAX_ID_BYTES * 3) return { zh: '超过 1024 字节', en: 'longer than 1024 bytes' };
  if (utf8Length(value.normalize('NFC')) > MAX_ID_BYTES) return { zh: '超过 1024 字节', en: 'longer than 1024 bytes' };
  return undefined;
}

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Printable ASCII without outer spaces, at most 1024 bytes: valid and already NFC. */
function isFastId(value: string): boolean {
  return value.length > 0 && value.length <= MAX_ID_BYTES && isPlainAscii(value) && value.charCodeAt(0) !== 0x20 && value.charCodeAt(value.length - 1) !== 0x20;
}

/** Returns the canonical form (NFC) of an id, or throws `INVALID_ID` at `path`. */
export function canonicalIdOrThrow(value: unknown, path: readonly (string | number)[]): string {
  if (typeof value === 'string' && isFastId(value)) return value;
  const problem = idProblem(value);
  if (problem !== undefined) {
    throw new ShuangsuijiError('INVALID_ID', `标识无效（${problem.zh}）：${shown(value)}`, `invalid id (${problem.en}): ${shown(value)}`, { path });
  }
  const text = value as string;
  return isPlainAscii(text) ? text : text.normalize('NFC');
}

type Report = (problem: RowProblem) => void;

const FIELD_NAMES_ZH: Readonly<Record<string, string>> = {
  id: '标识', kind: '检查对象类型', status: '登记状态', riskClass: '信用风险分类', industry: '所属行业', scale: '企业规模',
  regionCode: '行政区划代码', registrationAuthority: '登记机关', supervisingUnit: '属地监管单位', lists: '名单', tags: '标签',
  complaintCount: '投诉举报数',
};

function entityProblem(report: Report, path: readonly (string | number)[], zh: string, en: string): void {
  const field = path.find((p) => typeof p === 'string') as string | undefined;
  const row = path[0];
  const name = field === undefined ? '' : `${FIELD_NAMES_ZH[field] ?? field}（${field}）`;
  report({
    code: 'INVALID_ENTITY',
    path,
    messageZh: `第 ${String(row)} 行${name === '' ? '' : `的 ${name}`}${zh}`,
    messageEn: `row ${String(row)}${field === undefined ? '' : `, ${field}`}: ${en}`,
  });
}

/** `String.prototype.isWellFormed` (native in Node 20 and current browsers), else a scan. */
const nativeWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;
function isWellFormed(value: string): boolean {
  return nativeWellFormed !== undefined ? nativeWellFormed.call(value) : utf8LengthChecked(value) >= 0;
}

/** The path of a field (built only when there is a problem: the common case allocates nothing). */
function at(index: number, field: string, element: number): (string | number)[] {
  return element < 0 ? [index, field] : [index, field, element];
}

/** Checks one string a draw reads (not the id); returns it or undefined after reporting. */
function readString(value: unknown, report: Report, index: number, field: string, element: number, vocabulary?: readonly string[]): string | undefined {
  if (typeof value !== 'string') {
    entityProblem(report, at(index, field, element), `应为字符串，收到 ${shown(value)}`, `must be a string; received ${shown(value)}`);
    return undefined;
  }
  if (vocabulary !== undefined) {
    if (!vocabulary.includes(value)) {
      entityProblem(report, at(index, field, element), `不是可用值（${vocabulary.join('、')}）之一：${shown(value)}`, `is not one of ${vocabulary.join(', ')}: ${shown(value)}`);
      return undefined;
    }
    return value;
  }
  if (value.length === 0) {
    entityProblem(report, at(index, field, element), '为空字符串（无值时请省略该字段）', 'is the empty string (omit the field when there is no value)');
    return undefined;
  }
  // Fast path: well-formed and short enough that even 3 bytes a code unit stays within the limit.
  if (value.length <= MAX_FIELD_BYTES / 3 && isWellFormed(value)) return value;
  const bytes = utf8LengthChecked(value);
  if (bytes < 0) {
    entityProblem(report, at(index, field, element), '含不成对的代理项（不是合法的 Unicode 文本）', 'contains a lone surrogate (not well-formed Unicode text)');
    return undefined;
  }
  if (bytes > MAX_FIELD_BYTES) {
    entityProblem(report, at(index, field, element), `超过 ${MAX_FIELD_BYTES} 字节（UTF-8）`, `is longer than ${MAX_FIELD_BYTES} UTF-8 bytes`);
    return undefined;
  }
  return value;
}

function readSet(value: unknown, report: Report, index: number, field: string, vocabulary?: readonly string[]): readonly string[] | undefined {
  if (!Array.isArray(value)) {
    entityProblem(report, [index, field], `应为数组，收到 ${shown(value)}`, `must be an array; received ${shown(value)}`);
    return undefined;
  }
  if (value.length === 0) return EMPTY;
  if (value.length > 65535) {
    entityProblem(report, [index, field], '元素超过 65535 个', 'has more than 65535 elements');
    return undefined;
  }
  if (value.length === 1) {
    const only = readString(value[0], report, index, field, 0, vocabulary);
    return only === undefined ? undefined : [only];
  }
  const out: string[] = [];
  let ok = true;
  for (let i = 0; i < value.length; i++) {
    const s = readString(value[i], report, index, field, i, vocabulary);
    if (s === undefined) ok = false;
    else out.push(s);
  }
  if (!ok) return undefined;
  out.sort(compareCodePoints);
  return out.filter((s, i) => i === 0 || s !== out[i - 1]);
}

const EMPTY: readonly string[] = Object.freeze([]);

function readCount(value: unknown, report: Report, index: number): number | undefined {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > MAX_COMPLAINT_COUNT) {
    entityProblem(report, [index, 'complaintCount'], `应为 0 至 ${MAX_COMPLAINT_COUNT} 之间的整数，收到 ${typeof value === 'number' ? String(value) : shown(value)}`, `must be a whole number from 0 to ${MAX_COMPLAINT_COUNT}; received ${typeof value === 'number' ? String(value) : shown(value)}`);
    return undefined;
  }
  return value;
}

/**
 * Reads row `index` into its canonical form, reporting every problem (for the parsers); returns undefined when
 * there was any.
 */
export function inspectRow(raw: unknown, index: number, report: Report): CanonicalRow | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    entityProblem(report, [index], `不是检查对象（应为对象，收到 ${shown(raw)}）`, `is not an entity (an object was expected; received ${shown(raw)})`);
    return undefined;
  }
  let bad = false;
  let id: string | undefined;
  let kind: string | undefined, status: string | undefined, riskClass: string | undefined;
  let industry: string | undefined, scale: string | undefined, regionCode: string | undefined;
  let registrationAuthority: string | undefined, supervisingUnit: string | undefined;
  let lists: readonly string[] | undefined, tags: readonly string[] | undefined, complaintCount: number | undefined;
  let hasId = false, hasKind = false, hasStatus = false, hasLists = false, hasTags = false, hasCount = false;
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    // An own property explicitly set to undefined is absent (as in JS optional properties and JSON).
    if (value === undefined) continue;
    switch (key) {
      case 'id': {
        hasId = true;
        if (typeof value === 'string' && isFastId(value)) { id = value; break; }
        const problem = idProblem(value);
        if (problem !== undefined) {
          bad = true;
          report({ code: 'INVALID_ID', path: [index, 'id'], messageZh: `第 ${index} 行的标识无效（${problem.zh}）：${shown(value)}`, messageEn: `row ${index}: invalid id (${problem.en}): ${shown(value)}` });
        } else id = (value as string).normalize('NFC');
        break;
      }
      case 'kind': hasKind = true; if ((kind = readString(value, report, index, key, -1, KIND_VALUES)) === undefined) bad = true; break;
      case 'status': hasStatus = true; if ((status = readString(value, report, index, key, -1, STATUS_VALUES)) === undefined) bad = true; break;
      case 'riskClass': if ((riskClass = readString(value, report, index, key, -1, RISK_CLASS_VALUES)) === undefined) bad = true; break;
      case 'industry': if ((industry = readString(value, report, index, key, -1)) === undefined) bad = true; break;
      case 'scale': if ((scale = readString(value, report, index, key, -1)) === undefined) bad = true; break;
      case 'regionCode': if ((regionCode = readString(value, report, index, key, -1)) === undefined) bad = true; break;
      case 'registrationAuthority': if ((registrationAuthority = readString(value, report, index, key, -1)) === undefined) bad = true; break;
      case 'supervisingUnit': if ((supervisingUnit = readString(value, report, index, key, -1)) === undefined) bad = true; break;
      case 'lists': hasLists = true; if ((lists = readSet(value, report, index, key, LIST_VALUES)) === undefined) bad = true; break;
      case 'tags': hasTags = true; if ((tags = readSet(value, report, index, key)) === undefined) bad = true; break;
      case 'complaintCount': hasCount = true; if ((complaintCount = readCount(value, report, index)) === undefined) bad = true; break;
      // Fields of the entity model a draw does not read; any other key is refused below.
      case 'creditCode': case 'otherIdentifier': case 'name': case 'legalRepresentative': case 'address': case 'businessScope': break;
      default:
        bad = true;
        entityProblem(report, [index, key], '是未知字段（检查拼写）', `is not a field of an entity (check the spelling)`);
    }
  }
  if (!(hasId && hasKind && hasStatus && hasLists && hasTags && hasCount)) {
    const required: [boolean, string][] = [[hasId, 'id'], [hasKind, 'kind'], [hasStatus, 'status'], [hasLists, 'lists'], [hasTags, 'tags'], [hasCount, 'complaintCount']];
    for (const [has, field] of required) {
      if (has) continue;
      bad = true;
      if (field === 'id') report({ code: 'INVALID_ID', path: [index, 'id'], messageZh: `第 ${index} 行缺少标识`, messageEn: `row ${index}: the id is missing` });
      else entityProblem(report, [index, field], '缺失', 'is missing');
    }
  }
  if (bad) return undefined;
  return {
    id: id!, kind: kind!, status: status!, riskClass, industry, scale, regionCode, registrationAuthority, supervisingUnit,
    lists: lists!, tags: tags!, complaintCount: complaintCount!,
  };
}

/** The order in which a row's problems are reported (spec §1.4): the encoded fields in encoding order, then unknown keys. */
const FIELD_RANK: readonly string[] = ['id', 'kind', 'status', 'riskClass', ...FREE_TEXT_FIELDS, 'lists', 'tags', 'complaintCount'];

/** True when problem `a` comes before `b` in the fixed order (never the order of the object's keys). */
function before(a: RowProblem, b: RowProblem): boolean {
  const fa = a.path[1], fb = b.path[1];
  if (fa === undefined || fb === undefined) return fa === undefined && fb !== undefined;
  const ra = FIELD_RANK.indexOf(fa as string), rb = FIELD_RANK.indexOf(fb as string);
  const ka = ra < 0 ? FIELD_RANK.length : ra, kb = rb < 0 ? FIELD_RANK.length : rb;
  if (ka !== kb) return ka < kb;
  if (ra < 0 && fa !== fb) return compareCodePoints(fa as string, fb as string) < 0;
  return ((a.path[2] as number | undefined) ?? -1) < ((b.path[2] as number | undefined) ?? -1);
}

/**
 * Reads row `index` into its canonical form, or throws its first problem in the fixed order of spec §1.4 (the
 * id, then the encoded fields in encoding order, elements by index, then unknown keys in code-point order) as a
 * `ShuangsuijiError`, whatever the order of the object's keys.
 */
export function canonicalRow(raw: unknown, index: number): CanonicalRow {
  firstProblem = undefined;
  const row = inspectRow(raw, index, keepFirst);
  if (row === undefined) {
    const p = firstProblem!;
    firstProblem = undefined;
    throw new ShuangsuijiError(p.code, p.messageZh, p.messageEn, { path: p.path });
  }
  return row;
}

/** The first problem of the row being read (one shared reporter: no closure per row; reading is synchronous). */
let firstProblem: RowProblem | undefined;
function keepFirst(p: RowProblem): void {
  if (firstProblem === undefined || before(p, firstProblem)) firstProblem = p;
}
