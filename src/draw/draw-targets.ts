import type { DrawOptions, RegisterSource } from './draw-options.js';
import type { DrawResult } from './draw-record.js';
import type { DrawSpec } from './draw-spec.js';
import { makeEngine, runSync } from './internals/drive.js';

/**
 * 随机抽取检查对象 — the verifiable draw. Every entity in the population gets a ticket SHA-256(prefix(seed,
 * label) ‖ id); the smallest tickets win (per stratum; by Pareto keys when weighted). Returns the selection in
 * ticket order and a plain-JSON record that {@link verifyDraw} recomputes. Memory grows with the sample, not the
 * register; draws whose size depends on counts read the register twice (see {@link RegisterSource}).
 * Throws `ShuangsuijiError` with a stable code on bad input (`INVALID_ID`, `DUPLICATE_ID`, `INVALID_RATIO`,
 * `INVALID_SIZE`, `INVALID_SPEC`, `NON_POSITIVE_WEIGHT`, `UNKNOWN_FILTER_FIELD`, `INVALID_SEED`, `INVALID_COMMITMENT`,
 * `SEED_COMMITMENT_MISMATCH`, `INVALID_ENTITY`, `POPULATION_TOO_SMALL` …).
 *
 * @param register - 检查对象名录库: the entity register to draw from, an array, any iterable or a function returning one
 * ({@link RegisterSource}); its order never matters
 * @param spec - 抽取规则: label, population, size (e.g. `{ count: 30 }` or `{ ratio: 0.05 }`), strata, weights and
 * exclusions ({@link DrawSpec})
 * @param options - 随机种子 and the rest: the seed (made with `seedFromDice` and friends), its published commitment, the
 * inspection history for 年度去重 ({@link DrawOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link DrawErrorCode}
 * @group Draw
 *
 * @example
 * ```ts
 * import { drawTargets, seedFromDice } from 'shuangsuiji';
 * const register = [1, 2, 3, 4, 5].map((i) => ({
 *   id: `E${i}`, name: `企业${i}`, kind: 'enterprise' as const, status: 'active' as const,
 *   lists: [], tags: [], complaintCount: 0,
 * }));
 * const { selected, record } = drawTargets(register, { label: '2025-第一批', size: { count: 2 } }, {
 *   seed: seedFromDice('31415926535897932384'),
 * });
 * console.log(selected.map((t) => t.id), record.register.digest);
 * ```
 */
export function drawTargets(register: RegisterSource, spec: DrawSpec, options: DrawOptions): DrawResult {
  const engine = makeEngine(spec, options);
  return runSync(engine, register);
}
