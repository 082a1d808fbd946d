import type { DataIssue, ParseResult } from '../errors.js';
import { tryDayNumber } from '../internals/plain-date.js';
import { InspectionMethodSchema } from '../models/vocabulary.js';
import type { InspectionResult } from './inspection-result.js';
import { indexCategories } from './internals/category-index.js';
import { DEFAULT_RESULT_CATEGORY_TREE, type ResultCategoryNode } from './result-category-tree.js';

/**
 * Options of {@link validateInspectionResults}.
 *
 * @example
 * ```ts
 * const options: ValidateInspectionResultsOptions = { categoryTree: DEFAULT_RESULT_CATEGORY_TREE };
 * ```
 */
export interface ValidateInspectionResultsOptions {
  /**
   * The 检查结果分类 tree the category codes are checked against.
   * @defaultValue {@link DEFAULT_RESULT_CATEGORY_TREE}
   */
  readonly categoryTree?: readonly ResultCategoryNode[];
}

const CONDUCTS: readonly string[] = ['cooperated', 'refused-inspection', 'concealed-or-falsified'];
const REASONS: readonly string[] = ['trade-secret', 'personal-privacy', 'national-security'];
const MARK_FIELDS: readonly string[] = ['details', 'categories', 'record'];

/**
 * Validates inspection results (检查结果) on their own: dates, methods, category codes against the tree
 * (known, selectable, no duplicates, an `exclusive` category alone), follow-up status, record signature,
 * conduct, referrals and sensitivity marks; and that no (task, target, item) has two results.
 * Returns every problem found, with paths `[index, field, …]`.
 *
 * @example
 * ```ts
 * const check = validateInspectionResults([{
 *   taskId: 'T', targetId: 'E1', itemId: 'I1', inspectionDate: '2025-03-10', methods: ['on-site'],
 *   categoryCodes: ['no-problem', 'corrected'], followUp: 'closed', recordSignature: 'signed',
 *   conduct: 'cooperated', referrals: [], inspectingBody: '示例局', inspectorIds: ['X1', 'X2'],
 * }]);
 * console.log(check.success ? 'ok' : check.issues.map((i) => i.code)); // ['RESULT_CATEGORY_EXCLUSIVE']
 * ```
 */
