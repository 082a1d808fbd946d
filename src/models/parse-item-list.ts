import type { DataIssue, ParseResult } from '../errors.js';
import type { ItemListIssueCode } from './item-list-issue-code.js';
import type { InspectionItem, JointDepartments } from './inspection-item.js';
import { ITEM_HEADERS, ITEM_INPUT_FIELDS } from './item-headers.js';
import type { ItemInputField } from './item-headers.js';
import { CATEGORY_LABELS, METHOD_LABELS } from './internals/labels.js';
import {
  show,
  ColumnReader, DuplicateFinder, buildHeaderMap, checkRow, forEachRow, lookupLabel, missing, pushIssue,
  readId, readRatio, readText, readTextList, sortIssues, unknownFieldRule, unknownLabel,
} from './internals/register-core.js';
import type { Issues } from './internals/register-core.js';
import type { RegisterParseOptions } from './register-parse-options.js';
import type { InspectionMethod, RatioByRiskClass } from './vocabulary.js';

/**
 * Options of {@link parseItemList}.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const options: ParseItemListOptions = { unknownFields: 'ignore' };
 * ```
 */
export type ParseItemListOptions = RegisterParseOptions<ItemInputField>;

/**
 * 随机抽查事项清单 — a parsed, frozen item list.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const result = parseItemList([]);
 * const list: ItemList = result.success ? result.data : [];
 * ```
 */
export type ItemList = readonly InspectionItem[];

const ID = 0, SEQUENCE = 1, DEPARTMENT = 2, NAME = 3, BASIS = 4, BODY = 5, CATEGORY = 6, TARGET = 7, RATIO = 8,
  RATIO_BY_CLASS = 9, RATIO_A = 10, FREQUENCY = 14, METHODS = 15, EXPERTISE = 16, JOINT = 17, INITIATING = 18,
  COOPERATING = 19, REMARK = 20;
const EMPTY: readonly never[] = Object.freeze([]);
const CLASSES = ['A', 'B', 'C', 'D'] as const;
const CHINESE_DIGITS = '一二三四五六七八九十';
const METHODS_ALLOWED = 'on-site/现场检查, document/书面检查, online/网络检查/网络监测, sampling/抽样检验/检验检测, third-party/委托专业机构核查, other-department-findings/行政部门检查结果或专业意见';

/** A positive integer: a number, or text `"2"`, `"2次"`, `"2次/年"`, `"每年2次"`, `"每年一次"`. */
function readTimes(value: unknown, issues: Issues, path: readonly (string | number)[]): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  if (typeof value === 'string') {
    const match = /^(?:每年)?\s*(\d{1,6}|[一二三四五六七八九十])\s*(?:次)?\s*(?:\/\s*年|每年)?$/.exec(value.trim());
    if (match !== null) {
      const token = match[1]!;
      const n = CHINESE_DIGITS.includes(token) ? CHINESE_DIGITS.indexOf(token) + 1 : Number(token);
      if (n > 0) return n;
    }
  }
  pushIssue(issues, 'INVALID_FREQUENCY', path, `抽查频次应为正整数（如 1、“1次/年”、“每年1次”），收到 ${show(value)}`, `frequencyPerYear must be a positive integer (e.g. 1, "1次/年", "每年1次"); received ${show(value)}`, value);
  return undefined;
}

