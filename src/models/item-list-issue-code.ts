/**
 * The codes of the issues {@link parseItemList} returns (one per problem, with the row and field in its path).
 *
 * @group Models
 *
 * @example
 * ```ts
 * const result = parseItemList([{ id: 'FOOD-1', name: '食品经营检查', department: '市场监管局', ratio: '150%' }]);
 * if (!result.success) console.log(result.issues.some((i) => i.code === 'INVALID_RATIO')); // true
 * const code: ItemListIssueCode = 'UNKNOWN_CATEGORY';
 * ```
 */
export type ItemListIssueCode =
  | 'ROW_NOT_OBJECT'
  | 'UNKNOWN_FIELD'
  | 'CONFLICTING_COLUMNS'
  | 'MISSING_FIELD'
  | 'INVALID_TYPE'
  | 'EMPTY_VALUE'
  | 'INVALID_TEXT'
  | 'FIELD_TOO_LONG'
  | 'INVALID_ID'
  | 'NUMBER_PRECISION_LOST'
  | 'UNKNOWN_CATEGORY'
  | 'UNKNOWN_METHOD'
  | 'INVALID_RATIO'
  | 'INVALID_COUNT'
  | 'INVALID_FREQUENCY'
  | 'DUPLICATE_ID';
