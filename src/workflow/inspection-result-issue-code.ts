/**
 * The codes of the issues {@link validateInspectionResults} returns (and {@link tryTransitionTask} reports for
 * the results of a `recorded` transition): a `results` that is not an array (`INVALID_TYPE` at `[]`), a result
 * that is not an object, an unknown, missing or mistyped field, dates, methods, 检查结果分类 codes, follow-up,
 * signature, conduct, referrals, sensitivity marks and a second result for one (task, target, item).
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const check = validateInspectionResults([{} as InspectionResult]);
 * const missing: InspectionResultIssueCode = 'RESULT_FIELD_MISSING';
 * if (!check.success) console.log(check.issues.some((i) => i.code === missing)); // true
 * ```
 */
export type InspectionResultIssueCode =
  | 'INVALID_TYPE'
  | 'UNKNOWN_FIELD'
  | 'RESULT_NOT_OBJECT'
  | 'RESULT_FIELD_MISSING'
  | 'RESULT_FIELD_INVALID'
  | 'RESULT_DATE_INVALID'
  | 'RESULT_DATE_BEFORE_INSPECTION'
  | 'RESULT_METHODS_EMPTY'
  | 'RESULT_METHOD_UNKNOWN'
  | 'RESULT_CATEGORY_EMPTY'
  | 'RESULT_CATEGORY_UNKNOWN'
  | 'RESULT_CATEGORY_NOT_SELECTABLE'
  | 'RESULT_CATEGORY_DUPLICATE'
  | 'RESULT_CATEGORY_EXCLUSIVE'
  | 'RESULT_FOLLOW_UP_INVALID'
  | 'RESULT_SIGNATURE_INVALID'
  | 'RESULT_CONDUCT_INVALID'
  | 'RESULT_REFERRAL_INVALID'
  | 'RESULT_REFERRAL_DEPARTMENT_MISSING'
  | 'RESULT_SENSITIVITY_INVALID'
  | 'RESULT_DUPLICATE'
  | 'NOT_PLAIN_DATA'
  | 'INPUT_TOO_DEEP'
  | 'INPUT_CYCLIC';