function readRatioByClass(values: unknown[], row: number, issues: Issues): RatioByRiskClass | undefined {
  const whole = values[RATIO_BY_CLASS];
  const path = [row, 'ratioByRiskClass'];
  const columns = CLASSES.map((_, i) => values[RATIO_A + i]);
  let cells: unknown[];
  if (whole !== undefined) {
    if (columns.some((cell) => cell !== undefined)) {
      pushIssue(issues, 'CONFLICTING_COLUMNS', path, '分类抽查比例同时以整体字段和 A–D 类列给出', 'ratioByRiskClass is given both whole and as per-class columns');
      return undefined;
    }
    if (typeof whole !== 'object' || whole === null || Array.isArray(whole)) {
      pushIssue(issues, 'INVALID_TYPE', path, 'ratioByRiskClass 应为 {A, B, C, D} 对象', 'ratioByRiskClass must be an {A, B, C, D} object', whole);
      return undefined;
    }
    const record = whole as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!(CLASSES as readonly string[]).includes(key)) pushIssue(issues, 'UNKNOWN_FIELD', [...path, key], `分类抽查比例中有未知类别 ${JSON.stringify(key)}`, `unknown class ${JSON.stringify(key)} in ratioByRiskClass`);
    }
    cells = CLASSES.map((key) => (Object.prototype.hasOwnProperty.call(record, key) && record[key] !== null && record[key] !== '' ? record[key] : undefined));
  } else {
    if (columns.every((cell) => cell === undefined)) return undefined;
    cells = columns;
  }
  const before = issues.length;
  const out: { -readonly [K in keyof RatioByRiskClass]: RatioByRiskClass[K] } = {};
  CLASSES.forEach((key, i) => {
    if (cells[i] === undefined) return;
    const ratio = readRatio(cells[i], issues, row, 'ratioByRiskClass', key);
    if (ratio !== undefined) out[key] = ratio;
  });
  return issues.length === before ? Object.freeze(out) : undefined;
}

function readJoint(values: unknown[], row: number, issues: Issues): JointDepartments | undefined {
  const whole = values[JOINT];
  const path = [row, 'joint'];
  let initiatingCell = values[INITIATING];
  let cooperatingCell = values[COOPERATING];
  if (whole !== undefined) {
    if (initiatingCell !== undefined || cooperatingCell !== undefined) {
      pushIssue(issues, 'CONFLICTING_COLUMNS', path, '联合抽查部门同时以整体字段和“发起部门/配合部门”列给出', 'joint is given both whole and as initiating/cooperating columns');
      return undefined;
    }
    if (typeof whole !== 'object' || whole === null || Array.isArray(whole)) {
      pushIssue(issues, 'INVALID_TYPE', path, 'joint 应为 {initiatingDepartment, cooperatingDepartments} 对象', 'joint must be an {initiatingDepartment, cooperatingDepartments} object', whole);
      return undefined;
    }
    const record = whole as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key !== 'initiatingDepartment' && key !== 'cooperatingDepartments') pushIssue(issues, 'UNKNOWN_FIELD', [...path, key], `联合抽查部门中有未知字段 ${JSON.stringify(key)}`, `unknown field ${JSON.stringify(key)} in joint`);
    }
    const own = (key: string): unknown => (Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined);
    initiatingCell = own('initiatingDepartment');
    cooperatingCell = own('cooperatingDepartments');
  } else if (initiatingCell === undefined && cooperatingCell === undefined) return undefined;
  const before = issues.length;
  const initiatingDepartment = readText(initiatingCell, issues, row, 'joint', 'initiatingDepartment');
  if (initiatingDepartment === undefined && issues.length === before) missing(issues, [...path, 'initiatingDepartment'], '发起部门');
  const middle = issues.length;
  const cooperatingDepartments = readTextList(cooperatingCell, issues, row, 'joint', false, 'cooperatingDepartments');
  if ((cooperatingDepartments === undefined || cooperatingDepartments.length === 0) && issues.length === middle) missing(issues, [...path, 'cooperatingDepartments'], '配合部门');
  if (issues.length !== before || initiatingDepartment === undefined || cooperatingDepartments === undefined) return undefined;
  return Object.freeze({ initiatingDepartment, cooperatingDepartments: Object.freeze(cooperatingDepartments) });
}

