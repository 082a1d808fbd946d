import type { AsyncRegisterSource, DrawOptions } from './draw-options.js';
import type { DrawResult } from './draw-record.js';
import type { DrawSpec } from './draw-spec.js';
import { makeEngine, runAsync } from './internals/drive.js';

/**
 * {@link drawTargets} over a stream: the register may be an async iterable (a database cursor, a file parsed
 * line by line) or a function returning one; the result is identical to the sync draw on the same rows.
 *
 * @example
 * ```ts
 * import { drawTargetsAsync, seedFromDice, type Entity } from 'shuangsuiji';
 * async function* rows(): AsyncGenerator<Entity> {
 *   for (let i = 0; i < 100; i++) yield { id: `E${i}`, name: `企业${i}`, kind: 'enterprise', status: 'active', lists: [], tags: [], complaintCount: 0 };
 * }
 * const result = await drawTargetsAsync(rows(), { label: 'stream', size: { count: 5 } }, { seed: seedFromDice('27182818284590452353') });
 * console.log(result.selected.length); // 5
 * ```
 */
export async function drawTargetsAsync(register: AsyncRegisterSource, spec: DrawSpec, options: DrawOptions): Promise<DrawResult> {
  const engine = makeEngine(spec, options);
  return runAsync(engine, register);
}
