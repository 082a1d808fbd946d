import type { DrawSeed } from './draw-record.js';
import { deriveSeedFromOrigin } from './internals/seed.js';

/**
 * 掷骰生成种子 — a seed from **ten-sided (decimal) dice**: a string of at least 20 digits 0–9 (≥ 66 bits), read
 * aloud and recorded in public. Seed = SHA-256("shuangsuiji/seed/dice/v1" ‖ 0x00 ‖ digits). Non-digits throw
 * `INVALID_DICE_DIGITS`; fewer than 20 digits throw `SEED_TOO_WEAK`. (Six-sided dice: map each roll 1–6 to its
 * digit and roll at least 26 times for comparable strength — 26 × log2 6 ≈ 67 bits; the library only checks
 * the count of 20.)
 *
 * @param digits - 掷骰结果: the digits rolled with ten-sided dice, at least 20 characters `0`–`9`
 * @throws {@link ShuangsuijiError} with a code of {@link SeedErrorCode}
 * @group Draw
 *
 * @example
 * ```ts
 * const s = seedFromDice('31415926535897932384');
 * console.log(s.seed); // 64 hex characters
 * ```
 */
export function seedFromDice(digits: string): DrawSeed {
  return deriveSeedFromOrigin({ method: 'dice', digits });
}
