import type { DataIssue, ParseResult } from '../errors.js';
import type { InspectorRegisterIssueCode } from './inspector-register-issue-code.js';
import { OPEN_ENDED, type Certificate, type Inspector } from './inspector.js';
import { INSPECTOR_HEADERS, INSPECTOR_INPUT_FIELDS } from './inspector-headers.js';
import type { InspectorInputField } from './inspector-headers.js';
import { INSPECTOR_STATUS_LABELS } from './internals/labels.js';
import {
  ColumnReader, DuplicateFinder, buildHeaderMap, checkRow, forEachRow, lookupLabel, missing, pushIssue,
  readBoolean, readDate, readId, readRegionCode, readText, readTextList, sortIssues, unknownFieldRule, unknownLabel,
} from './internals/register-core.js';
import type { Issues } from './internals/register-core.js';
import type { RegisterParseOptions } from './register-parse-options.js';
import type { InspectorStatus } from './vocabulary.js';

/**
 * Options of {@link parseInspectorRegister}.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const options: ParseInspectorRegisterOptions = { headers: { 证号: 'certificateNumber' } };
 * ```
 */
export type ParseInspectorRegisterOptions = RegisterParseOptions<InspectorInputField>;

/**
 * 执法检查人员名录库 — a parsed, frozen inspector register.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const result = parseInspectorRegister([]);
 * const register: InspectorRegister = result.success ? result.data : [];
 * ```
 */
export type InspectorRegister = readonly Inspector[];

const ID = 0, NAME = 1, DEPARTMENT = 2, UNIT = 3, POSITION = 4, EXPERTISE = 5, CERT = 6, CERT_NUMBER = 7,
  CERT_ISSUER = 8, CERT_FROM = 9, CERT_TO = 10, STATUS = 11, IS_EXPERT = 12, REGION = 13;
const EMPTY: readonly never[] = Object.freeze([]);

interface CertificateRead {
  readonly certificate: Certificate | undefined;
  /** The number even when other certificate fields have problems (for duplicate detection and the id). */
  readonly number: string | undefined;
}
const NO_CERTIFICATE: CertificateRead = { certificate: undefined, number: undefined };

/** Cells that state an open-ended certificate (长期有效); nothing else does — an empty cell is a missing end date. */
const OPEN_ENDED_CELLS: readonly string[] = ['长期', '长期有效', '永久', '永久有效', '无固定期限', OPEN_ENDED];

/**
 * 有效期止: a date, or one of {@link OPEN_ENDED_CELLS} for a certificate without an end date. A certificate whose end
 * date is missing is `CERTIFICATE_END_MISSING`: a missing column never makes a certificate valid for ever.
 */
function readCertificateEnd(cell: unknown, issues: Issues, row: number): string | undefined {
  const path = [row, 'certificate', 'validTo'];
  if (cell === undefined) {
    pushIssue(issues, 'CERTIFICATE_END_MISSING', path, '执法证缺少有效期止：请填写截止日期，长期有效的请填“长期”', 'the certificate has no end date (validTo): give the date, or 长期 (open-ended) for a certificate without one');
    return undefined;
  }
  if (typeof cell === 'string' && OPEN_ENDED_CELLS.includes(cell.trim())) return OPEN_ENDED;
  return readDate(cell, issues, row, 'certificate', 'validTo');
}

