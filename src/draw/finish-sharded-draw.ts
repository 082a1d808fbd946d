import type { DrawResult } from './draw-record.js';
import { finish } from './internals/shard.js';
import type { ShardCandidatesSummary } from './shard-summary.js';

/**
 * 完成分片抽取 — the draw from the merged candidates summary of every part (docs/spec.md §13.5): the selection
 * and a record byte for byte equal to what {@link drawTargets} gives over the union of the parts, which
 * {@link verifyDraw} checks against the whole register as usual. Throws `INVALID_SHARD_SUMMARY` for a summary that
 * is malformed, not of the candidates round, or inconsistent with its plan; `REGISTER_CHANGED_DURING_DRAW` when
 * the candidates round read other rows than the counts round (or a part is missing); `POPULATION_TOO_SMALL`
 * under `shortfall: 'error'` (one-round draws).
 *
 * @param summary - the merged candidates summary of every part ({@link ShardCandidatesSummary})
 * @group Draw
 *
 * @example
 * ```ts
 * const rows = Array.from({ length: 12 }, (_, i) => ({
 *   id: `E${i}`, name: `企业${i}`, kind: 'enterprise' as const, status: 'active' as const, lists: [], tags: [], complaintCount: 0,
 * }));
 * const spec = { label: 'x', size: { count: 3 } };
 * const seed = seedFromDice('31415926535897932384');
 * const merged = mergeShardSummaries([rows.slice(0, 5), rows.slice(5)].map((p) => summarizeShard(p, spec, { seed, round: 'candidates' })));
 * const { record } = finishShardedDraw(merged as ShardCandidatesSummary);
 * console.log(verifyDraw(record, rows).ok); // true
 * ```
 */
export function finishShardedDraw(summary: ShardCandidatesSummary): DrawResult {
  return finish(summary);
}
