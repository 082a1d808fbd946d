/**
 * The codes of a failed {@link MatchVerification} — the first divergence {@link verifyMatch} finds between a
 * record and its recomputation, returned and never thrown (docs/spec.md §M10).
 *
 * @group Match
 *
 * @example
 * ```ts
 * const inputsChanged: readonly VerifyMatchCode[] = ['TARGETS_DIGEST_MISMATCH', 'INSPECTORS_DIGEST_MISMATCH'];
 * const verdict = (v: MatchVerification): string => (v.ok ? 'ok' : inputsChanged.includes(v.code) ? 'other inputs' : v.code);
 * ```
 */
export type VerifyMatchCode =
  | 'UNSUPPORTED_ALGORITHM'
  | 'RECORD_MALFORMED'
  | 'RULES_INVALID'
  | 'RULES_NOT_NORMALISED'
  | 'TARGETS_DIGEST_MISMATCH'
  | 'INSPECTORS_DIGEST_MISMATCH'
  | 'NEIGHBOUR_DIGEST_MISMATCH'
  | 'RECUSALS_DIGEST_MISMATCH'
  | 'ASSIGNMENT_MISMATCH'
  | 'UNSTAFFABLE_MISMATCH'
  | 'REDRAW_INVALID'
  | 'REDRAW_MISMATCH';
