/**
 * Result of {@link verifyDraw}: ok, or the first divergence with a stable code and plain-language messages in
 * Chinese and English (for the public, not only for programmers).
 *
 * Codes: `RECORD_MALFORMED`, `SEED_ORIGIN_MISMATCH`, `SEED_COMMITMENT_MISMATCH`, `HISTORY_CHANGED`,
 * `REGISTER_CHANGED`, `RECOMPUTE_FAILED`, `POPULATION_DIFFERS`, `STRATA_DIFFER`, `SELECTION_DIFFERS`.
 *
 * @example
 * ```ts
 * function show(v: VerifyResult): string { return v.ok ? '核验通过 / verified' : `${v.code}: ${v.messageZh} / ${v.messageEn}`; }
 * ```
 */
export type VerifyResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: VerifyCode;
      readonly messageZh: string;
      readonly messageEn: string;
      /** 0-based position in the selection, for `SELECTION_DIFFERS`. */
      readonly position?: number;
      readonly details: Readonly<Record<string, unknown>>;
    };

/**
 * Stable codes of {@link VerifyResult}.
 *
 * @example
 * ```ts
 * const registerProblem: VerifyCode = 'REGISTER_CHANGED';
 * ```
 */
export type VerifyCode =
  | 'RECORD_MALFORMED'
  | 'SEED_ORIGIN_MISMATCH'
  | 'SEED_COMMITMENT_MISMATCH'
  | 'HISTORY_CHANGED'
  | 'REGISTER_CHANGED'
  | 'RECOMPUTE_FAILED'
  | 'POPULATION_DIFFERS'
  | 'STRATA_DIFFER'
  | 'SELECTION_DIFFERS';