function readCertificate(values: unknown[], row: number, issues: Issues): CertificateRead {
  const whole = values[CERT];
  const flat = [values[CERT_NUMBER], values[CERT_ISSUER], values[CERT_FROM], values[CERT_TO]];
  const path = [row, 'certificate'];
  let cells: unknown[];
  if (whole !== undefined) {
    if (flat.some((cell) => cell !== undefined)) {
      pushIssue(issues, 'CONFLICTING_COLUMNS', path, '执法证同时以整体字段和分列（执法证号、有效期…）给出', 'certificate is given both whole and as separate columns');
      return NO_CERTIFICATE;
    }
    if (typeof whole !== 'object' || whole === null || Array.isArray(whole)) {
      pushIssue(issues, 'INVALID_TYPE', path, 'certificate 应为 {number, issuer, validFrom, validTo} 对象', 'certificate must be a {number, issuer, validFrom, validTo} object', whole);
      return NO_CERTIFICATE;
    }
    const record = whole as Record<string, unknown>;
    const keys = ['number', 'issuer', 'validFrom', 'validTo'];
    for (const key of Object.keys(record)) {
      if (!keys.includes(key)) pushIssue(issues, 'UNKNOWN_FIELD', [...path, key], `执法证中有未知字段 ${JSON.stringify(key)}`, `unknown field ${JSON.stringify(key)} in certificate`);
    }
    cells = keys.map((key) => (Object.prototype.hasOwnProperty.call(record, key) && record[key] !== null && !(typeof record[key] === 'string' && (record[key] as string).trim() === '') ? record[key] : undefined));
  } else {
    if (flat.every((cell) => cell === undefined)) return NO_CERTIFICATE;
    cells = flat;
  }
  const before = issues.length;
  const number = readId(cells[0], issues, row, 'certificate', 'number');
  if (cells[0] === undefined) missing(issues, [...path, 'number'], '执法证号');
  const issuer = readText(cells[1], issues, row, 'certificate', 'issuer');
  const validFrom = cells[2] === undefined ? undefined : readDate(cells[2], issues, row, 'certificate', 'validFrom');
  const validTo = readCertificateEnd(cells[3], issues, row);
  if (validFrom !== undefined && validTo !== undefined && validTo !== OPEN_ENDED && validTo < validFrom) {
    pushIssue(issues, 'CERTIFICATE_ENDS_BEFORE_START', [...path, 'validTo'], `执法证有效期止（${validTo}）早于有效期起（${validFrom}）`, `the certificate ends (${validTo}) before it starts (${validFrom})`, validTo);
  }
  if (issues.length !== before || number === undefined || validTo === undefined) return { certificate: undefined, number };
  const certificate: { -readonly [K in keyof Certificate]: Certificate[K] } = { number, validTo };
  if (issuer !== undefined) certificate.issuer = issuer;
  if (validFrom !== undefined) certificate.validFrom = validFrom;
  return { certificate: Object.freeze(certificate), number };
}

function buildInspector(values: unknown[], row: number, issues: Issues, ids: DuplicateFinder, numbers: DuplicateFinder): Inspector | undefined {
  const before = issues.length;
  const { certificate, number } = readCertificate(values, row, issues);
  if (number !== undefined) numbers.add(number, row, issues);
  let id = readId(values[ID], issues, row, 'id');
  if (values[ID] === undefined) {
    if (number !== undefined) id = number;
    else if (values[CERT] === undefined && values[CERT_NUMBER] === undefined) missing(issues, [row, 'id'], '编号（无执法证号时必填）');
  }
  if (id !== undefined) ids.add(id, row, issues);
  const name = readText(values[NAME], issues, row, 'name');
  if (values[NAME] === undefined) missing(issues, [row, 'name'], '姓名');
  const department = readText(values[DEPARTMENT], issues, row, 'department');
  if (values[DEPARTMENT] === undefined) missing(issues, [row, 'department'], '所属部门');
  const unit = readText(values[UNIT], issues, row, 'unit');
  const position = readText(values[POSITION], issues, row, 'position');
  const expertise = values[EXPERTISE] === undefined ? EMPTY : readTextList(values[EXPERTISE], issues, row, 'expertise');
  let status: InspectorStatus = 'active';
  if (values[STATUS] !== undefined) {
    const text = readText(values[STATUS], issues, row, 'status');
    if (text !== undefined) {
      const found = lookupLabel(INSPECTOR_STATUS_LABELS, text);
      if (found === undefined) unknownLabel(issues, 'UNKNOWN_STATUS', [row, 'status'], '人员状态', 'inspector status', values[STATUS], 'active/在岗, suspended/暂停执法');
      else status = found;
    }
  }
  const isExpert = values[IS_EXPERT] === undefined ? false : readBoolean(values[IS_EXPERT], issues, row, 'isExpert');
  const regionCode = values[REGION] === undefined ? undefined : readRegionCode(values[REGION], issues, row, 'regionCode');
  if (issues.length !== before || id === undefined || name === undefined || department === undefined || expertise === undefined || isExpert === undefined) return undefined;
  const inspector: { -readonly [K in keyof Inspector]: Inspector[K] } = { id } as Inspector;
  inspector.name = name;
  inspector.department = department;
  if (unit !== undefined) inspector.unit = unit;
  if (position !== undefined) inspector.position = position;
  inspector.expertise = expertise === EMPTY ? EMPTY : Object.freeze(expertise);
  if (certificate !== undefined) inspector.certificate = certificate;
  inspector.status = status;
  inspector.isExpert = isExpert;
  if (regionCode !== undefined) inspector.regionCode = regionCode;
  return Object.freeze(inspector);
}

