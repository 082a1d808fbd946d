/**
 * The one check of a 检查结果分类 tree, shared by `validateResultCategoryTree` and every option that takes a tree:
 * shape (objects with known keys and types), codes and labels, unique codes, something selectable, and bounds on
 * depth and size. The walk is iterative and counts every node it visits, so neither a deep nor a cyclic nor a
 * heavily shared tree can overflow the stack or run for ever.
 *
 * @module
 */
import type { DataIssue, IssuePath } from '../../errors.js';
import { DEFAULT_RESULT_CATEGORY_TREE, type ResultCategoryNode } from '../result-category-tree.js';
import type { ResultCategoryTreeIssueCode } from '../result-category-tree-issue-code.js';
import { errorOf, shown } from './arguments.js';
import { detach } from './detach.js';

/** The deepest nesting of categories accepted (the default tree has 3 levels). */
export const MAX_CATEGORY_DEPTH = 16;
/** The most nodes a tree may have. */
export const MAX_CATEGORY_NODES = 10_000;

const NODE_KEYS: readonly string[] = ['code', 'labelZh', 'labelEn', 'selectable', 'exclusive', 'children'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every problem of `tree` (an untrusted value), in pre-order; an empty list when the tree is valid. */
export function categoryTreeIssues(tree: unknown): DataIssue<ResultCategoryTreeIssueCode>[] {
  const detached = detach(tree);
  if (!detached.ok) return [detached.issue];
  const issues: DataIssue<ResultCategoryTreeIssueCode>[] = [];
  const push = (code: ResultCategoryTreeIssueCode, path: IssuePath, messageZh: string, messageEn: string, received?: unknown): void => {
    issues.push(received === undefined ? { code, path, messageZh, messageEn } : { code, path, messageZh, messageEn, received });
  };
  const root = detached.value;
  if (!Array.isArray(root)) {
    push('CATEGORY_TREE_INVALID', [], '结果分类树应为数组', 'the result category tree must be an array', shown(root));
    return issues;
  }
  const seen = new Set<string>();
  let selectable = 0;
  let visited = 0;
  let cut = false; // the walk stopped short (too deep or too large): what it did not see may be selectable
  // Pre-order, children before later siblings: a stack of (node, path, depth), pushed in reverse.
  const stack: { node: unknown; path: (string | number)[]; depth: number }[] = [];
  for (let i = root.length - 1; i >= 0; i--) stack.push({ node: root[i], path: [i], depth: 1 });
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    visited += 1;
    if (visited > MAX_CATEGORY_NODES) {
      push('CATEGORY_TREE_TOO_LARGE', [], `结果分类树超过 ${MAX_CATEGORY_NODES} 个节点`, `the result category tree has more than ${MAX_CATEGORY_NODES} nodes`);
      cut = true;
      break;
    }
    if (!isRecord(node)) {
      push('CATEGORY_NODE_INVALID', path, '结果分类应为 { code, labelZh, labelEn } 对象', 'a result category must be an object { code, labelZh, labelEn }', shown(node));
      continue;
    }
    const code = node['code'];
    if (typeof code !== 'string' || code.length === 0) {
      push('CATEGORY_CODE_EMPTY', [...path, 'code'], '结果分类代码为空', 'a result category has an empty code');
    } else if (seen.has(code)) {
      push('CATEGORY_CODE_DUPLICATE', [...path, 'code'], `结果分类代码重复：${code}`, `duplicate result category code: ${code}`, code);
    } else {
      seen.add(code);
    }
    const labelZh = node['labelZh'];
    const labelEn = node['labelEn'];
    if (typeof labelZh !== 'string' || labelZh.length === 0 || typeof labelEn !== 'string' || labelEn.length === 0) {
      push('CATEGORY_LABEL_EMPTY', path, '结果分类缺少中文或英文名称', 'a result category lacks its Chinese or English label');
    }
    for (const key of Object.keys(node).sort()) {
      if (!NODE_KEYS.includes(key)) push('UNKNOWN_FIELD', [...path, key], `结果分类中有未知字段 ${shown(key)}`, `unknown field ${shown(key)} in a result category`);
    }
    for (const flag of ['selectable', 'exclusive'] as const) {
      if (node[flag] !== undefined && typeof node[flag] !== 'boolean') {
        push('CATEGORY_FIELD_INVALID', [...path, flag], `${flag} 应为布尔值`, `${flag} must be a boolean`, shown(node[flag]));
      }
    }
    const children = node['children'];
    if (children !== undefined && !Array.isArray(children)) {
      push('CATEGORY_FIELD_INVALID', [...path, 'children'], 'children 应为数组', 'children must be an array', shown(children));
    }
    const kids = Array.isArray(children) ? children : [];
    const chosen = node['selectable'];
    if (typeof chosen === 'boolean' ? chosen : kids.length === 0) selectable += 1;
    if (kids.length === 0) continue;
    if (depth >= MAX_CATEGORY_DEPTH) {
      push('CATEGORY_TREE_TOO_DEEP', [...path, 'children'], `结果分类树超过 ${MAX_CATEGORY_DEPTH} 层`, `the result category tree is deeper than ${MAX_CATEGORY_DEPTH} levels`);
      cut = true;
      continue;
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], path: [...path, 'children', i], depth: depth + 1 });
  }
  if (selectable === 0 && !cut) {
    push('CATEGORY_TREE_NOTHING_SELECTABLE', [], '结果分类树中没有可选分类', 'no category of the tree can be selected');
  }
  return issues;
}

/**
 * The tree an option names (the default when `undefined`), checked: a tree with any problem throws the first one
 * (path below `path`, all of them in `details.issues`). Returns the tree, known valid.
 */
export function requireCategoryTree(value: unknown, path: IssuePath): readonly ResultCategoryNode[] {
  const tree = value === undefined ? DEFAULT_RESULT_CATEGORY_TREE : value;
  const issues = categoryTreeIssues(tree);
  if (issues.length > 0) {
    throw errorOf(issues.map((i) => ({ ...i, path: [...path, ...i.path] })), { zh: '检查结果分类树', en: 'result category tree' });
  }
  return tree as readonly ResultCategoryNode[];
}
