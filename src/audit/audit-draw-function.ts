import type { AuditEntity } from './audit-entity.js';
import type { StatedDesign } from './stated-design.js';

/**
 * 抽取函数 — what the Monte-Carlo estimate of inclusion probabilities runs: draw from `population` under
 * `design` (always with per-stratum `sizes`, and the stated `weights` if any) with `seed`, return the selected
 * ids. Must be deterministic in its arguments. For designs stating the draw's `weights` rule the audit uses
 * the library's own `drawTargets` by default; pass a draw function to audit a system that draws differently
 * (e.g. by each entity's `weight`).
 *
 * @param population - 审计用检查对象: the population to draw from
 * @param design - 声明的抽样设计 with per-stratum `sizes` (and the stated `weights`, if any)
 * @param seed - the replication's seed; the same seed must give the same ids
 * @group Audit
 *
 * @example
 * ```ts
 * import type { AuditDrawFunction } from 'shuangsuiji';
 * // A toy: take the first n ids in code-unit order of (seed + id) — deterministic, for illustration only.
 * const toy: AuditDrawFunction = (population, design, seed) => {
 *   const n = design.sizes?.['all'] ?? 0;
 *   return population.map((e) => e.id).sort((a, b) => (seed + a < seed + b ? -1 : 1)).slice(0, n);
 * };
 * ```
 */
export type AuditDrawFunction = (population: readonly AuditEntity[], design: StatedDesign, seed: string) => readonly string[];
