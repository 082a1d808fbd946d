import type { SizeRule } from './draw-spec.js';
import { checkSize, sizeFor } from './internals/plan.js';
import { ShuangsuijiError } from '../errors.js';

/**
 * 抽查数量 — the count a size rule gives for a population of `population`, in exact integer arithmetic
 * (`{ ratio: 0.07 }` of 1000 is ⌈1000 × 7/100⌉ = 70), before the shortfall policy.
 *
 * @param population - the number of entities in the population (抽取范围), a whole number ≥ 0
 * @param rule - 抽查数量规则: `{ count }` or `{ ratio, rounding?, minimum? }` ({@link SizeRule})
 * @throws {@link ShuangsuijiError} with a code of {@link DrawErrorCode}
 * @group Draw
 *
 * @example
 * ```ts
 * console.log(sampleSize(101, { ratio: 0.05 })); // 6 (⌈5.05⌉)
 * console.log(sampleSize(101, { ratio: '5%', rounding: 'down' })); // 5
 * ```
 */
export function sampleSize(population: number, rule: SizeRule): number {
  if (!Number.isSafeInteger(population) || population < 0) throw new ShuangsuijiError('INVALID_SIZE', '总体数量须为非负整数', 'the population must be a non-negative integer', { path: ['population'] });
  return sizeFor(checkSize(rule, ['rule']), population);
}
