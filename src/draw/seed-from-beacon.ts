import { ShuangsuijiError } from '../errors.js';
import type { DrawSeed } from './draw-record.js';
import { deriveSeedFromOrigin } from './internals/seed.js';

/**
 * 公共信标生成种子 — a seed from a public randomness beacon value fixed after the register digest was published
 * (e.g. a drand round, the NIST beacon): SHA-256("shuangsuiji/seed/beacon/v1" ‖ 0x00 ‖ lp(source) ‖ lp(round) ‖
 * lp(lower-case hex value)). The value must be ≥ 32 hex characters (`SEED_TOO_WEAK`).
 *
 * @param beacon - 公共信标: the beacon's name `source` (e.g. `'drand-quicknet'`), the `round` and its published
 * `value` (≥ 32 hex characters)
 * @throws {@link ShuangsuijiError} with a code of {@link SeedErrorCode}
 * @group Draw
 *
 * @example
 * ```ts
 * const s = seedFromBeacon({ source: 'drand-quicknet', round: '1234567', value: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90' });
 * console.log(s.seed.length); // 64
 * ```
 */
export function seedFromBeacon(beacon: { readonly source: string; readonly round: string | number; readonly value: string }): DrawSeed {
  if (typeof beacon !== 'object' || beacon === null || Array.isArray(beacon)) throw new ShuangsuijiError('INVALID_SEED', '信标须为对象 { source, round, value }', 'a beacon must be an object { source, round, value }', { path: [] });
  for (const key of Object.keys(beacon)) {
    if (key !== 'source' && key !== 'round' && key !== 'value') throw new ShuangsuijiError('INVALID_SEED', `信标含未知字段 ${key}`, `unknown key ${key} in the beacon`, { path: [key] });
  }
  const round: unknown = beacon.round;
  // A round number is written in decimal; any other type is refused rather than stringified.
  if (typeof round === 'number' && !(Number.isSafeInteger(round) && round >= 0)) throw new ShuangsuijiError('INVALID_SEED', '信标轮次须为非负整数或字符串', 'the beacon round must be a non-negative integer or a string', { path: ['round'] });
  if (typeof round !== 'number' && typeof round !== 'string') throw new ShuangsuijiError('INVALID_SEED', '信标轮次须为非负整数或字符串', 'the beacon round must be a non-negative integer or a string', { path: ['round'] });
  return deriveSeedFromOrigin({ method: 'beacon', source: beacon.source, round: String(round), value: beacon.value });
}
