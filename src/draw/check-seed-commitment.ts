import { readSalt, type CommitSeedOptions } from './commit-seed.js';
import { commitmentOf } from './internals/seed.js';

/**
 * Checks a revealed seed (or contribution) against the commitment published before.
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
