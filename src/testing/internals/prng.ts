/**
 * A small deterministic PRNG for synthetic data: sfc32 (Chris Doty-Humphrey's Small Fast Counting
 * generator), seeded from SHA-256 of a domain-separated seed text. Never `Math.random`.
 */
import { sha256, utf8 } from '../../internals/sha256.js';
import { ShuangsuijiError } from '../../errors.js';

/**
 * A seed for the generators: a safe integer or any text.
 *
 * @example
 * ```ts
 * const seed: Seed = 'demo-2025'; // or a number such as 42
 * ```
 */
export type Seed = number | string;

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: Seed, stream: string) {
    if (!(typeof seed === 'string' || (typeof seed === 'number' && Number.isSafeInteger(seed)))) {
      // Unreachable through the generators (readOptions checks the seed first); kept so the class stands alone.
      throw new ShuangsuijiError('INVALID_ARGUMENT', '种子应为安全整数或文本', 'the seed must be a safe integer or text', { path: ['options', 'seed'] });
    }
    const digest = sha256(utf8(`shuangsuiji/testing\u0000${stream}\u0000${typeof seed}:${String(seed)}`));
    const word = (i: number): number => ((digest[i]! << 24) | (digest[i + 1]! << 16) | (digest[i + 2]! << 8) | digest[i + 3]!) >>> 0;
    this.a = word(0);
    this.b = word(4);
    this.c = word(8);
    this.d = word(12) | 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Next 32-bit unsigned integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform integer in [0, n), n ≤ 2^32, unbiased (rejection sampling). */
  int(n: number): number {
    const limit = 0x100000000 - (0x100000000 % n);
    for (;;) {
      const x = this.next();
      if (x < limit) return x % n;
    }
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
