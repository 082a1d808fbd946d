import type { RegisterSource } from './draw-options.js';
import type { DrawSpec } from './draw-spec.js';
import { summarizeSync } from './internals/shard.js';
import type { ShardOptions, ShardSummary } from './shard-summary.js';

/**
 * 分片摘要 — summarises one part of a register (a province, a district, a database partition, a byte range of a
 * file) where its data lives, for a draw over the whole register (docs/spec.md §13). The summary is plain JSON:
 * the part's register sum and counts and, in the candidates round, its best candidates with tickets, row hashes
 * and rows. Merge the parts' summaries with {@link mergeShardSummaries}; {@link finishShardedDraw} then gives
 * exactly the record {@link drawTargets} gives over the union of the parts.
 *
 * A one-round draw (see {@link shardRounds}) needs only `round: 'candidates'`. A two-round draw first summarises
 * `round: 'counts'` on every part, merges them, makes the plan with {@link planShardedDraw}, then summarises
 * `round: 'candidates'` with that `plan` on every part. Duplicate ids within the part are refused as by the
 * draw (`DUPLICATE_ID`, after a confirming read when fingerprints collide: pass an array or a function returning
 * a fresh iterable). Throws the draw's codes, `INVALID_OPTION` for a wrong round or plan, `INVALID_SHARD_PLAN`
 * and `SHARD_MISMATCH` for a plan that is malformed or of another draw.
 *
 * @param part - the rows of this part only: an array, an iterable or a function returning one ({@link RegisterSource})
 * @param spec - 抽取规则, the same on every part ({@link DrawSpec})
 * @param options - the seed, commitment and history (the same on every part), the round and, in round 2, the plan
 * ({@link ShardOptions})
 * @group Draw
 *
 * @example
 * ```ts
 * import { drawTargets, finishShardedDraw, mergeShardSummaries, seedFromDice, summarizeShard, type ShardCandidatesSummary } from 'shuangsuiji';
 * const rows = Array.from({ length: 40 }, (_, i) => ({
 *   id: `E${i}`, name: `企业${i}`, kind: 'enterprise' as const, status: 'active' as const, lists: [], tags: [], complaintCount: 0,
 * }));
 * const spec = { label: '2025-第一批', size: { count: 5 } };
 * const options = { seed: seedFromDice('31415926535897932384'), round: 'candidates' as const };
 * const parts = [rows.slice(0, 15), rows.slice(15)].map((part) => summarizeShard(part, spec, options));
 * const { record } = finishShardedDraw(mergeShardSummaries(parts) as ShardCandidatesSummary);
 * console.log(JSON.stringify(record) === JSON.stringify(drawTargets(rows, spec, { seed: options.seed }).record)); // true
 * ```
 */
export function summarizeShard(part: RegisterSource, spec: DrawSpec, options: ShardOptions): ShardSummary {
  return summarizeSync(part, spec, options);
}
