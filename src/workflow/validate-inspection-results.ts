import type { ParseResult } from '../errors.js';
import type { InspectionResult } from './inspection-result.js';
import type { InspectionResultIssueCode } from './inspection-result-issue-code.js';
import { parseOptions } from './internals/arguments.js';
import { requireCategoryTree } from './internals/category-tree.js';
import { inspectResults } from './internals/results.js';
import { OptionsSchemas } from './internals/option-schemas.js';
import type { ResultCategoryNode } from './result-category-tree.js';

/**
 * Options of {@link validateInspectionResults}.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const options: ValidateInspectionResultsOptions = { categoryTree: DEFAULT_RESULT_CATEGORY_TREE };
 * ```
 */
export interface ValidateInspectionResultsOptions {
  /**
   * The 检查结果分类 tree the category codes are checked against (it must pass `validateResultCategoryTree`).
   * @defaultValue {@link DEFAULT_RESULT_CATEGORY_TREE}
   */
  readonly categoryTree?: readonly ResultCategoryNode[];
}

/**
 * Validates inspection results (检查结果) on their own: shape (each a plain object with only the fields of
 * {@link InspectionResult}, of the right types — `RESULT_NOT_OBJECT`, `UNKNOWN_FIELD`, `RESULT_FIELD_MISSING`,
 * `RESULT_FIELD_INVALID`), dates, methods, category codes against the tree (known, selectable, no duplicates, an
 * `exclusive` category alone), follow-up status, record signature, conduct, referrals and sensitivity marks; and
 * that no (task, target, item) has two results. Returns every problem found, with paths `[index, field, …]`
 * (a `results` that is not an array is one `INVALID_TYPE` problem at `[]`). Options that are not valid (an unknown
 * key, a tree that fails `validateResultCategoryTree`) throw.
 *
 * @param results - 检查结果: the inspection results to check, possibly untrusted (e.g. parsed JSON)
 * @param options - the 检查结果分类 tree the category codes are checked against ({@link ValidateInspectionResultsOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link WorkflowErrorCode}
 * @group Workflow
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
): ParseResult<readonly InspectionResult[], InspectionResultIssueCode> {
  const { categoryTree } = parseOptions<{ categoryTree?: unknown }>(OptionsSchemas.categoryTreeOnly, options, { zh: '检查结果校验选项', en: 'result validation options' });
  const tree = requireCategoryTree(categoryTree, ['categoryTree']);
  const issues = inspectResults(results, tree);
  return issues.length > 0 ? { success: false, issues } : { success: true, data: results };
}
