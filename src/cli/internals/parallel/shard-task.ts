/**
 * The `shard` task of a range: the range's shard summary of a draw (issue 16 §1, `summarizeShardAsync`), read
 * once; on the first read of the range also the fingerprints of every canonical id and credit code, and the row
 * hashes of the ids a verification watches (the rows the record selected).
 */
import { rowHashHex } from '../../../draw/internals/digest.js';
import { DuplicateGuard } from '../../../draw/internals/duplicate-guard.js';
import { summarizeShardAsync, type ShardOptions } from '../../../draw/index.js';
import { canonicalIdOrThrow, canonicalRow } from '../../../internals/canonical-row.js';
import type { Entity } from '../../../models/entity.js';
import type { RangeTask } from './protocol.js';

/**
 * The shard summary of the entities of one range, with their fingerprints and the watched rows' hashes.
 *
 * @example
 * ```ts
 * const { summary } = await runShardTask(rangeEntities(plan, 0, choices, () => {}, () => {}), task);
 * ```
 */
export async function runShardTask(
  entities: AsyncIterable<Entity>,
  task: Extract<RangeTask, { kind: 'shard' }>,
): Promise<{ rows: number; ids: Uint32Array | null; summary: unknown; found: (readonly [string, string])[] }> {
  const ids = task.guard ? new DuplicateGuard() : undefined;
  const watch = task.watch === null ? undefined : new Set(task.watch);
  const found: (readonly [string, string])[] = [];
  let rows = 0;
  const tapped = async function* (): AsyncGenerator<Entity> {
    for await (const entity of entities) {
      if (ids !== undefined || watch !== undefined) {
        const id = canonicalIdOrThrow(entity.id, [rows, 'id']);
        ids?.add(id);
        if (entity.creditCode !== undefined && entity.creditCode !== id) ids?.add(entity.creditCode);
        // As the verification's RowWatcher: the row hash of each row whose id the record selected.
        if (watch?.has(id) === true) found.push([id, rowHashHex(canonicalRow(entity, rows))]);
      }
      rows++;
      yield entity;
    }
  };
  const summary = await summarizeShardAsync(tapped(), task.spec, task.options as unknown as ShardOptions);
  return { rows, ids: ids?.takeSorted() ?? null, summary, found };
}
