/**
 * The codes of the {@link ShuangsuijiError}s {@link matchInspectors}, {@link redrawForRecusal} and, for its
 * arguments, {@link verifyMatch} throw (docs/spec.md §M12). `MATCH_INTERNAL` would signal a bug.
 *
 * @group Match
 *
 * @example
 * ```ts
 * try {
 *   matchInspectors([], [], { seed: '12345', label: 'L', date: '2025-07-01', department: '市场监管局' });
 * } catch (error) {
 *   const codes: readonly MatchErrorCode[] = ['SEED_TOO_WEAK', 'INVALID_SEED'];
 *   if (isShuangsuijiError(error, codes)) console.log(error.code); // SEED_TOO_WEAK
 * }
 * ```
 */
export type MatchErrorCode =
  | 'INVALID_MATCH_OPTIONS'
  | 'INVALID_SEED'
  | 'INVALID_DICE_DIGITS'
  | 'SEED_TOO_WEAK'
  | 'SEED_ORIGIN_MISMATCH'
  | 'INVALID_LABEL'
  | 'INVALID_DATE'
  | 'INVALID_MATCH_INPUT'
  | 'INVALID_ID'
  | 'DUPLICATE_ID'
  | 'MATCH_SEARCH_LIMIT'
  | 'MATCH_OPTIONS_MISMATCH'
  | 'REDRAW_NOT_ASSIGNED'
  | 'MATCH_INTERNAL';
