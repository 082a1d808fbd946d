import type { DataIssue, ParseResult } from '../errors.js';
import type { EntityRegisterIssueCode } from './entity-register-issue-code.js';
import { inspectRow } from '../internals/canonical-row.js';
import type { RowProblem } from '../internals/canonical-row.js';
import type { Entity, OtherIdentifier } from './entity.js';
import { ENTITY_HEADERS, ENTITY_INPUT_FIELDS } from './entity-headers.js';
import type { EntityInputField } from './entity-headers.js';
import { KIND_LABELS, LIST_LABELS, RISK_LABELS, STATUS_LABELS } from './internals/labels.js';
import { MAX_COMPLAINT_COUNT } from './internals/limits.js';
import {
  ColumnReader, DeferredDuplicateFinder, buildHeaderMap, checkRow, checkText, forEachRow, hashKey, idKey, insertDuplicateIssues, lookupLabel, missing,
  pushIssue, readBoolean, readCount, readId, readIdentifier, readRegionCode, readText, readTextList, sortIssues, trimText, unknownFieldRule, unknownLabel,
} from './internals/register-core.js';
import type { Issues } from './internals/register-core.js';
import { isValidUsccFast } from './internals/uscc-core.js';
import { parseUscc } from './parse-uscc.js';
import type { RegisterParseOptions } from './register-parse-options.js';
import type { EntityKind, EntityStatus, ListMembership, RiskClass } from './vocabulary.js';

/**
 * Options of {@link parseEntityRegister}.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const options: ParseEntityRegisterOptions = { headers: { 主体全称: 'name' } };
 * ```
 */
export type ParseEntityRegisterOptions = RegisterParseOptions<EntityInputField>;

/**
 * 检查对象名录库 — a parsed, frozen entity register.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const result = parseEntityRegister([]);
 * const register: EntityRegister = result.success ? result.data : [];
 * ```
 */
export type EntityRegister = readonly Entity[];

// Slots in ENTITY_INPUT_FIELDS order.
const ID = 0, CREDIT = 1, OTHER = 2, OTHER_SCHEME = 3, OTHER_VALUE = 4, NAME = 5, KIND = 6, INDUSTRY = 7, SCALE = 8,
  REGION = 9, AUTHORITY = 10, UNIT = 11, STATUS = 12, RISK = 13, LISTS = 14, ON_ABNORMAL = 15, ON_SERIOUS = 16,
  COMPLAINTS = 17, TAGS = 18, LEGAL_REP = 19, ADDRESS = 20, SCOPE = 21;

const EMPTY: readonly never[] = Object.freeze([]);
const KINDS = 'enterprise/企业, individual-business/个体工商户, farmer-cooperative/农民专业合作社, other/其他检查对象';
const STATUSES = 'active/存续(在营、开业), deregistered/注销, revoked/吊销, cancelled/撤销, moved-out/迁出';
const RISKS = 'A/A类/信用风险低, B/B类/信用风险一般, C/C类/信用风险较高, D/D类/信用风险高, 未分类';
const LISTS_ALLOWED = 'abnormal-operations/经营异常名录, serious-violations/严重违法失信名单';

