import type { AsyncRegisterSource } from './draw-options.js';
import type { DrawSpec } from './draw-spec.js';
import { summarizeAsync } from './internals/shard.js';
import type { ShardOptions, ShardSummary } from './shard-summary.js';

/**
 * {@link summarizeShard} over a stream: the part may be an async iterable (a database cursor over one partition, a
 * file read line by line) or a function returning one; the summary is identical to the sync one on the same rows.
 *
 * @param part - the rows of this part only: sync or async ({@link AsyncRegisterSource})
 * @param spec - 抽取规则, the same on every part ({@link DrawSpec})
 * @param options - the seed, commitment and history (the same on every part), the round and, in round 2, the plan
 * ({@link ShardOptions})
 * @group Draw
 *
 * @example
 * ```ts
 * import { seedFromDice, summarizeShardAsync, type Entity } from 'shuangsuiji';
 * async function* partition(): AsyncGenerator<Entity> {
 *   for (let i = 0; i < 20; i++) yield { id: `E${i}`, name: `企业${i}`, kind: 'enterprise', status: 'active', lists: [], tags: [], complaintCount: 0 };
 * }
 * const summary = await summarizeShardAsync(partition(), { label: 'stream', size: { count: 3 } }, { seed: seedFromDice('27182818284590452353'), round: 'candidates' });
 * console.log(summary.register.size); // 20
 * ```
 */
export async function summarizeShardAsync(part: AsyncRegisterSource, spec: DrawSpec, options: ShardOptions): Promise<ShardSummary> {
  return summarizeAsync(part, spec, options);
}
