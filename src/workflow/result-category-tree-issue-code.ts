/**
 * The codes of the issues {@link validateResultCategoryTree} returns: the tree or a node of the wrong shape, an
 * unknown or mistyped field, an empty or repeated code, an empty label, a tree too deep or too large, a tree with
 * nothing to select, and input that is not plain data.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const check = validateResultCategoryTree([{ code: 'a', labelZh: '甲', labelEn: 'a' }, { code: 'a', labelZh: '乙', labelEn: 'b' }]);
 * const repeated: ResultCategoryTreeIssueCode = 'CATEGORY_CODE_DUPLICATE';
 * if (!check.success) console.log(check.issues.some((i) => i.code === repeated)); // true
 * ```
 */
export type ResultCategoryTreeIssueCode =
  | 'UNKNOWN_FIELD'
  | 'CATEGORY_TREE_INVALID'
  | 'CATEGORY_NODE_INVALID'
  | 'CATEGORY_FIELD_INVALID'
  | 'CATEGORY_CODE_EMPTY'
  | 'CATEGORY_CODE_DUPLICATE'
  | 'CATEGORY_LABEL_EMPTY'
  | 'CATEGORY_TREE_TOO_DEEP'
  | 'CATEGORY_TREE_TOO_LARGE'
  | 'CATEGORY_TREE_NOTHING_SELECTABLE'
  | 'NOT_PLAIN_DATA'
  | 'INPUT_TOO_DEEP'
  | 'INPUT_CYCLIC';