function ownValue(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function readOtherIdentifier(values: unknown[], row: number, issues: Issues): OtherIdentifier | undefined {
  const whole = values[OTHER];
  const schemeCell = values[OTHER_SCHEME];
  const valueCell = values[OTHER_VALUE];
  if (whole === undefined && schemeCell === undefined && valueCell === undefined) return undefined;
  const path: readonly (string | number)[] = [row, 'otherIdentifier'];
  if (whole !== undefined && (schemeCell !== undefined || valueCell !== undefined)) {
    pushIssue(issues, 'CONFLICTING_COLUMNS', path, '其他标识同时以整体列和“类型/值”列给出', 'otherIdentifier is given both whole and as scheme/value columns');
    return undefined;
  }
  let scheme: string | undefined;
  let value: string | undefined;
  const before = issues.length;
  if (whole !== undefined) {
    if (typeof whole === 'string') {
      const text = whole.trim();
      if (!checkText(text, issues, path)) return undefined;
      let colon = text.indexOf(':');
      if (colon < 0) colon = text.indexOf('：');
      if (colon > 0 && colon < text.length - 1) {
        scheme = text.slice(0, colon).trim();
        value = text.slice(colon + 1).trim();
      }
      if (!scheme || !value) {
        pushIssue(issues, 'INVALID_OTHER_IDENTIFIER', path, `其他标识应写作“类型:值”（如 product:P-001），收到 ${JSON.stringify(text)}`, `otherIdentifier must be written "scheme:value" (e.g. product:P-001); received ${JSON.stringify(text)}`, text);
        return undefined;
      }
    } else if (typeof whole === 'object' && whole !== null && !Array.isArray(whole)) {
      const record = whole as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (key !== 'scheme' && key !== 'value') {
          pushIssue(issues, 'UNKNOWN_FIELD', [...path, key], `其他标识中有未知字段 ${JSON.stringify(key)}`, `unknown field ${JSON.stringify(key)} in otherIdentifier`);
        }
      }
      scheme = readText(ownValue(record, 'scheme'), issues, row, 'otherIdentifier', 'scheme');
      value = readIdentifier(ownValue(record, 'value'), issues, row, 'otherIdentifier', 'value');
      if (scheme === undefined && issues.length === before) missing(issues, [...path, 'scheme'], '其他标识类型');
      if (value === undefined && issues.length === before) missing(issues, [...path, 'value'], '其他标识值');
    } else {
      pushIssue(issues, 'INVALID_OTHER_IDENTIFIER', path, '其他标识应为 {scheme, value} 对象或“类型:值”文本', 'otherIdentifier must be a {scheme, value} object or "scheme:value" text', whole);
      return undefined;
    }
  } else if (schemeCell !== undefined || valueCell !== undefined) {
    scheme = readText(schemeCell, issues, row, 'otherIdentifier', 'scheme');
    value = readIdentifier(valueCell, issues, row, 'otherIdentifier', 'value');
    if (schemeCell === undefined) missing(issues, [...path, 'scheme'], '其他标识类型');
    if (valueCell === undefined) missing(issues, [...path, 'value'], '其他标识值');
  } else return undefined;
  if (issues.length !== before || scheme === undefined || value === undefined) return undefined;
  return Object.freeze({ scheme, value });
}

const FLAG_COLUMNS = {
  'abnormal-operations': { field: 'onAbnormalOperationsList', zh: '经营异常名录', flagZh: '是否列入经营异常名录' },
  'serious-violations': { field: 'onSeriousViolationsList', zh: '严重违法失信名单', flagZh: '是否列入严重违法失信名单' },
} as const;

/**
 * Applies a 是/否 column to `out`: 是 adds the list. 否 for a list the 名单 column already put in `out` is a
 * contradiction, reported as `CONFLICTING_COLUMNS` on the flag column rather than resolved either way.
 */
function addFlag(value: unknown, list: ListMembership, out: ListMembership[], row: number, issues: Issues): boolean {
  const before = issues.length;
  const columns = FLAG_COLUMNS[list];
  const yes = readBoolean(value, issues, row, columns.field);
  if (issues.length !== before) return false;
  // The other flag never adds this list, so `out` holds it only when the 名单 column names it.
  if (yes === false && out.includes(list)) {
    pushIssue(
      issues,
      'CONFLICTING_COLUMNS',
      [row, columns.field],
      `名单列（lists）列有“${columns.zh}”，而“${columns.flagZh}”（${columns.field}）为“否”：两列相互矛盾，请更正其中一列`,
      `the lists column names ${list} (${columns.zh}) but ${columns.field} (${columns.flagZh}) says no: the two columns contradict each other; correct one of them`,
      value,
    );
    return false;
  }
  if (yes === true && !out.includes(list)) out.push(list);
  return true;
}

