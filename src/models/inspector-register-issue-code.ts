/**
 * The codes of the issues {@link parseInspectorRegister} returns (one per problem, with the row and field in its
 * path).
 *
 * @group Models
 *
 * @example
 * ```ts
 * const result = parseInspectorRegister([{ id: 'I-1', name: '检查员甲', department: '市场监管局', status: '在岗', certificateValidFrom: '2025-02-30' }]);
 * if (!result.success) {
 *   const code: InspectorRegisterIssueCode | undefined = result.issues[0]?.code;
 *   console.log(code);
 * }
 * ```
 */
export type InspectorRegisterIssueCode =
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
  | 'UNKNOWN_STATUS'
  | 'INVALID_BOOLEAN'
  | 'INVALID_REGION_CODE'
  | 'INVALID_DATE'
  | 'CERTIFICATE_END_MISSING'
  | 'CERTIFICATE_ENDS_BEFORE_START'
  | 'DUPLICATE_ID'
  | 'DUPLICATE_CERTIFICATE_NUMBER';
