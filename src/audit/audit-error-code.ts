/**
 * The codes of the {@link ShuangsuijiError}s the audit functions throw: `AUDIT_BAD_OPTION` (an option of the
 * wrong shape or an unknown key), `AUDIT_DRAW_FUNCTION_REQUIRED` / `AUDIT_DRAW_FUNCTION_INVALID` (a Monte-Carlo
 * check without a usable draw function), `AUDIT_RATIO_ABOVE_ONE` (a stated size above a stratum's population),
 * `INVALID_INPUT` ({@link formatAuditReport} given something other than a report) and `DESIGN_NOT_STATABLE`
 * ({@link statedDesignFromDrawSpec} given a spec no stated design can describe). The draw's own refusals of a row,
 * an id or a spec pass through unchanged (`INVALID_ENTITY`, `INVALID_SPEC` …: the Monte-Carlo check draws with
 * {@link drawTargets}, and {@link statedDesignFromDrawSpec} reads the spec as the draw does).
 *
 * @group Audit
 *
 * @example
 * ```ts
 * try {
 *   formatAuditReport({} as AuditReport, { language: 'fr' } as never);
 * } catch (error) {
 *   const codes: readonly AuditErrorCode[] = ['AUDIT_BAD_OPTION', 'INVALID_INPUT'];
 *   if (isShuangsuijiError(error, codes)) console.log(error.code, error.path);
 * }
 * ```
 */
export type AuditErrorCode =
  | 'AUDIT_BAD_OPTION'
  | 'AUDIT_DRAW_FUNCTION_REQUIRED'
  | 'AUDIT_DRAW_FUNCTION_INVALID'
  | 'AUDIT_RATIO_ABOVE_ONE'
  | 'INVALID_INPUT'
  | 'DESIGN_NOT_STATABLE'
  | 'INVALID_ID'
  | 'INVALID_ENTITY'
  | 'DUPLICATE_ID'
  | 'INVALID_LABEL'
  | 'INVALID_SPEC'
  | 'INVALID_SIZE'
  | 'INVALID_RATIO'
  | 'NON_POSITIVE_WEIGHT'
  | 'INVALID_FILTER'
  | 'UNKNOWN_FILTER_FIELD'
  | 'UNKNOWN_STRATIFY_FIELD'
  | 'POPULATION_TOO_SMALL';