function readLists(values: unknown[], row: number, issues: Issues): readonly ListMembership[] | undefined {
  const cell = values[LISTS];
  const abnormal = values[ON_ABNORMAL];
  const serious = values[ON_SERIOUS];
  if (cell === undefined && abnormal === undefined && serious === undefined) return EMPTY;
  const out: ListMembership[] = [];
  let ok = true;
  if (cell !== undefined) {
    const before = issues.length;
    const labels = readTextList(cell, issues, row, 'lists');
    if (labels === undefined || issues.length !== before) ok = false;
    else {
      for (let i = 0; i < labels.length; i++) {
        const list = lookupLabel(LIST_LABELS, labels[i]!);
        if (list === undefined) {
          unknownLabel(issues, 'UNKNOWN_LIST', Array.isArray(cell) ? [row, 'lists', i] : [row, 'lists'], '名单', 'list', labels[i], LISTS_ALLOWED);
          ok = false;
        } else if (!out.includes(list) || Array.isArray(cell)) out.push(list);
      }
    }
  }
  // Only lists the 名单 column itself names (before the flags add theirs) can contradict a 否.
  if (abnormal !== undefined && !addFlag(abnormal, 'abnormal-operations', out, row, issues)) ok = false;
  if (serious !== undefined && !addFlag(serious, 'serious-violations', out, row, issues)) ok = false;
  if (ok && out.length === 0) return EMPTY;
  return ok ? Object.freeze(out) : undefined;
}

/** Shared frozen list values (entities are frozen, so identical lists may be one array). */
const ABNORMAL_ONLY: readonly ListMembership[] = Object.freeze(['abnormal-operations'] as const);
const SERIOUS_ONLY: readonly ListMembership[] = Object.freeze(['serious-violations'] as const);

/** `lists` for the common cells without the general reader: an empty list or one code written as such. */
function quickLists(values: unknown[]): readonly ListMembership[] | undefined {
  if (values[ON_ABNORMAL] !== undefined || values[ON_SERIOUS] !== undefined) return undefined;
  const cell = values[LISTS];
  if (cell === undefined) return EMPTY;
  if (!Array.isArray(cell)) return undefined;
  if (cell.length === 0) return EMPTY;
  if (cell.length === 1) {
    const only: unknown = cell[0];
    if (only === 'abnormal-operations') return ABNORMAL_ONLY;
    if (only === 'serious-violations') return SERIOUS_ONLY;
  }
  return undefined;
}

/**
 * Reads a closed-vocabulary label, remembering the first few distinct texts found (a register repeats a
 * handful of labels; comparing with them is cheaper than a dictionary look-up).
 */
class LabelReader<T> {
  private readonly texts: string[] = [];
  private readonly found: T[] = [];

  constructor(private readonly table: Readonly<Record<string, T>>) {}

  /** The value of `text`, or undefined when it is not a label. */
  lookup(text: string): T | undefined {
    const texts = this.texts;
    for (let i = 0; i < texts.length; i++) if (texts[i] === text) return this.found[i];
    const value = lookupLabel(this.table, text);
    if (value !== undefined && texts.length < 8) {
      texts.push(text);
      this.found.push(value);
    }
    return value;
  }
}

/** Per-call state of the row builder. */
interface EntityContext {
  readonly issues: Issues;
  /** Reports a problem the draw's own row check (`inspectRow`) finds in a built entity. */
  readonly reportRowProblem: (problem: RowProblem) => void;
  readonly ids: DeferredDuplicateFinder;
  readonly codes: DeferredDuplicateFinder;
  readonly kinds: LabelReader<EntityKind>;
  readonly statuses: LabelReader<EntityStatus>;
  readonly risks: LabelReader<RiskClass | null>;
}

