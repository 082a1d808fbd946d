/**
 * The one check of 检查结果 records, shared by `validateInspectionResults` (which returns the problems) and by
 * every function that reads results (which throws the first): shape (a plain object with the known keys and
 * types), dates, vocabularies, referrals and sensitivity marks, one result per (task, target, item), and — when a
 * category tree is given — the category codes against it.
 *
 * @module
 */
import type { DataIssue, IssuePath } from '../../errors.js';
import { tryDayNumber } from '../../internals/plain-date.js';
import { InspectionMethodSchema } from '../../models/vocabulary.js';
import type { InspectionResult } from '../inspection-result.js';
import type { InspectionResultIssueCode } from '../inspection-result-issue-code.js';
import type { ResultCategoryNode } from '../result-category-tree.js';
import { errorOf, shown } from './arguments.js';
import { indexCategories } from './category-index.js';
import { detach } from './detach.js';

const CONDUCTS: readonly unknown[] = ['cooperated', 'refused-inspection', 'concealed-or-falsified'];
const REASONS: readonly unknown[] = ['trade-secret', 'personal-privacy', 'national-security'];
const MARK_FIELDS: readonly unknown[] = ['details', 'categories', 'record'];

/** The keys of an {@link InspectionResult}, tied to the interface by the compiler. */
const RESULT_KEY_TABLE: Readonly<Record<keyof InspectionResult, true>> = {
  taskId: true, targetId: true, itemId: true, inspectionDate: true, resultDate: true, methods: true, categoryCodes: true,
  followUp: true, recordSignature: true, conduct: true, referrals: true, inspectingBody: true, inspectorIds: true,
  details: true, sensitive: true,
};
const REFERRAL_KEYS: readonly string[] = ['department', 'matter'];
const MARK_KEYS: readonly string[] = ['field', 'reason'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every problem of `results` (an untrusted value), with paths `[index, field, …]`. With `tree`, category codes
 * are checked against it (known, selectable, no duplicates, an `exclusive` category alone); without, they need
 * only be non-empty strings.
 */
export function inspectResults(results: unknown, tree: readonly ResultCategoryNode[] | undefined): DataIssue<InspectionResultIssueCode>[] {
  const issues: DataIssue<InspectionResultIssueCode>[] = [];
  const push = (code: InspectionResultIssueCode, path: (string | number)[], zh: string, en: string, received?: unknown): void => {
    issues.push(received === undefined ? { code, path, messageZh: zh, messageEn: en } : { code, path, messageZh: zh, messageEn: en, received });
  };
  const detached = detach(results);
  if (!detached.ok) return [detached.issue];
  const list = detached.value;
  if (!Array.isArray(list)) {
    push('INVALID_TYPE', [], `检查结果应为数组，收到 ${shown(list)}`, `the results must be an array, got ${shown(list)}`);
    return issues;
  }
  const index = tree === undefined ? undefined : indexCategories(tree);
  const keys = new Map<string, number>();
  list.forEach((r: unknown, i: number) => {
    if (!isRecord(r)) {
      push('RESULT_NOT_OBJECT', [i], `检查结果应为对象，收到 ${shown(r)}`, `a result must be an object, got ${shown(r)}`);
      return;
    }
    for (const field of ['taskId', 'targetId', 'itemId', 'inspectingBody'] as const) {
      const v = r[field];
      if (typeof v !== 'string' || v.length === 0) push('RESULT_FIELD_MISSING', [i, field], `检查结果缺少 ${field}`, `the result lacks ${field}`);
    }
    const inspected = tryDayNumber(r['inspectionDate']);
    if (inspected === undefined) push('RESULT_DATE_INVALID', [i, 'inspectionDate'], '检查日期无效', 'invalid inspection date', shown(r['inspectionDate']));
    if (r['resultDate'] !== undefined) {
      const formed = tryDayNumber(r['resultDate']);
      if (formed === undefined) push('RESULT_DATE_INVALID', [i, 'resultDate'], '检查结果产生日期无效', 'invalid result date', shown(r['resultDate']));
      else if (inspected !== undefined && formed < inspected) {
        push('RESULT_DATE_BEFORE_INSPECTION', [i, 'resultDate'], '检查结果产生日期早于检查日期', 'the result date is before the inspection date', r['resultDate']);
      }
    }
    const methods = r['methods'];
    if (!Array.isArray(methods) || methods.length === 0) {
      push('RESULT_METHODS_EMPTY', [i, 'methods'], '未填写检查方式', 'no inspection method given');
    } else {
      methods.forEach((m: unknown, j: number) => {
        if (!InspectionMethodSchema.safeParse(m).success) push('RESULT_METHOD_UNKNOWN', [i, 'methods', j], `未知检查方式：${shown(m)}`, `unknown inspection method: ${shown(m)}`, shown(m));
      });
    }
    const rawCodes = r['categoryCodes'];
    if (rawCodes !== undefined && !Array.isArray(rawCodes)) push('RESULT_FIELD_INVALID', [i, 'categoryCodes'], '检查结果分类应为代码数组', 'categoryCodes must be an array of codes', shown(rawCodes));
    const codes: unknown[] = Array.isArray(rawCodes) ? rawCodes : [];
    if (codes.length === 0) push('RESULT_CATEGORY_EMPTY', [i, 'categoryCodes'], '未选择检查结果分类', 'no result category selected');
    const chosen = new Set<string>();
    codes.forEach((code, j) => {
      if (typeof code !== 'string' || code.length === 0) {
        push('RESULT_CATEGORY_UNKNOWN', [i, 'categoryCodes', j], `结果分类代码无效：${shown(code)}`, `invalid result category code: ${shown(code)}`, shown(code));
        return;
      }
      const entry = index?.get(code);
      if (index !== undefined && entry === undefined) push('RESULT_CATEGORY_UNKNOWN', [i, 'categoryCodes', j], `结果分类不在分类树中：${code}`, `result category not in the tree: ${code}`, code);
      else if (entry !== undefined && !entry.selectable) push('RESULT_CATEGORY_NOT_SELECTABLE', [i, 'categoryCodes', j], `结果分类“${entry.node.labelZh}”只是分组，请选择其下级分类`, `result category ${code} is a group; select one of its children`, code);
      if (chosen.has(code)) push('RESULT_CATEGORY_DUPLICATE', [i, 'categoryCodes', j], `结果分类重复：${code}`, `result category selected twice: ${code}`, code);
      chosen.add(code);
    });
    if (index !== undefined) {
      const exclusive = [...chosen].filter((code) => index.get(code)?.exclusive === true);
      if (exclusive.length > 0 && chosen.size > 1) {
        push('RESULT_CATEGORY_EXCLUSIVE', [i, 'categoryCodes'], `结果分类“${exclusive.map((c) => index.get(c)?.node.labelZh ?? c).join('、')}”不能与其他分类同时选择`, `result category ${exclusive.join(', ')} cannot be combined with others`);
      }
    }
    if (r['followUp'] !== 'open' && r['followUp'] !== 'closed') push('RESULT_FOLLOW_UP_INVALID', [i, 'followUp'], '后续处置状态应为未完结或已完结', 'follow-up status must be open or closed', shown(r['followUp']));
    if (r['recordSignature'] !== 'signed' && r['recordSignature'] !== 'refused-to-sign') push('RESULT_SIGNATURE_INVALID', [i, 'recordSignature'], '检查记录应由检查对象签字或注明拒绝签字', 'the record must be signed or note the refusal to sign', shown(r['recordSignature']));
    if (!CONDUCTS.includes(r['conduct'])) push('RESULT_CONDUCT_INVALID', [i, 'conduct'], '配合情况无效', 'invalid conduct', shown(r['conduct']));
    const referrals = r['referrals'];
    if (referrals === undefined) push('RESULT_FIELD_MISSING', [i, 'referrals'], '检查结果缺少 referrals（无移送时为空数组）', 'the result lacks referrals (an empty array when there are none)');
    else if (!Array.isArray(referrals)) push('RESULT_FIELD_INVALID', [i, 'referrals'], 'referrals 应为数组', 'referrals must be an array', shown(referrals));
    else {
      referrals.forEach((ref: unknown, j: number) => {
        const at = [i, 'referrals', j];
        if (!isRecord(ref)) {
          push('RESULT_REFERRAL_INVALID', at, '移送应为 { department, matter } 对象', 'a referral must be an object { department, matter }', shown(ref));
          return;
        }
        if (typeof ref['department'] !== 'string' || ref['department'].length === 0) push('RESULT_REFERRAL_DEPARTMENT_MISSING', [...at, 'department'], '移送缺少接收部门', 'a referral lacks the receiving department');
        if (ref['matter'] !== undefined && typeof ref['matter'] !== 'string') push('RESULT_REFERRAL_INVALID', [...at, 'matter'], '移送事由应为文字', 'the matter of a referral must be text', shown(ref['matter']));
        for (const key of Object.keys(ref).sort()) if (!REFERRAL_KEYS.includes(key)) push('UNKNOWN_FIELD', [...at, key], `移送中有未知字段 ${shown(key)}`, `unknown field ${shown(key)} in a referral`);
      });
    }
    const inspectors = r['inspectorIds'];
    if (inspectors === undefined) push('RESULT_FIELD_MISSING', [i, 'inspectorIds'], '检查结果缺少 inspectorIds', 'the result lacks inspectorIds');
    else if (!Array.isArray(inspectors) || !inspectors.every((x: unknown) => typeof x === 'string' && x.length > 0)) {
      push('RESULT_FIELD_INVALID', [i, 'inspectorIds'], 'inspectorIds 应为非空字符串数组', 'inspectorIds must be an array of non-empty strings');
    }
    if (r['details'] !== undefined && typeof r['details'] !== 'string') push('RESULT_FIELD_INVALID', [i, 'details'], '检查情况说明应为文字', 'details must be text', shown(r['details']));
    const sensitive = r['sensitive'];
    if (sensitive !== undefined && !Array.isArray(sensitive)) push('RESULT_FIELD_INVALID', [i, 'sensitive'], 'sensitive 应为数组', 'sensitive must be an array', shown(sensitive));
    (Array.isArray(sensitive) ? sensitive : []).forEach((mark: unknown, j: number) => {
      const valid = isRecord(mark) && MARK_FIELDS.includes(mark['field']) && REASONS.includes(mark['reason']) && Object.keys(mark).every((k) => MARK_KEYS.includes(k));
      if (!valid) push('RESULT_SENSITIVITY_INVALID', [i, 'sensitive', j], '不予公示标记无效', 'invalid sensitivity mark');
    });
    for (const key of Object.keys(r).sort()) {
      if (!Object.hasOwn(RESULT_KEY_TABLE, key)) push('UNKNOWN_FIELD', [i, key], `检查结果中有未知字段 ${shown(key)}`, `unknown field ${shown(key)} in a result`);
    }
    const ids = [r['taskId'], r['targetId'], r['itemId']];
    if (ids.every((v) => typeof v === 'string')) {
      const key = ids.join('\u0000');
      const first = keys.get(key);
      if (first !== undefined) {
        push('RESULT_DUPLICATE', [i], `同一任务、检查对象和事项有两条检查结果（另见第 ${first} 条）`, `a second result for the same task, target and item (see index ${first})`, { taskId: ids[0], targetId: ids[1], itemId: ids[2] });
      } else {
        keys.set(key, i);
      }
    }
  });
  return issues;
}

/** The results, checked (see {@link inspectResults}); the first problem throws, with its path below `path`. */
export function requireResults(results: unknown, tree: readonly ResultCategoryNode[] | undefined, path: IssuePath): readonly InspectionResult[] {
  const issues = inspectResults(results, tree);
  if (issues.length > 0) throw errorOf(issues.map((i) => ({ ...i, path: [...path, ...i.path] })), { zh: '检查结果', en: 'inspection results' });
  return results as readonly InspectionResult[];
}
