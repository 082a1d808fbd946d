/**
 * The codes of the issues {@link parseEntityRegister} returns (one per problem, with the row and field in its
 * path; see the parser for when each applies).
 *
 * @group Models
 *
 * @example
 * ```ts
 * const result = parseEntityRegister([{ 统一社会信用代码: '91350100M000100Y44', 企业名称: '示例商贸有限公司', 类型: '企业' }]);
 * if (!result.success) {
 *   const usccProblems: readonly EntityRegisterIssueCode[] = ['USCC_CHECK_CHARACTER', 'USCC_LENGTH'];
 *   console.log(result.issues.filter((i) => usccProblems.includes(i.code)).length); // 1
 * }
 * ```
 */
export type EntityRegisterIssueCode =
  | 'ROW_NOT_OBJECT'
  | 'UNKNOWN_FIELD'
  | 'CONFLICTING_COLUMNS'
  | 'MISSING_FIELD'
  | 'MISSING_IDENTIFIER'
  | 'INVALID_TYPE'
  | 'EMPTY_VALUE'
  | 'INVALID_TEXT'
  | 'FIELD_TOO_LONG'
  | 'INVALID_ID'
  | 'USCC_LENGTH'
  | 'USCC_INVALID_CHARACTER'
  | 'USCC_REGION_NOT_DIGITS'
  | 'USCC_CHECK_CHARACTER'
  | 'INVALID_OTHER_IDENTIFIER'
  | 'UNKNOWN_KIND'
  | 'UNKNOWN_STATUS'
  | 'UNKNOWN_RISK_CLASS'
  | 'UNKNOWN_LIST'
  | 'INVALID_BOOLEAN'
  | 'INVALID_REGION_CODE'
  | 'INVALID_COUNT'
  | 'NUMBER_PRECISION_LOST'
  | 'DUPLICATE_ID'
  | 'DUPLICATE_CREDIT_CODE'
  | 'INVALID_ENTITY';