/** Validates one row's values into an entity, or undefined when the row has problems (pushed to `issues`). */
function buildEntity(values: unknown[], row: number, context: EntityContext): Entity | undefined {
  const { issues } = context;
  const before = issues.length;

  // 统一社会信用代码 — the fast check first; the detailed parser only for bad codes.
  let creditCode: string | undefined;
  const creditCell = values[CREDIT];
  if (creditCell !== undefined) {
    const text = typeof creditCell === 'string' ? trimText(creditCell) : readIdentifier(creditCell, issues, row, 'creditCode');
    if (text !== undefined) {
      if (isValidUsccFast(text)) creditCode = text;
      else {
        const parsed = parseUscc(text);
        // `text` is a string, so parseUscc's USCC_NOT_STRING cannot arise here.
        if (!parsed.success) for (const issue of parsed.issues) pushIssue(issues, issue.code as Exclude<typeof issue.code, 'USCC_NOT_STRING'>, [row, 'creditCode'], issue.messageZh, issue.messageEn, text);
      }
    }
  }
  const otherIdentifier = readOtherIdentifier(values, row, issues);
  if (creditCell === undefined && values[OTHER] === undefined && values[OTHER_SCHEME] === undefined && values[OTHER_VALUE] === undefined) {
    pushIssue(issues, 'MISSING_IDENTIFIER', [row, 'creditCode'], '检查对象既无统一社会信用代码也无其他标识', 'the entity has neither a unified social credit code nor another identifier');
  }

  // The id is read as written (never trimmed) and must pass the draw's id rule; the credit code it defaults
  // to is a checked 18-character code, so always a valid id.
  const idCell = values[ID];
  let id = idCell === undefined ? undefined : readId(idCell, issues, row, 'id');
  if (idCell === undefined) {
    if (creditCell !== undefined) id = creditCode;
    else missing(issues, [row, 'id'], '编号（无统一社会信用代码时必填）');
  }
  // Duplicates are looked for even when the row has other problems. They are found after the last row;
  // the mark says where their issues go. Ids are compared in NFC, as the draw compares them. One hash serves
  // both logs when the id is the credit code.
  const mark = issues.length;
  if (id !== undefined) {
    const key = idKey(id);
    const hash = hashKey(key);
    context.ids.add(key, hash, row, mark, id);
    if (creditCode !== undefined) context.codes.add(creditCode, creditCode === key ? hash : hashKey(creditCode), row, mark);
  } else if (creditCode !== undefined) context.codes.add(creditCode, hashKey(creditCode), row, mark);

  const nameCell = values[NAME];
  const name = nameCell === undefined ? undefined : readText(nameCell, issues, row, 'name');
  if (nameCell === undefined) missing(issues, [row, 'name'], '名称');

  let kind: EntityKind | undefined;
  const kindCell = values[KIND];
  if (kindCell === undefined) missing(issues, [row, 'kind'], '类型');
  else {
    const text = readText(kindCell, issues, row, 'kind');
    if (text !== undefined) {
      kind = context.kinds.lookup(text);
      if (kind === undefined) unknownLabel(issues, 'UNKNOWN_KIND', [row, 'kind'], '检查对象类型', 'entity kind', kindCell, KINDS);
    }
  }

  let status: EntityStatus = 'active';
  const statusCell = values[STATUS];
  if (statusCell !== undefined) {
    const text = readText(statusCell, issues, row, 'status');
    if (text !== undefined) {
      const found = context.statuses.lookup(text);
      if (found === undefined) unknownLabel(issues, 'UNKNOWN_STATUS', [row, 'status'], '登记状态', 'registration status', statusCell, STATUSES);
      else status = found;
    }
  }

  let riskClass: RiskClass | undefined;
  const riskCell = values[RISK];
  if (riskCell !== undefined) {
    const text = readText(riskCell, issues, row, 'riskClass');
    if (text !== undefined) {
      const found = context.risks.lookup(text);
      if (found === undefined) unknownLabel(issues, 'UNKNOWN_RISK_CLASS', [row, 'riskClass'], '信用风险分类', 'credit-risk class', riskCell, RISKS);
      else if (found !== null) riskClass = found;
    }
  }

  const regionCell = values[REGION];
  const regionCode = regionCell === undefined ? undefined : readRegionCode(regionCell, issues, row, 'regionCode');
  const complaintCell = values[COMPLAINTS];
  const complaintCount = complaintCell === undefined ? 0 : readCount(complaintCell, issues, row, 'complaintCount', MAX_COMPLAINT_COUNT);
  const lists = quickLists(values) ?? readLists(values, row, issues);
  const tagCell = values[TAGS];
  let tags: readonly string[] | undefined = EMPTY;
  if (tagCell !== undefined && !(Array.isArray(tagCell) && tagCell.length === 0)) {
    const read = readTextList(tagCell, issues, row, 'tags');
    tags = read === undefined ? undefined : read.length === 0 ? EMPTY : Object.freeze(read);
  }
  const industry = readText(values[INDUSTRY], issues, row, 'industry');
  const scale = readText(values[SCALE], issues, row, 'scale');
  const registrationAuthority = readText(values[AUTHORITY], issues, row, 'registrationAuthority');
  const supervisingUnit = readText(values[UNIT], issues, row, 'supervisingUnit');
  const legalRepresentative = readText(values[LEGAL_REP], issues, row, 'legalRepresentative');
  const address = readText(values[ADDRESS], issues, row, 'address');
  const businessScope = readText(values[SCOPE], issues, row, 'businessScope');

  if (issues.length !== before || id === undefined || name === undefined || kind === undefined || lists === undefined || tags === undefined || complaintCount === undefined) {
    return undefined;
  }

  // The usual shapes of a register row are built as object literals: one allocation each, and the
  // engine can place these long-lived objects straight in the old generation. Fixed key order; absent
  // optional fields are left out (no undefined-valued keys).
  if (industry !== undefined && regionCode !== undefined && registrationAuthority !== undefined && supervisingUnit !== undefined && address !== undefined) {
    if (creditCode !== undefined && otherIdentifier === undefined && legalRepresentative !== undefined && businessScope !== undefined) {
      if (scale !== undefined) {
        return riskClass !== undefined
          ? Object.freeze({ id, creditCode, name, kind, industry, scale, regionCode, registrationAuthority, supervisingUnit, status, riskClass, lists, complaintCount, tags, legalRepresentative, address, businessScope })
          : Object.freeze({ id, creditCode, name, kind, industry, scale, regionCode, registrationAuthority, supervisingUnit, status, lists, complaintCount, tags, legalRepresentative, address, businessScope });
      }
      return riskClass !== undefined
        ? Object.freeze({ id, creditCode, name, kind, industry, regionCode, registrationAuthority, supervisingUnit, status, riskClass, lists, complaintCount, tags, legalRepresentative, address, businessScope })
        : Object.freeze({ id, creditCode, name, kind, industry, regionCode, registrationAuthority, supervisingUnit, status, lists, complaintCount, tags, legalRepresentative, address, businessScope });
    }
    if (creditCode === undefined && otherIdentifier !== undefined && scale === undefined && riskClass === undefined && legalRepresentative === undefined && businessScope === undefined) {
      return Object.freeze({ id, otherIdentifier, name, kind, industry, regionCode, registrationAuthority, supervisingUnit, status, lists, complaintCount, tags, address });
    }
  }
  const entity: { -readonly [K in keyof Entity]: Entity[K] } = { id } as Entity;
  if (creditCode !== undefined) entity.creditCode = creditCode;
  if (otherIdentifier !== undefined) entity.otherIdentifier = otherIdentifier;
  entity.name = name;
  entity.kind = kind;
  if (industry !== undefined) entity.industry = industry;
  if (scale !== undefined) entity.scale = scale;
  if (regionCode !== undefined) entity.regionCode = regionCode;
  if (registrationAuthority !== undefined) entity.registrationAuthority = registrationAuthority;
  if (supervisingUnit !== undefined) entity.supervisingUnit = supervisingUnit;
  entity.status = status;
  if (riskClass !== undefined) entity.riskClass = riskClass;
  entity.lists = lists;
  entity.complaintCount = complaintCount;
  entity.tags = tags;
  if (legalRepresentative !== undefined) entity.legalRepresentative = legalRepresentative;
  if (address !== undefined) entity.address = address;
  if (businessScope !== undefined) entity.businessScope = businessScope;
  return Object.freeze(entity);
}

