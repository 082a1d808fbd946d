import type { DrawSpec } from './draw-spec.js';
import type { RegisterSource } from './draw-options.js';
import { ShuangsuijiError } from '../errors.js';
import { compilePopulation, normalizePopulation } from './internals/plan.js';
import { canonicalRow } from '../internals/canonical-row.js';
import { DuplicateGuard } from './internals/duplicate-guard.js';
import type { Entity } from '../models/entity.js';

/**
 * 抽取范围数量 — how many rows of a register belong to a draw's population (抽取范围): the number of entities
 * for which {@link isInPopulation} is true (status in `population.statuses`, default only 存续 `active`, and every
 * directed condition met), before annual de-duplication. For a register that `drawTargets` accepts it equals
 * the draw's `record.register.eligible`. The population is validated once (same errors as the draw); the
 * register is read once, as an array, any iterable or a function returning one, keeping nothing in memory. Ids
 * are not checked here (the draw does that); a row that is not an object throws `INVALID_ENTITY`.
 *
 * @param register - 检查对象名录库: the entity register, an array, any iterable or a function returning one
 * ({@link RegisterSource})
 * @param population - 抽取范围: the `population` part of a {@link DrawSpec} (statuses and 定向 filter); omitted, every 存续
 * entity
 * @throws {@link ShuangsuijiError} with a code of {@link DrawErrorCode}
 * @group Draw
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
  if (rows === null || typeof rows !== 'object' || typeof (rows as Iterable<Entity>)[Symbol.iterator] !== 'function') {
    throw new ShuangsuijiError('INVALID_REGISTER', '名录库须为数组或可迭代对象', 'the register must be an array or an iterable', { path: ['register'] });
  }
  // The draw's own row check and duplicate guard: a register the draw refuses is not counted either.
  const guard = new DuplicateGuard();
  const it = rows[Symbol.iterator]();
  const oneShot = typeof register !== 'function' && !Array.isArray(rows) && (it as unknown) === rows;
  let count = 0;
  let index = 0;
  for (let r = it.next(); !r.done; r = it.next()) {
    const row = canonicalRow(r.value, index++);
    guard.add(row.id);
    if (test(row)) count++;
  }
  if (guard.close()) {
    if (oneShot) throw guard.unconfirmable();
    let j = 0;
    for (const e of typeof register === 'function' ? register() : rows) { guard.confirm(canonicalRow(e, j).id, j); j++; }
    guard.endConfirmation();
  }
  return count;
}
