import { readSalt, type CommitSeedOptions } from './commit-seed.js';
import { commitmentOf } from './internals/seed.js';

/**
 * Checks a revealed seed (or contribution) against the commitment published before.
 *
 * @param value - the revealed seed (64 hex characters) or a party's revealed contribution, exactly as committed
 * @param commitment - 种子承诺: the 64-hex-character commitment published before, as {@link commitSeed} returned it
 * @param options - the salt used when committing ({@link CommitSeedOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link SeedErrorCode}
 * @group Draw
 *
 * @example
 * ```ts
 * const c = commitSeed('abc', { salt: 's' });
 * console.log(checkSeedCommitment('abc', c, { salt: 's' }), checkSeedCommitment('abd', c, { salt: 's' })); // true false
 * ```
 */
export function checkSeedCommitment(value: string, commitment: string, options: CommitSeedOptions = {}): boolean {
  const salt = readSalt(options);
  return typeof value === 'string' && typeof commitment === 'string' && commitmentOf(value, salt) === commitment.toLowerCase();
}