/**
 * 检查对象名录库导入 — parses a whole entity register from plain rows (JSON objects, or rows of a CSV/Excel
 * export where every value may be text) into frozen, typed {@link Entity} records, or returns **every**
 * problem found.
 *
 * - Columns: field names or the Chinese headers of {@link ENTITY_HEADERS} (extend with `options.headers`);
 *   unknown columns are `UNKNOWN_FIELD` issues unless `options.unknownFields` is `'ignore'`.
 * - Values: text is trimmed (except ids, below), empty text means absent; text must be well-formed Unicode
 *   (a lone surrogate, as from a cut emoji or a damaged export, is `INVALID_TEXT`: refused, never repaired) of at
 *   most 65,534 UTF-8 bytes per field, list element or tag (`FIELD_TOO_LONG`); Chinese labels map to codes (企业 → `enterprise`,
 *   存续/在营/开业 → `active`, A类/信用风险低 → `A`, 未分类 → no class, 经营异常名录 → `abnormal-operations` …);
 *   lists may be arrays or text separated by `,`/`，`/`、`/`;`/`；` or line breaks (nothing else splits:
 *   `食品经营|网络交易/其他` is one tag); numbers in text cells become their decimal text, but an identifier
 *   (id, credit code, other identifier value) that is a number other than a safe integer, or any integer
 *   beyond ±(2^53 − 1), has lost digits in a spreadsheet and is `NUMBER_PRECISION_LOST`; 投诉举报数 is a
 *   whole number from 0 to 2^32 − 1 (what a draw accepts), possibly digit text; 是/否 columns
 *   `是否列入经营异常名录` and `是否列入严重违法失信名单` add to `lists` when 是, and 否 for a list the 名单
 *   column names is `CONFLICTING_COLUMNS` (path `[row, 'onAbnormalOperationsList' | 'onSeriousViolationsList']`).
 * - `id` defaults to the credit code; a row without a credit code must have an `id` and an
 *   `otherIdentifier` (`{scheme, value}` or text `"scheme:value"`).
 * - Ids follow the draw's one id rule (`src/internals/canonical-row.ts`, docs/spec.md §1.1) and are used
 *   **exactly as written**: an `id` cell is never trimmed, so one with white space at either end (`" E-1"`), a
 *   control character or line break, a lone surrogate, or more than 1,024 UTF-8 bytes (in NFC) is `INVALID_ID` —
 *   the id the draw hashes and its record shows is never something the register does not say. A cell of only
 *   white space is still an absent id. The credit code, a checked 18-character code, is trimmed like other text
 *   (white space cannot be part of a valid code), and an id taken from it is the code. Ids are compared in Unicode
 *   NFC, as the draw compares them: `"é"` and `"e\u0301"` in two rows are `DUPLICATE_ID` (both rows; the messages
 *   name both spellings); each row keeps its id as written.
 * - What parses, draws: every entity is also run through the draw's own row check (`inspectRow`), whose problems
 *   (none, unless the readers and the draw drift apart) would be reported as `INVALID_ID` / `INVALID_ENTITY` at
 *   `[row, field]`. No row of a register that parses cleanly is refused by the draw, and no two of its ids are
 *   one id to the draw.
 * - Issue codes: `ROW_NOT_OBJECT`, `UNKNOWN_FIELD`, `CONFLICTING_COLUMNS`, `MISSING_FIELD`, `MISSING_IDENTIFIER`,
 *   `INVALID_TYPE`, `EMPTY_VALUE`, `INVALID_TEXT`, `FIELD_TOO_LONG`, `INVALID_ID`, `USCC_LENGTH`, `USCC_INVALID_CHARACTER`,
 *   `USCC_REGION_NOT_DIGITS`, `USCC_CHECK_CHARACTER`, `INVALID_OTHER_IDENTIFIER`, `UNKNOWN_KIND`, `UNKNOWN_STATUS`,
 *   `UNKNOWN_RISK_CLASS`, `UNKNOWN_LIST`, `INVALID_BOOLEAN`, `INVALID_REGION_CODE`, `INVALID_COUNT`, `NUMBER_PRECISION_LOST`,
 *   `DUPLICATE_ID`, `DUPLICATE_CREDIT_CODE` (both rows reported), and `INVALID_ENTITY` (above). Paths are
 *   `[rowIndex, field, …]` with the output field name (for `UNKNOWN_FIELD`, the column as given). Issues are ordered by row.
 *
 * The input is never mutated and its values never reach the output unvalidated; keys such as
 * `__proto__` are ordinary unknown columns. Throws `INVALID_ARGUMENT` when `rows` is not iterable and
 * `INVALID_OPTION` for bad options.
 *
 * @param rows - 检查对象名录库的行: the rows of the entity register, plain objects keyed by field names or Chinese headers (an
 * array, or any iterable such as a `RegisterRowReader`'s rows collected)
 * @param options - extra column headers and what to do with unknown columns ({@link RegisterParseOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link ModelsErrorCode}
 * @group Models
 *
 * @example
 * ```ts
 * const result = parseEntityRegister([
 *   { 统一社会信用代码: '91350100M000100Y43', 企业名称: '示例商贸有限公司0001', 类型: '企业', 信用风险分类: 'B类' },
 * ]);
 * if (result.success) console.log(result.data[0]?.id, result.data[0]?.riskClass); // 91350100M000100Y43 B
 * else for (const issue of result.issues) console.log(issue.path, issue.messageZh);
 * ```
 */
