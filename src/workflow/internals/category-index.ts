/** A flat index of a result-category tree: code → node, its label path and flags. */
import type { ResultCategoryNode } from '../result-category-tree.js';

export interface IndexedCategory {
  readonly node: ResultCategoryNode;
  readonly pathZh: readonly string[];
  readonly pathEn: readonly string[];
  readonly selectable: boolean;
  readonly exclusive: boolean;
  readonly treePath: readonly (string | number)[];
}

/** Indexes a tree (first occurrence wins; duplicates are reported by validateResultCategoryTree). */
export function indexCategories(tree: readonly ResultCategoryNode[]): Map<string, IndexedCategory> {
  const index = new Map<string, IndexedCategory>();
  const walk = (
    nodes: readonly ResultCategoryNode[],
    pathZh: readonly string[],
    pathEn: readonly string[],
    treePath: readonly (string | number)[],
  ): void => {
    nodes.forEach((node, i) => {
      const hasChildren = (node.children?.length ?? 0) > 0;
      const here = [...treePath, i];
      if (!index.has(node.code)) {
        index.set(node.code, {
          node,
          pathZh: [...pathZh, node.labelZh],
          pathEn: [...pathEn, node.labelEn],
          selectable: node.selectable ?? !hasChildren,
          exclusive: node.exclusive ?? false,
          treePath: here,
        });
      }
      if (node.children) walk(node.children, [...pathZh, node.labelZh], [...pathEn, node.labelEn], [...here, 'children']);
    });
  };
  walk(tree, [], [], []);
  return index;
}

/** The Chinese label of a selected category: its path joined by "：" (e.g. 发现问题待后续处理：市场监管领域：…). */
export function categoryLabelZh(index: Map<string, IndexedCategory>, code: string): string {
  const entry = index.get(code);
  return entry ? entry.pathZh.join('：') : code;
}
