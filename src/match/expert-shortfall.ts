/**
 * 专家不足 — why a staffed target got fewer 专家 than `expertsPerTarget`: a code, counts over the experts the
 * target could draw from, and a sentence in Chinese and English. The enforcement team stands regardless.
 *
 * Codes: `TOO_FEW_EXPERTS` (fewer eligible, non-recused experts than requested), `EXPERT_WORKLOAD_EXHAUSTED`
 * (enough of them, but every one not assisting this target is at the workload limit `maxTargetsPerInspector`).
 *
 * @group Match
 *
 * @example
 * ```ts
 * function line(targetId: string, s: ExpertShortfall): string {
 *   return `${targetId}: ${s.assigned}/${s.requested} experts (${s.code}) — ${s.messageZh}`;
 * }
 * ```
 */
export interface ExpertShortfall {
  /** Stable code. */
  readonly code: 'TOO_FEW_EXPERTS' | 'EXPERT_WORKLOAD_EXHAUSTED';
  /** `expertsPerTarget`. */
  readonly requested: number;
  /** Experts drawn for the target. */
  readonly assigned: number;
  /**
   * Counts over the 专家 the target could draw from (local, plus neighbouring when the target used the
   * neighbouring pool); each is counted once, in the first category that applies, in the order listed.
   */
  readonly counts: {
    /** Experts considered. */
    readonly considered: number;
    /** Of another department. */
    readonly wrongDepartment: number;
    /** Suspended (暂停). */
    readonly suspended: number;
    /** Without a specialty of `requiredExpertExpertise`. */
    readonly lackingExpertise: number;
    /** Recused for this target (any ground, recusal on the day included). */
    readonly recused: number;
    /** Eligible and not recused. */
    readonly eligible: number;
    /** Of those, not assisting this target and at the workload limit. */
    readonly atWorkloadLimit: number;
  };
  /** 中文说明. */
  readonly messageZh: string;
  /** English explanation. */
  readonly messageEn: string;
}
