/**
 * The codes of the issues {@link auditDrawHistory} and {@link computeInclusionProbabilities} return: `INVALID_INPUT`
 * (a history, snapshot, population or design of the wrong shape, with the path of the field), duplicate ids,
 * snapshot ids or draw labels, a snapshot a draw names but nobody gave, selected or focus ids outside the population,
 * and a population the design cannot be applied to (a stratum value or weight missing, a stratum the design does
 * not name, a size above a stratum's population).
 *
 * @group Audit
 *
 * @example
 * ```ts
 * const result = computeInclusionProbabilities([{ id: 'E1' }, { id: 'E1' }], { ratio: 0.5 });
 * const duplicate: AuditIssueCode = 'DUPLICATE_ENTITY_ID';
 * if (!result.success) console.log(result.issues.some((i) => i.code === duplicate)); // true
 * ```
 */
export type AuditIssueCode =
  | 'INVALID_INPUT'
  | 'DUPLICATE_SNAPSHOT_ID'
  | 'DUPLICATE_DRAW_LABEL'
  | 'SNAPSHOT_NOT_FOUND'
  | 'SELECTED_ID_NOT_IN_POPULATION'
  | 'DUPLICATE_SELECTED_ID'
  | 'FOCUS_ID_NOT_IN_POPULATION'
  | 'DUPLICATE_ENTITY_ID'
  | 'MISSING_STRATUM_VALUE'
  | 'MISSING_WEIGHT'
  | 'STRATUM_NOT_IN_DESIGN'
  | 'SIZE_EXCEEDS_STRATUM';
