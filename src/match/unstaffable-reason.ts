/**
 * 无法选派原因 — why a target cannot be staffed: a primary code, counts over the inspectors considered
 * and a sentence in Chinese and English.
 *
 * Codes, the first that applies (docs/spec.md §M8): `RECUSED_AFTER_MATCH` (a re-draw after recusal found no
 * replacement), `TOO_FEW_ELIGIBLE` (fewer eligible, non-recused inspectors than the team size),
 * `DEPARTMENT_SHORTFALL` (some department has fewer eligible inspectors than its minimum: `departmentShortfalls`),
 * `EXPERTISE_UNAVAILABLE` (no eligible inspector holds a required specialty: `missingExpertise`),
 * `WORKLOAD_EXHAUSTED` (among the eligible inspectors below the workload limit, fewer than the team size, fewer
 * than a department's minimum, or none holding a required specialty), `NO_VALID_TEAM` (every one of those count
 * tests passes, yet no team meets every rule at once beside the other teams).
 *
 * @group Match
 *
 * @example
 * ```ts
 * function line(reason: UnstaffableReason): string {
 *   return `${reason.code}: ${reason.messageEn} / ${reason.messageZh}`;
 * }
 * ```
 */
export interface UnstaffableReason {
  /** Stable primary code. */
  readonly code:
    | 'TOO_FEW_ELIGIBLE'
    | 'DEPARTMENT_SHORTFALL'
    | 'EXPERTISE_UNAVAILABLE'
    | 'WORKLOAD_EXHAUSTED'
    | 'NO_VALID_TEAM'
    | 'RECUSED_AFTER_MATCH';
  /** Counts over the inspectors considered for this target (local, plus neighbouring when used). */
  readonly counts: UnstaffableCounts;
  /** Expiry dates (`validTo`) of certificates that had expired on the inspection date, ascending, distinct. */
  readonly expiredOn: readonly string[];
  /** Required specialties no eligible, non-recused inspector holds (sorted). */
  readonly missingExpertise: readonly string[];
  /** Departments whose eligible, non-recused inspectors are fewer than the minimum. */
  readonly departmentShortfalls: readonly { readonly department: string; readonly required: number; readonly available: number }[];
  /** 中文说明. */
  readonly messageZh: string;
  /** English explanation. */
  readonly messageEn: string;
}

/**
 * Structured counts behind an {@link UnstaffableReason}; each inspector is counted once, in the first
 * category that applies, in the order the fields are listed.
 *
 * @group Match
 *
 * @example
 * ```ts
 * const eligibleShare = (c: UnstaffableCounts) => `${c.eligible}/${c.considered}`;
 * ```
 */
export interface UnstaffableCounts {
  /** Inspectors considered (local, plus neighbouring when used). */
  readonly considered: number;
  /** Of another department. */
  readonly wrongDepartment: number;
  /** 专家 (never fill enforcement places). */
  readonly experts: number;
  /** Suspended (暂停执法). */
  readonly suspended: number;
  /** Without a certificate. */
  readonly noCertificate: number;
  /** Certificate expired before the inspection date. */
  readonly certificateExpired: number;
  /** Certificate valid only from a later date. */
  readonly certificateNotYetValid: number;
  /** Recused, in total. */
  readonly recused: number;
  /** Recused by ground (a pair with several grounds counts under the first in this order). */
  readonly recusedBy: {
    readonly declared: number;
    readonly relative: number;
    readonly request: number;
    readonly sameUnit: number;
    readonly rotation: number;
    readonly dayOfInspection: number;
  };
  /** Eligible and not recused. */
  readonly eligible: number;
  /** Of those, at the workload limit in the returned assignment. */
  readonly atWorkloadLimit: number;
  /** Team size needed. */
  readonly needed: number;
}
