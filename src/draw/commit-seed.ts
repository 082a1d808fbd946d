import { ShuangsuijiError } from '../errors.js';
import { commitmentOf } from './internals/seed.js';

/**
 * Options of {@link commitSeed} and {@link checkSeedCommitment}.
 *
 * @example
 * ```ts
 * const options: CommitSeedOptions = { salt: 'a secret of at least 128 bits, revealed with the seed' };
 * ```
 */
export interface CommitSeedOptions {
  /**
   * 盐 — a random string kept secret until the reveal. Needed when the committed value has little entropy
   * (20 dice digits ≈ 66 bits could be brute-forced from the commitment alone). @defaultValue ''
   */
  readonly salt?: string;
}

/**
 * 种子承诺 — the hash to publish **before** revealing a seed (or a party's contribution):
 * SHA-256("shuangsuiji/commit/v1" ‖ 0x00 ‖ lp(value) ‖ lp(salt)), 64 hex characters.
 *
 * @example
 * ```ts
 * const seed = seedFromDice('31415926535897932384').seed;
 * const published = commitSeed(seed, { salt: 'k3v9-secret' });
 * console.log(checkSeedCommitment(seed, published, { salt: 'k3v9-secret' })); // true
 * ```
 */
export function commitSeed(value: string, options: CommitSeedOptions = {}): string {
  if (typeof value !== 'string' || value.length === 0) throw new ShuangsuijiError('INVALID_SEED', '承诺对象不能为空', 'the committed value must not be empty');
  return commitmentOf(value, options.salt ?? '');
}
