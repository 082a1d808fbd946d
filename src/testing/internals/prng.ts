/**
 * The seeded random source of the synthetic-data generators: pure-rand's xoroshiro128+ (the generator
 * pure-rand recommends; pure-rand is the seeded generator fast-check itself runs on), its state taken from
 * SHA-256 of a domain-separated seed text. Never `Math.random`. Only `shuangsuiji/testing` uses it: the
 * draw, the matcher and the audit take their randomness from SHA-256 tickets (docs/spec.md), not from here.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { sha256, utf8 } from '../../internals/sha256.js';
import { ShuangsuijiError } from '../../errors.js';

/**
 * A seed for the generators: a safe integer or any text.
 *
 * @group Testing
 *
 * @example
 * ```ts
 * const seed: Seed = 'demo-2025'; // or a number such as 42
 * ```
 */
export type Seed = number | string;

/** Domain of the seed digest: names the generator, so another generator could never reuse a stream. */
const SEED_DOMAIN = 'shuangsuiji/testing/xoroshiro128+';

export class Prng {
  /** pure-rand's mutating generator: `next()` and `uniformInt` advance it in place (no copy per draw). */
  private readonly rng: ReturnType<typeof xoroshiro128plusFromState>;

  constructor(seed: Seed, stream: string) {
    if (!(typeof seed === 'string' || (typeof seed === 'number' && Number.isSafeInteger(seed)))) {
      // Unreachable through the generators (readOptions checks the seed first); kept so the class stands alone.
      throw new ShuangsuijiError('INVALID_ARGUMENT', '种子应为安全整数或文本', 'the seed must be a safe integer or text', { path: ['options', 'seed'] });
    }
    // Seed → state. pure-rand's `xoroshiro128plus(seed)` takes a 32-bit integer and expands it to the state
    // (-1, ~seed, seed, 0): only 2^32 streams, so two seed texts could share one. Instead the whole 128-bit
    // state comes from the digest of `domain NUL stream NUL type:seed` (the type keeps 9 and '9' apart):
    // s0 = bytes 0–7 and s1 = bytes 8–15 of the digest, each a big-endian 64-bit word, handed to
    // `xoroshiro128plusFromState` as the 32-bit halves it stores ([s0 high, s0 low, s1 high, s1 low]).
    const digest = sha256(utf8(`${SEED_DOMAIN}\u0000${stream}\u0000${typeof seed}:${String(seed)}`));
    const word = (i: number): number => (digest[i]! << 24) | (digest[i + 1]! << 16) | (digest[i + 2]! << 8) | digest[i + 3]!;
    const state = [word(0), word(4), word(8), word(12)];
    // The all-zero state is the one xoroshiro128+ never leaves (it would output 0 forever); a digest starting
    // with 16 zero bytes (chance 2^-128) takes s1 = 1 instead.
    if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[3] = 1;
    this.rng = xoroshiro128plusFromState(state);
  }

  /** Uniform integer in [0, n), 1 ≤ n ≤ 2^32, unbiased (pure-rand's rejection sampling). */
  int(n: number): number {
    return uniformInt(this.rng, 0, n - 1);
  }

  /** True with probability `perMille`/1000. */
  chance(perMille: number): boolean {
    return this.int(1000) < perMille;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Picks an index by integer weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.int(total);
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i]!;
      if (x < 0) return i;
    }
    return weights.length - 1;
  }
}

/** Zero-padded decimal. */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Most rows a generator builds in memory at once (bounded memory for any argument; stream larger registers). */
export const MAX_GENERATED = 10_000_000;

/** Throws `INVALID_ARGUMENT` at `path` unless `count` is a whole number from 0 to {@link MAX_GENERATED}; returns it. */
export function checkCount(count: unknown, whatZh: string, whatEn: string, path: readonly (string | number)[] = ['count']): number {
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0 || count > MAX_GENERATED) {
    throw new ShuangsuijiError('INVALID_ARGUMENT', `${whatZh}数量应为 0 至 ${MAX_GENERATED} 之间的整数`, `the ${whatEn} count must be a whole number from 0 to ${MAX_GENERATED}`, { path });
  }
  return count;
}
