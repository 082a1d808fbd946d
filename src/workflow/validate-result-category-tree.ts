import type { DataIssue, ParseResult } from '../errors.js';
import type { ResultCategoryNode } from './result-category-tree.js';

/**
 * Checks a custom 检查结果分类 tree: codes and labels non-empty, codes unique in the whole tree, at least one
 * selectable category. Returns every problem (`CATEGORY_CODE_EMPTY`, `CATEGORY_LABEL_EMPTY`,
 * `CATEGORY_CODE_DUPLICATE`, `CATEGORY_TREE_NOTHING_SELECTABLE`).
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
): ParseResult<readonly ResultCategoryNode[]> {
  const issues: DataIssue[] = [];
  const seen = new Set<string>();
  let selectable = 0;
  const walk = (nodes: readonly ResultCategoryNode[], path: readonly (string | number)[]): void => {
    nodes.forEach((node, i) => {
      const here = [...path, i];
      if (typeof node.code !== 'string' || node.code.length === 0) {
        issues.push({ code: 'CATEGORY_CODE_EMPTY', path: [...here, 'code'], messageZh: '结果分类代码为空', messageEn: 'a result category has an empty code' });
      } else if (seen.has(node.code)) {
        issues.push({
          code: 'CATEGORY_CODE_DUPLICATE',
          path: [...here, 'code'],
          messageZh: `结果分类代码重复：${node.code}`,
          messageEn: `duplicate result category code: ${node.code}`,
          received: node.code,
        });
      } else {
        seen.add(node.code);
      }
      if (!node.labelZh || !node.labelEn) {
        issues.push({ code: 'CATEGORY_LABEL_EMPTY', path: here, messageZh: '结果分类缺少中文或英文名称', messageEn: 'a result category lacks its Chinese or English label' });
      }
      const hasChildren = (node.children?.length ?? 0) > 0;
      if (node.selectable ?? !hasChildren) selectable += 1;
      if (node.children) walk(node.children, [...here, 'children']);
    });
  };
  walk(tree, []);
  if (selectable === 0) {
    issues.push({ code: 'CATEGORY_TREE_NOTHING_SELECTABLE', path: [], messageZh: '结果分类树中没有可选分类', messageEn: 'no category of the tree can be selected' });
  }
  return issues.length > 0 ? { success: false, issues } : { success: true, data: tree };
}
