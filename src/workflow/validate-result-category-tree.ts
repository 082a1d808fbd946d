import type { ParseResult } from '../errors.js';
import { categoryTreeIssues } from './internals/category-tree.js';
import type { ResultCategoryNode } from './result-category-tree.js';
import type { ResultCategoryTreeIssueCode } from './result-category-tree-issue-code.js';

/**
 * Checks a custom 检查结果分类 tree: an array of plain objects with only the keys of {@link ResultCategoryNode}
 * (`UNKNOWN_FIELD`) and the right types (`CATEGORY_NODE_INVALID`, `CATEGORY_FIELD_INVALID`), codes and labels
 * non-empty (`CATEGORY_CODE_EMPTY`, `CATEGORY_LABEL_EMPTY`), codes unique in the whole tree
 * (`CATEGORY_CODE_DUPLICATE`), at least one selectable category (`CATEGORY_TREE_NOTHING_SELECTABLE`), at most
 * 16 levels (`CATEGORY_TREE_TOO_DEEP`) and 10 000 nodes (`CATEGORY_TREE_TOO_LARGE`). A value that is not JSON
 * data (`NOT_PLAIN_DATA`), refers back to itself (`INPUT_CYCLIC`) or nests too deeply (`INPUT_TOO_DEEP`) is one
 * problem. Returns every problem.
 *
 * @param tree - 检查结果分类: a custom result-category tree, possibly untrusted (e.g. parsed JSON)
 * @throws {@link ShuangsuijiError} with a code of {@link WorkflowErrorCode}
 * @group Workflow
 *
 * @example
 * ```ts
 * const result = validateResultCategoryTree([
 *   { code: 'a', labelZh: '甲', labelEn: 'A' },
 *   { code: 'a', labelZh: '乙', labelEn: 'B' },
 * ]);
 * console.log(result.success ? 'ok' : result.issues[0]?.code); // CATEGORY_CODE_DUPLICATE
 * ```
 */
export function validateResultCategoryTree(
  tree: readonly ResultCategoryNode[],
): ParseResult<readonly ResultCategoryNode[], ResultCategoryTreeIssueCode> {
  const issues = categoryTreeIssues(tree);
  return issues.length > 0 ? { success: false, issues } : { success: true, data: tree };
}
