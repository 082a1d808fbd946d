/**
 * The work of one range, as a worker thread does it (also callable in-process): read the range's entities
 * (`range-rows.ts`) and compute the task's part — the digest's sum A and row count, or a shard summary — with the
 * fingerprints of every id and credit code (one array: a credit code equal to its row's id once), so that the main
 * thread sees the ids of all ranges.
 */
import { DuplicateGuard } from '../../../draw/internals/duplicate-guard.js';
import { RegisterAccumulator } from '../../../draw/internals/digest.js';
import { canonicalRow } from '../../../internals/canonical-row.js';
import type { Entity } from '../../../models/entity.js';
import type { ColumnUse } from '../register-reading.js';
import type { RangeJob, RangeResult } from './protocol.js';
import { rangeEntities, type RangeProgress } from './range-rows.js';
import { runShardTask } from './shard-task.js';

/**
 * Runs `job`; throws `RangeProblem` (or a library error) at the first problem of the range.
 *
 * @example
 * ```ts
 * const result = await runRangeJob({ plan, index: 0, choices, task: { kind: 'digest' } }, () => {});
 * console.log(result.rows);
 * ```
 */
export async function runRangeJob(job: RangeJob, onProgress: RangeProgress): Promise<RangeResult> {
  let columns: readonly ColumnUse[] = [];
  const entities = rangeEntities(job.plan, job.index, job.choices, onProgress, (c) => (columns = c));
  const task = job.task;
  if (task.kind === 'digest') {
    const acc = new RegisterAccumulator();
    const ids = new DuplicateGuard();
    let rows = 0;
    for await (const entity of entities) {
      // As RegisterDigester.add: the canonical row hashed, its id fingerprinted.
      const row = canonicalRow(entity, rows++);
      acc.add(row);
      ids.add(row.id);
      // A credit code other than the id shares the guard: an equal pair anywhere sends the file to one thread.
      if (entity.creditCode !== undefined && entity.creditCode !== row.id) ids.add(entity.creditCode);
    }
    return { rows, columns, ids: ids.takeSorted(), sum: acc.sumWords(), summary: null, found: [] };
  }
  const { rows, ids, summary, found } = await runShardTask(entities as AsyncIterable<Entity>, task);
  return { rows, columns, ids, sum: null, summary, found };
}