function buildItem(values: unknown[], row: number, issues: Issues, ids: DuplicateFinder): InspectionItem | undefined {
  const before = issues.length;
  let sequence: number | undefined;
  const sequenceCell = values[SEQUENCE];
  if (sequenceCell !== undefined) {
    const n = typeof sequenceCell === 'string' && /^\d{1,9}$/.test(sequenceCell.trim()) ? Number(sequenceCell.trim()) : sequenceCell;
    if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0) sequence = n;
    else pushIssue(issues, 'INVALID_COUNT', [row, 'sequence'], `序号应为正整数，收到 ${show(sequenceCell)}`, `sequence must be a positive integer; received ${show(sequenceCell)}`, sequenceCell);
  }
  let id = readId(values[ID], issues, row, 'id');
  if (values[ID] === undefined) {
    if (sequence !== undefined) id = String(sequence);
    else if (sequenceCell === undefined) missing(issues, [row, 'id'], '事项编号（无序号时必填）');
  }
  if (id !== undefined) ids.add(id, row, issues);
  const department = readText(values[DEPARTMENT], issues, row, 'department');
  if (values[DEPARTMENT] === undefined) missing(issues, [row, 'department'], '部门名称');
  const name = readText(values[NAME], issues, row, 'name');
  if (values[NAME] === undefined) missing(issues, [row, 'name'], '抽查事项名称');
  const legalBasis = values[BASIS] === undefined ? EMPTY : readTextList(values[BASIS], issues, row, 'legalBasis', true);
  const inspectingBody = readText(values[BODY], issues, row, 'inspectingBody');
  let category: InspectionItem['category'] | undefined;
  if (values[CATEGORY] === undefined) missing(issues, [row, 'category'], '事项类别');
  else {
    const text = readText(values[CATEGORY], issues, row, 'category');
    if (text !== undefined) {
      category = lookupLabel(CATEGORY_LABELS, text);
      if (category === undefined) unknownLabel(issues, 'UNKNOWN_CATEGORY', [row, 'category'], '事项类别', 'item category', values[CATEGORY], 'general/一般检查事项, key/重点检查事项');
    }
  }
  const targetDescription = readText(values[TARGET], issues, row, 'targetDescription');
  const ratio = values[RATIO] === undefined ? undefined : readRatio(values[RATIO], issues, row, 'ratio');
  const ratioByRiskClass = readRatioByClass(values, row, issues);
  const frequencyPerYear = values[FREQUENCY] === undefined ? undefined : readTimes(values[FREQUENCY], issues, [row, 'frequencyPerYear']);
  let methods: readonly InspectionMethod[] | undefined = EMPTY;
  if (values[METHODS] !== undefined) {
    const mark = issues.length;
    const labels = readTextList(values[METHODS], issues, row, 'methods');
    const found: InspectionMethod[] = [];
    if (labels !== undefined) {
      labels.forEach((label, i) => {
        const method = lookupLabel(METHOD_LABELS, label);
        if (method === undefined) unknownLabel(issues, 'UNKNOWN_METHOD', Array.isArray(values[METHODS]) ? [row, 'methods', i] : [row, 'methods'], '检查方式', 'inspection method', label, METHODS_ALLOWED);
        else if (!found.includes(method) || Array.isArray(values[METHODS])) found.push(method);
      });
    }
    methods = issues.length === mark && labels !== undefined ? Object.freeze(found) : undefined;
  }
  const requiredExpertise = values[EXPERTISE] === undefined ? EMPTY : readTextList(values[EXPERTISE], issues, row, 'requiredExpertise');
  const joint = readJoint(values, row, issues);
  const remark = readText(values[REMARK], issues, row, 'remark');
  if (issues.length !== before || id === undefined || department === undefined || name === undefined || category === undefined || legalBasis === undefined || methods === undefined || requiredExpertise === undefined) return undefined;
  const item: { -readonly [K in keyof InspectionItem]: InspectionItem[K] } = { id } as InspectionItem;
  if (sequence !== undefined) item.sequence = sequence;
  item.department = department;
  item.name = name;
  item.legalBasis = legalBasis === EMPTY ? EMPTY : Object.freeze(legalBasis);
  if (inspectingBody !== undefined) item.inspectingBody = inspectingBody;
  item.category = category;
  if (targetDescription !== undefined) item.targetDescription = targetDescription;
  if (ratio !== undefined) item.ratio = ratio;
  if (ratioByRiskClass !== undefined) item.ratioByRiskClass = ratioByRiskClass;
  if (frequencyPerYear !== undefined) item.frequencyPerYear = frequencyPerYear;
  item.methods = methods;
  item.requiredExpertise = requiredExpertise === EMPTY ? EMPTY : Object.freeze(requiredExpertise);
  if (joint !== undefined) item.joint = joint;
  if (remark !== undefined) item.remark = remark;
  return Object.freeze(item);
}

