/**
 * The codes of the issues {@link parseSpotCheckPlans} returns: `PLANS_NOT_ARRAY` (the input as a whole), and per
 * plan `MISSING_FIELD`, `INVALID_TYPE`, `UNKNOWN_FIELD` (one per unknown key), `INVALID_DATE` (not a real
 * `YYYY-MM-DD`) and `INVALID_VALUE` (any other value the schema refuses).
 *
 * @group Models
 *
 * @example
 * ```ts
 * const result = parseSpotCheckPlans({});
 * if (!result.success) {
 *   const code: SpotCheckPlanIssueCode | undefined = result.issues[0]?.code;
 *   console.log(code); // PLANS_NOT_ARRAY
 * }
 * ```
 */
export type SpotCheckPlanIssueCode = 'PLANS_NOT_ARRAY' | 'MISSING_FIELD' | 'INVALID_TYPE' | 'UNKNOWN_FIELD' | 'INVALID_VALUE' | 'INVALID_DATE';
