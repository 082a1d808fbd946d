import { merge } from './internals/shard.js';
import type { ShardSummary } from './shard-summary.js';

/**
 * 合并分片摘要 — merges summaries of disjoint parts of one register, of the same draw and round, into the summary
 * of their union (docs/spec.md §13.6): sums and counts add up, and each stratum keeps the best candidates of the
 * union. Any order and any grouping give the same JSON, so parts may be merged per worker, then per province,
 * then nationally. Every input is checked as untrusted (§13.7): shape and keys, hex lengths, counts that add up,
 * each candidate's ticket, row hash, population, stratum and weight recomputed from its row
 * (`INVALID_SHARD_SUMMARY` with the path, the summary's index first); summaries of different draws, rounds or
 * plans are `SHARD_MISMATCH`; an id kept by two parts is `DUPLICATE_ID`. The result is deep-frozen.
 *
 * @param summaries - at least one summary from {@link summarizeShard} or from an earlier merge ({@link ShardSummary})
 * @group Draw
 *
 * @example
 * ```ts
 * const rows = Array.from({ length: 30 }, (_, i) => ({
 *   id: `E${i}`, name: `企业${i}`, kind: 'enterprise' as const, status: 'active' as const, lists: [], tags: [], complaintCount: 0,
 * }));
 * const spec = { label: 'x', size: { count: 4 } };
 * const options = { seed: seedFromDice('31415926535897932384'), round: 'candidates' as const };
 * const [a, b, c] = [rows.slice(0, 10), rows.slice(10, 20), rows.slice(20)].map((p) => summarizeShard(p, spec, options));
 * const left = mergeShardSummaries([mergeShardSummaries([a!, b!]), c!]);
 * const right = mergeShardSummaries([c!, mergeShardSummaries([b!, a!])]);
 * console.log(JSON.stringify(left) === JSON.stringify(right)); // true
 * ```
 */
export function mergeShardSummaries(summaries: readonly ShardSummary[]): ShardSummary {
  return merge(summaries);
}
