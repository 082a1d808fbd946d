import type { DrawSpec } from './draw-spec.js';
import { needsCounts } from './internals/engine.js';
import { normalizeSpec } from './internals/plan.js';

/**
 * 分片轮数 — how many rounds a sharded draw of this spec takes (docs/spec.md §13.1): `1` for a fixed count without
 * strata or weights (directed and de-duplicated draws included), `2` when the sizes need the counts of every
 * part first (a ratio, stratification or risk weights). Throws the spec's own codes (`INVALID_SPEC` …).
 *
 * @param spec - 抽取规则: the draw's spec, the same on every part ({@link DrawSpec})
 * @group Draw
 *
 * @example
 * ```ts
 * console.log(shardRounds({ label: 'x', size: { count: 30 } })); // 1
 * console.log(shardRounds({ label: 'x', size: { ratio: 0.05 } })); // 2
 * ```
 */
export function shardRounds(spec: DrawSpec): 1 | 2 {
  return needsCounts(normalizeSpec(spec)) ? 2 : 1;
}
