import type { AsyncRegisterSource, DrawOptions } from './draw-options.js';
import type { DrawResult } from './draw-record.js';
import type { DrawSpec } from './draw-spec.js';
import { makeEngine, runAsync } from './internals/drive.js';

/**
 * {@link drawTargets} over a stream: the register may be an async iterable (a database cursor, a file parsed
 * line by line) or a function returning one; the result is identical to the sync draw on the same rows.
 *
 * @param register - 检查对象名录库 as a stream: an async iterable of entities (a database cursor, rows parsed from a file) or
 * a function returning one for draws that read it twice ({@link AsyncRegisterSource})
 * @param spec - 抽取规则: as for {@link drawTargets} ({@link DrawSpec})
 * @param options - the seed, its commitment and the history, as for {@link drawTargets} ({@link DrawOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link DrawErrorCode}
 * @group Draw
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
