import type { DrawSeed } from './draw-record.js';
import { deriveSeedFromOrigin } from './internals/seed.js';

/**
 * 公共信标生成种子 — a seed from a public randomness beacon value fixed after the register digest was published
 * (e.g. a drand round, the NIST beacon): SHA-256("shuangsuiji/seed/beacon/v1" ‖ 0x00 ‖ lp(source) ‖ lp(round) ‖
 * lp(lower-case hex value)). The value must be ≥ 32 hex characters (`SEED_TOO_WEAK`).
 *
 * @example
 * ```ts
 * const s = seedFromBeacon({ source: 'drand-quicknet', round: '1234567', value: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90' });
 * console.log(s.seed.length); // 64
 * ```
 */
export function seedFromBeacon(beacon: { readonly source: string; readonly round: string | number; readonly value: string }): DrawSeed {
  return deriveSeedFromOrigin({ method: 'beacon', source: beacon.source, round: String(beacon.round), value: beacon.value });
}