/**
 * 执法检查人员名录库导入 — parses a whole inspector register from plain rows into frozen, typed
 * {@link Inspector} records, or returns **every** problem found. Column and value rules are those of
 * {@link parseEntityRegister} (see {@link RegisterParseOptions}), with headers from {@link INSPECTOR_HEADERS}.
 *
 * - The certificate comes from a `certificate` object or the columns 执法证号, 发证机关, 有效期起, 有效期止;
 *   dates may be `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日` or `YYYYMMDD`.
 * - `id` defaults to the certificate number; without a certificate the row needs an `id`. Ids and certificate
 *   numbers follow the one id rule of {@link parseEntityRegister}: used exactly as written (never trimmed; outer
 *   white space, control characters, lone surrogates or more than 1,024 UTF-8 bytes are `INVALID_ID`) and compared
 *   in Unicode NFC (`DUPLICATE_ID`, `DUPLICATE_CERTIFICATE_NUMBER` for spellings equal after NFC). Text is
 *   well-formed Unicode of at most 65,534 UTF-8 bytes (`INVALID_TEXT`, `FIELD_TOO_LONG`).
 * - 人员状态 在岗/正常 → `active`, 暂停/暂停执法/停职 → `suspended` (default `active`); 是否专家 是/否 (default 否).
 * - Issue codes: those of the entity parser that apply, plus `INVALID_DATE`, `CERTIFICATE_ENDS_BEFORE_START`,
 *   `UNKNOWN_STATUS`, `DUPLICATE_ID`, `DUPLICATE_CERTIFICATE_NUMBER` (both rows reported).
 *
 * @param rows - 执法检查人员名录库的行: the rows of the inspector register, plain objects keyed by field names or Chinese headers
 * @param options - extra column headers and what to do with unknown columns ({@link RegisterParseOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link ModelsErrorCode}
 * @group Models
 *
 * @example
 * ```ts
 * const result = parseInspectorRegister([
 *   { 姓名: '检查员甲-001', 所属部门: '市场监管局', 执法证号: 'ZF-0001', 有效期起: '2024-01-01', 有效期止: '2028-12-31', 是否专家: '否' },
 * ]);
 * if (result.success) console.log(result.data[0]?.id); // 'ZF-0001'
 * ```
 */
export function parseInspectorRegister(rows: Iterable<unknown>, options?: ParseInspectorRegisterOptions): ParseResult<InspectorRegister, InspectorRegisterIssueCode> {
  const reader = new ColumnReader(INSPECTOR_INPUT_FIELDS, buildHeaderMap(INSPECTOR_INPUT_FIELDS, INSPECTOR_HEADERS, options), unknownFieldRule(options), [ID, CERT_NUMBER]);
  const issues: DataIssue<InspectorRegisterIssueCode>[] = [];
  const inspectors: Inspector[] = [];
  const ids = new DuplicateFinder('DUPLICATE_ID', 'id', '编号', 'id');
  const numbers = new DuplicateFinder('DUPLICATE_CERTIFICATE_NUMBER', ['certificate', 'number'], '执法证号', 'certificate number');
  forEachRow(rows, '执法检查人员名录', 'the inspector register', (row, index) => {
    if (!checkRow(row, index, issues)) return;
    const inspector = buildInspector(reader.read(row, index, issues), index, issues, ids, numbers);
    if (inspector !== undefined && issues.length === 0) inspectors.push(inspector);
  });
  if (issues.length > 0) return { success: false, issues: sortIssues(issues) };
  return { success: true, data: Object.freeze(inspectors) };
}