export function validateInspectionResults(
  results: readonly InspectionResult[],
  options: ValidateInspectionResultsOptions = {},
): ParseResult<readonly InspectionResult[]> {
  const index = indexCategories(options.categoryTree ?? DEFAULT_RESULT_CATEGORY_TREE);
  const issues: DataIssue[] = [];
  const keys = new Map<string, number>();
  const push = (code: string, path: (string | number)[], zh: string, en: string, received?: unknown): void => {
    issues.push(received === undefined ? { code, path, messageZh: zh, messageEn: en } : { code, path, messageZh: zh, messageEn: en, received });
  };
  results.forEach((r, i) => {
    for (const field of ['taskId', 'targetId', 'itemId', 'inspectingBody'] as const) {
      if (typeof r[field] !== 'string' || r[field].length === 0) {
        push('RESULT_FIELD_MISSING', [i, field], `检查结果缺少 ${field}`, `the result lacks ${field}`);
      }
    }
    const inspected = tryDayNumber(r.inspectionDate);
    if (inspected === undefined) push('RESULT_DATE_INVALID', [i, 'inspectionDate'], '检查日期无效', 'invalid inspection date', r.inspectionDate);
    if (r.resultDate !== undefined) {
      const formed = tryDayNumber(r.resultDate);
      if (formed === undefined) push('RESULT_DATE_INVALID', [i, 'resultDate'], '检查结果产生日期无效', 'invalid result date', r.resultDate);
      else if (inspected !== undefined && formed < inspected) {
        push('RESULT_DATE_BEFORE_INSPECTION', [i, 'resultDate'], '检查结果产生日期早于检查日期', 'the result date is before the inspection date', r.resultDate);
      }
    }
    if (!Array.isArray(r.methods) || r.methods.length === 0) {
      push('RESULT_METHODS_EMPTY', [i, 'methods'], '未填写检查方式', 'no inspection method given');
    } else {
      r.methods.forEach((m, j) => {
        if (!InspectionMethodSchema.safeParse(m).success) push('RESULT_METHOD_UNKNOWN', [i, 'methods', j], `未知检查方式：${String(m)}`, `unknown inspection method: ${String(m)}`, m);
      });
    }
    const codes = Array.isArray(r.categoryCodes) ? r.categoryCodes : [];
    if (codes.length === 0) push('RESULT_CATEGORY_EMPTY', [i, 'categoryCodes'], '未选择检查结果分类', 'no result category selected');
    const chosen = new Set<string>();
    codes.forEach((code, j) => {
      const entry = index.get(code);
      if (!entry) push('RESULT_CATEGORY_UNKNOWN', [i, 'categoryCodes', j], `结果分类不在分类树中：${code}`, `result category not in the tree: ${code}`, code);
      else if (!entry.selectable) push('RESULT_CATEGORY_NOT_SELECTABLE', [i, 'categoryCodes', j], `结果分类“${entry.node.labelZh}”只是分组，请选择其下级分类`, `result category ${code} is a group; select one of its children`, code);
      if (chosen.has(code)) push('RESULT_CATEGORY_DUPLICATE', [i, 'categoryCodes', j], `结果分类重复：${code}`, `result category selected twice: ${code}`, code);
      chosen.add(code);
    });
    const exclusive = codes.filter((code) => index.get(code)?.exclusive === true);
    if (exclusive.length > 0 && chosen.size > 1) {
      push('RESULT_CATEGORY_EXCLUSIVE', [i, 'categoryCodes'], `结果分类“${exclusive.map((c) => index.get(c)?.node.labelZh ?? c).join('、')}”不能与其他分类同时选择`, `result category ${exclusive.join(', ')} cannot be combined with others`, codes);
    }
    if (r.followUp !== 'open' && r.followUp !== 'closed') push('RESULT_FOLLOW_UP_INVALID', [i, 'followUp'], '后续处置状态应为未完结或已完结', 'follow-up status must be open or closed', r.followUp);
    if (r.recordSignature !== 'signed' && r.recordSignature !== 'refused-to-sign') push('RESULT_SIGNATURE_INVALID', [i, 'recordSignature'], '检查记录应由检查对象签字或注明拒绝签字', 'the record must be signed or note the refusal to sign', r.recordSignature);
    if (!CONDUCTS.includes(r.conduct)) push('RESULT_CONDUCT_INVALID', [i, 'conduct'], '配合情况无效', 'invalid conduct', r.conduct);
    (Array.isArray(r.referrals) ? r.referrals : []).forEach((ref, j) => {
      if (typeof ref.department !== 'string' || ref.department.length === 0) push('RESULT_REFERRAL_DEPARTMENT_MISSING', [i, 'referrals', j, 'department'], '移送缺少接收部门', 'a referral lacks the receiving department');
    });
    (r.sensitive ?? []).forEach((mark, j) => {
      if (!MARK_FIELDS.includes(mark.field) || !REASONS.includes(mark.reason)) push('RESULT_SENSITIVITY_INVALID', [i, 'sensitive', j], '不予公示标记无效', 'invalid sensitivity mark', mark);
    });
    const key = `${r.taskId}\u0000${r.targetId}\u0000${r.itemId}`;
    const first = keys.get(key);
    if (first !== undefined) {
      push('RESULT_DUPLICATE', [i], `同一任务、检查对象和事项有两条检查结果（另见第 ${first} 条）`, `a second result for the same task, target and item (see index ${first})`, { taskId: r.taskId, targetId: r.targetId, itemId: r.itemId });
    } else {
      keys.set(key, i);
    }
  });
  return issues.length > 0 ? { success: false, issues } : { success: true, data: results };
}
