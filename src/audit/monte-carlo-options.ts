import type { AuditDrawFunction } from './audit-draw-function.js';

/**
 * 蒙特卡洛设置 — how inclusion probabilities of weighted designs are estimated: R replications of the draw,
 * conditional on the per-stratum counts, π̂ = share of replications selecting the entity.
 *
 * @group Audit
 *
 * @example
 * ```ts
 * import type { MonteCarloOptions } from 'shuangsuiji';
 * const options: MonteCarloOptions = { replications: 2000, seed: 'audit-2025' };
 * ```
 */
export interface MonteCarloOptions {
  /**
   * Replications per weighted draw, an integer from 1 to 1 000 000 (`AUDIT_BAD_OPTION` otherwise: the work is
   * replications × population). The standard error of an estimated probability π̂ is √(π̂(1 − π̂)/R).
   * @defaultValue `1000`
   */
  readonly replications?: number;
  /**
   * Seed of the replications (a string of at most 1024 characters); replication r of draw `label` uses the seed string `${seed}/${label}/${r}`
   * (`label` is `inclusion` for `computeInclusionProbabilities`). The library's own draw runs with the
   * 64-hex draw seed SHA-256(UTF-8 of that string), so every replication can be re-run with `drawTargets`.
   * @defaultValue `'shuangsuiji-audit'`
   */
  readonly seed?: string;
  /**
   * The draw to replicate, for systems that draw differently from this library (or designs weighted by entity
   * `weight`). When absent, a weighted design stating `weights` (the draw's `WeightRule`) is replicated with the
   * library's own `drawTargets` (Pareto πps within each stratum); a weighted design without `weights` then throws
   * `AUDIT_DRAW_FUNCTION_REQUIRED`.
   * @defaultValue none — the library's `drawTargets`
   */
  readonly drawFunction?: AuditDrawFunction;
}
