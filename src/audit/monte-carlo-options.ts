import type { AuditDrawFunction } from './audit-draw-function.js';

/**
 * 蒙特卡洛设置 — how inclusion probabilities of weighted designs are estimated.
 *
 * @example
 * ```ts
 * import type { MonteCarloOptions } from 'shuangsuiji';
 * const options: MonteCarloOptions = { replications: 2000, seed: 'audit-2025' };
 * ```
 */
export interface MonteCarloOptions {
  /**
   * Replications per weighted draw. The standard error of an estimated probability π̂ is √(π̂(1 − π̂)/R).
   * @defaultValue `1000`
   */
  readonly replications?: number;
  /**
   * Seed of the replications; replication r of draw `label` uses the seed `${seed}/${label}/${r}`.
   * @defaultValue `'shuangsuiji-audit'`
   */
  readonly seed?: string;
  /**
   * The draw to replicate. Required for weighted designs until the library's own weighted draw is wired in.
   * @defaultValue none
   */
  readonly drawFunction?: AuditDrawFunction;
}
