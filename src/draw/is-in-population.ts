import type { DrawSpec } from './draw-spec.js';
import type { Entity } from '../models/entity.js';
import { canonicalRow } from '../internals/canonical-row.js';
import { compilePopulation, normalizePopulation } from './internals/plan.js';

/**
 * 是否属于抽取范围 — whether an entity belongs to a draw's population (抽取范围): its status is one of
 * `population.statuses` (default only 存续 `active`) and it meets every directed condition of
 * `population.filter` (定向抽查条件; empty = 不定向). This is the very test {@link drawTargets} applies, before
 * annual de-duplication (年度去重) and stratum sizes: a draw's `record.register.eligible` counts exactly the
 * rows for which it is true. A bad population throws the draw's errors (`INVALID_SPEC`, `INVALID_FILTER`,
 * `UNKNOWN_FILTER_FIELD`, with paths under `['population', …]`); a row that is not an object throws
 * `INVALID_ENTITY`. To test many entities, {@link countPopulation} validates the population once.
 *
 * @param entity - 检查对象: one row of the entity register
 * @param population - 抽取范围: the `population` part of a {@link DrawSpec} (statuses and 定向 filter); omitted, every 存续
 * entity
 * @throws {@link ShuangsuijiError} with a code of {@link DrawErrorCode}
 * @group Draw
 *
 * @example
 * ```ts
 * import { isInPopulation } from 'shuangsuiji';
 * const entity = { id: 'E1', name: '示例商贸有限公司0001', kind: 'enterprise' as const, status: 'active' as const,
 *   regionCode: '410402', lists: [], tags: [], complaintCount: 0 };
 * console.log(isInPopulation(entity)); // true (active, no filter)
 * console.log(isInPopulation(entity, { filter: [{ field: 'regionCode', op: 'startsWith', value: '4104' }] })); // true
 * console.log(isInPopulation(entity, { statuses: ['deregistered'] })); // false
 * ```
 */
export function isInPopulation(entity: Entity, population?: DrawSpec['population']): boolean {
  const test = compilePopulation(normalizePopulation(population));
  return test(canonicalRow(entity, 0));
}
