import type { DrawSeed, SeedContribution } from './draw-record.js';
import { deriveSeedFromOrigin } from './internals/seed.js';

/**
 * 多方共同生成种子 — combines several parties' contributions **in the order given** (state the order in the
 * plan beforehand): SHA-256("shuangsuiji/seed/contributions/v1" ‖ 0x00 ‖ u32 n ‖ (lp(party) ‖ lp(value))…).
 * The seed is unpredictable as long as one party's value is. Parties should publish
 * {@link commitSeed}(value) first and reveal afterwards. Values must total ≥ 20 characters (`SEED_TOO_WEAK`).
 *
 * @param contributions - 各方贡献值: each party's name and value, in the order stated beforehand ({@link SeedContribution})
 * @throws {@link ShuangsuijiError} with a code of {@link SeedErrorCode}
 * @group Draw
 *
 * @example
 * ```ts
 * const s = seedFromContributions([
 *   { party: '市场监管局', value: '40213377' + '99120045' },
 *   { party: '公证处', value: '5521098834' },
 * ]);
 * console.log(s.origin.method); // 'contributions'
 * ```
 */
export function seedFromContributions(contributions: readonly SeedContribution[]): DrawSeed {
  return deriveSeedFromOrigin({ method: 'contributions', contributions });
}
