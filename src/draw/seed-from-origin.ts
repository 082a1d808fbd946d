import type { DrawSeed, SeedOrigin } from './draw-record.js';
import { deriveSeedFromOrigin } from './internals/seed.js';

/**
 * Recomputes a seed from its recorded origin (what {@link verifyDraw} does with `record.seedOrigin`).
 *
 * @param origin - 种子来源: dice digits, contributions or a beacon value, as a record's `seedOrigin` states it
 * ({@link SeedOrigin})
 * @throws {@link ShuangsuijiError} with a code of {@link SeedErrorCode}
 * @group Draw
 *
 * @example
 * ```ts
 * const again = seedFromOrigin({ method: 'dice', digits: '31415926535897932384' });
 * console.log(again.seed === seedFromDice('31415926535897932384').seed); // true
 * ```
 */
export function seedFromOrigin(origin: SeedOrigin): DrawSeed {
  return deriveSeedFromOrigin(origin);
}