export function parseEntityRegister(rows: Iterable<unknown>, options?: ParseEntityRegisterOptions): ParseResult<EntityRegister, EntityRegisterIssueCode> {
  const reader = new ColumnReader(ENTITY_INPUT_FIELDS, buildHeaderMap(ENTITY_INPUT_FIELDS, ENTITY_HEADERS, options), unknownFieldRule(options), [ID]);
  const issues: DataIssue<EntityRegisterIssueCode>[] = [];
  const entities: Entity[] = [];
  const expected = Array.isArray(rows) ? rows.length : 0;
  const context: EntityContext = {
    issues,
    reportRowProblem: (p) => pushIssue(issues, p.code, p.path, p.messageZh, p.messageEn),
    ids: new DeferredDuplicateFinder('DUPLICATE_ID', 'id', '编号', 'id', expected),
    codes: new DeferredDuplicateFinder('DUPLICATE_CREDIT_CODE', 'creditCode', '统一社会信用代码', 'credit code', expected),
    kinds: new LabelReader(KIND_LABELS),
    statuses: new LabelReader(STATUS_LABELS),
    risks: new LabelReader(RISK_LABELS),
  };
  forEachRow(rows, '检查对象名录', 'the entity register', (row, index) => {
    if (!checkRow(row, index, issues)) return;
    const entity = buildEntity(reader.read(row, index, issues), index, context);
    // By construction, what parses is what the draw reads: every built entity passes the draw's own row check
    // (the readers above already refuse everything it refuses, so this reports nothing unless they drift).
    if (entity !== undefined && inspectRow(entity, index, context.reportRowProblem) !== undefined && issues.length === 0) entities.push(entity);
  });
  const all = insertDuplicateIssues(issues, [context.ids, context.codes]);
  if (all.length > 0) return { success: false, issues: sortIssues(all) };
  return { success: true, data: Object.freeze(entities) };
}