/**
 * 随机抽查事项清单导入 — parses an inspection-item list (columns of seed 000 附件1: 序号, 部门名称, 抽查事项名称,
 * 抽查依据, 检查主体, 事项类别, 检查对象, 抽查比例, 抽查频次, 检查方式, 检查人员要求, 备注 …) into frozen, typed
 * {@link InspectionItem} records, or returns **every** problem found. Column and value rules are those of
 * {@link parseEntityRegister} (see {@link RegisterParseOptions}), with headers from {@link ITEM_HEADERS}.
 *
 * - `id` defaults to the 序号 written as decimal text. Ids follow the one id rule of {@link parseEntityRegister}:
 *   used exactly as written (never trimmed; outer white space, control characters, lone surrogates or more than
 *   1,024 UTF-8 bytes are `INVALID_ID`) and compared in Unicode NFC (`DUPLICATE_ID`). Text is well-formed Unicode
 *   of at most 65,534 UTF-8 bytes (`INVALID_TEXT`, `FIELD_TOO_LONG`).
 * - 抽查比例 `"5%"`, `"0.05"` or `0.05` (exact decimal shift, in (0, 1]); per-class ratios from a
 *   `ratioByRiskClass` object or the columns `A类抽查比例` … `D类抽查比例`.
 * - 抽查频次 `1`, `"1次/年"`, `"每年1次"`, `"每年一次"`.
 * - 抽查依据 is split on semicolons and line breaks only (articles are written "第十条、第十一条");
 *   检查方式 and 检查人员要求 on commas, 、, semicolons and line breaks (网络检查/网络监测 stays one label).
 * - Issue codes: those of the entity parser that apply, plus `UNKNOWN_CATEGORY`, `UNKNOWN_METHOD`,
 *   `INVALID_RATIO`, `INVALID_FREQUENCY`, `DUPLICATE_ID`.
 *
 * @param rows - 随机抽查事项清单的行: the rows of the inspection-item list, plain objects keyed by field names or Chinese headers
 * @param options - extra column headers and what to do with unknown columns ({@link RegisterParseOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link ModelsErrorCode}
 * @group Models
 *
 * @example
 * ```ts
 * const result = parseItemList([
 *   { 序号: '1', 部门名称: '市场监管局', 抽查事项名称: '示例事项01', 事项类别: '一般检查事项', 抽查比例: '5%', 抽查频次: '1次/年', 检查方式: '现场检查、书面检查' },
 * ]);
 * if (result.success) console.log(result.data[0]?.ratio, result.data[0]?.methods); // 0.05 ['on-site', 'document']
 * ```
 */
export function parseItemList(rows: Iterable<unknown>, options?: ParseItemListOptions): ParseResult<ItemList, ItemListIssueCode> {
  const reader = new ColumnReader(ITEM_INPUT_FIELDS, buildHeaderMap(ITEM_INPUT_FIELDS, ITEM_HEADERS, options), unknownFieldRule(options), [ID]);
  const issues: DataIssue<ItemListIssueCode>[] = [];
  const items: InspectionItem[] = [];
  const ids = new DuplicateFinder('DUPLICATE_ID', 'id', '事项编号', 'item id');
  forEachRow(rows, '随机抽查事项清单', 'the item list', (row, index) => {
    if (!checkRow(row, index, issues)) return;
    const item = buildItem(reader.read(row, index, issues), index, issues, ids);
    if (item !== undefined && issues.length === 0) items.push(item);
  });
  if (issues.length > 0) return { success: false, issues: sortIssues(issues) };
  return { success: true, data: Object.freeze(items) };
}
