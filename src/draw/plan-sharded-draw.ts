import { plan } from './internals/shard.js';
import type { ShardCountsSummary, ShardPlan } from './shard-summary.js';

/**
 * 分片计划 — between the two rounds of a two-round sharded draw (docs/spec.md §13.4): from the merged counts of
 * every part, the size of every stratum (§7.2–§7.3, shortfall rule included), the certainty units, λ of every
 * weight and the weight scale (§7.4) — computed by the same code as {@link drawTargets}. Send the plan to every
 * part for its candidates round. Throws `INVALID_SHARD_SUMMARY` for a summary that is not a valid counts summary and
 * `POPULATION_TOO_SMALL` under `shortfall: 'error'`.
 *
 * @param counts - the merged counts summary of every part ({@link ShardCountsSummary})
 * @group Draw
 *
 * @example
 * ```ts
 * const rows = Array.from({ length: 50 }, (_, i) => ({
 *   id: `E${i}`, name: `企业${i}`, kind: 'enterprise' as const, status: 'active' as const,
 *   riskClass: (['A', 'B', 'C', 'D'] as const)[i % 4], lists: [], tags: [], complaintCount: 0,
 * }));
 * const spec = { label: 'x', size: { ratio: '10%' }, stratification: { field: 'riskClass' as const, allocation: 'largest-remainder' as const } };
 * const seed = seedFromDice('31415926535897932384');
 * const parts = [rows.slice(0, 20), rows.slice(20)];
 * const counts = mergeShardSummaries(parts.map((p) => summarizeShard(p, spec, { seed, round: 'counts' })));
 * const plan = planShardedDraw(counts as ShardCountsSummary);
 * const merged = mergeShardSummaries(parts.map((p) => summarizeShard(p, spec, { seed, round: 'candidates', plan })));
 * console.log(plan.strata.map((s) => s.size), finishShardedDraw(merged as ShardCandidatesSummary).selected.length); // [ 2, 1, 1, 1 ] 5
 * ```
 */
export function planShardedDraw(counts: ShardCountsSummary): ShardPlan {
  return plan(counts);
}
