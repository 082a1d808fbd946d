/**
 * Result of {@link verifyDraw}: ok, or the first divergence with a stable code and plain-language messages in
 * Chinese and English (for the public, not only for programmers).
 *
 * Codes: `RECORD_MALFORMED`, `SEED_ORIGIN_MISMATCH`, `SEED_COMMITMENT_MISMATCH`, `HISTORY_CHANGED`,
 * `REGISTER_CHANGED`, `RECOMPUTE_FAILED`, `POPULATION_DIFFERS`, `STRATA_DIFFER`, `SELECTION_DIFFERS`.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * function show(v: VerifyResult): string { return v.ok ? '核验通过 / verified' : `${v.code}: ${v.messageZh} / ${v.messageEn}`; }
 * ```
 */
export type VerifyResult =
  | {
      readonly ok: true;
      /** What the verification established about where the seed came from (see {@link VerifyProvenance}). */
      readonly provenance: VerifyProvenance;
    }
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
 * @group Draw
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

/**
 * What an ok {@link verifyDraw} checked about the seed's provenance, so that an auditor can tell a dice ceremony
 * from a bare seed: `seedOrigin` is the method whose inputs (dice digits, contributions, beacon value) were
 * recomputed into the seed, or `none` when the record states no origin (a raw seed: nothing shows how it was
 * made); `commitment` is `checked` when the seed matched a commitment recorded with it, else `none`.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * const p: VerifyProvenance = { seedOrigin: 'dice', commitment: 'checked' };
 * ```
 */
export interface VerifyProvenance {
  readonly seedOrigin: 'dice' | 'contributions' | 'beacon' | 'none';
  readonly commitment: 'checked' | 'none';
}
