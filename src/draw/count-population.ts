import type { DrawSpec } from './draw-spec.js';
import type { RegisterSource } from './draw-options.js';
import { ShuangsuijiError } from '../errors.js';
import { compilePopulation, normalizePopulation } from './internals/plan.js';

/**
 * 抽取范围数量 — how many rows of a register belong to a draw's population (抽取范围): the number of entities
 * for which {@link isInPopulation} is true (status in `population.statuses`, default only 存续 `active`, and every
 * directed condition met), before annual de-duplication. For a register that `drawTargets` accepts it equals
 * the draw's `record.register.eligible`. The population is validated once (same errors as the draw); the
 * register is read once, as an array, any iterable or a function returning one, keeping nothing in memory. Ids
 * are not checked here (the draw does that); a row that is not an object throws `INVALID_ENTITY`.
 *
 * @example
 * ```ts
 * import { countPopulation } from 'shuangsuiji';
 * const register = [1, 2, 3, 4].map((i) => ({
 *   id: `E${i}`, name: `示例企业${i}`, kind: 'enterprise' as const, status: i === 4 ? ('revoked' as const) : ('active' as const),
 *   riskClass: i === 1 ? ('D' as const) : ('A' as const), lists: [], tags: [], complaintCount: 0,
 * }));
 * console.log(countPopulation(register)); // 3 (the revoked one is out)
 * console.log(countPopulation(register, { filter: [{ field: 'riskClass', op: 'in', values: ['D'] }] })); // 1
 * ```
 */
export function countPopulation(register: RegisterSource, population?: DrawSpec['population']): number {
  const test = compilePopulation(normalizePopulation(population));
  const rows = typeof register === 'function' ? register() : register;
  let count = 0;
  let index = 0;
  for (const e of rows) {
    if (typeof e !== 'object' || e === null) {
      throw new ShuangsuijiError('INVALID_ENTITY', `第 ${index} 行不是检查对象`, `row ${index} is not an entity`, { path: [index] });
    }
    if (test(e)) count++;
    index++;
  }
  return count;
}
