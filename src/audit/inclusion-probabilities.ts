/**
 * 入选概率 — design inclusion probabilities of a population, from {@link computeInclusionProbabilities}.
 *
 * @group Audit
 *
 * @example
 * ```ts
 * import type { InclusionProbabilities } from 'shuangsuiji';
 * const largest = (result: InclusionProbabilities) => Math.max(...result.entities.map((e) => e.probability));
 * ```
 */
export interface InclusionProbabilities {
  /** `exact` (π = n_h/N_h) or `monte-carlo` (weighted designs). */
  readonly method: 'exact' | 'monte-carlo';
  /** Replications of the Monte-Carlo estimate; `null` when exact. */
  readonly replications: number | null;
  /** Largest standard error over the entities (0 when exact). */
  readonly maxStandardError: number;
  /** Per stratum: N_h, the count n_h the probabilities assume. */
  readonly strata: readonly { readonly stratum: string; readonly populationSize: number; readonly sampleSize: number }[];
  /** Per entity, in code-unit order of id. */
  readonly entities: readonly {
    readonly id: string;
    readonly stratum: string;
    readonly probability: number;
    /** Monte-Carlo standard error; 0 when exact. */
    readonly standardError: number;
  }[];
}
