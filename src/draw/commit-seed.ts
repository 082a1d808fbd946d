import { compareCodePoints } from '../internals/compare.js';
import { ShuangsuijiError } from '../errors.js';
import { commitmentOf } from './internals/seed.js';

/**
 * Options of {@link commitSeed} and {@link checkSeedCommitment}.
 *
 * @group Draw
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
 * @param value - the secret to commit to: a seed (64 hex characters) or one party's contribution, to be revealed after
 * the commitment is published
 * @param options - an optional salt, revealed together with the value ({@link CommitSeedOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link SeedErrorCode}
 * @group Draw
 *
 * @example
 * ```ts
 * const seed = seedFromDice('31415926535897932384').seed;
 * const published = commitSeed(seed, { salt: 'k3v9-secret' });
 * console.log(checkSeedCommitment(seed, published, { salt: 'k3v9-secret' })); // true
 * ```
 */
export function commitSeed(value: string, options: CommitSeedOptions = {}): string {
  if (typeof value !== 'string' || value.length === 0) throw new ShuangsuijiError('INVALID_SEED', '承诺对象须为非空字符串', 'the committed value must be a non-empty string', { path: ['value'] });
  return commitmentOf(value, readSalt(options));
}

/**
 * The salt of commitment options: an object with at most a string `salt`. A bare string (`commitSeed(seed,
 * 'salt')`), a non-string salt or any other key is refused (`INVALID_OPTION`) — never read as "no salt", which
 * would publish an unsalted, brute-forceable commitment.
 */
export function readSalt(options: unknown): string {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ShuangsuijiError('INVALID_OPTION', `选项须为对象 { salt }，收到 ${options === null ? 'null' : typeof options}（盐请写作 { salt: '…' }）`, `options must be an object { salt }; received ${options === null ? 'null' : typeof options} (pass the salt as { salt: '…' })`, { path: ['options'] });
  }
  for (const key of Object.keys(options).sort(compareCodePoints)) {
    if (key !== 'salt') throw new ShuangsuijiError('INVALID_OPTION', `选项含未知字段 ${key}（只有 salt）`, `unknown option ${key} (the only option is salt)`, { path: ['options', key] });
  }
  const salt = (options as { salt?: unknown }).salt;
  if (salt === undefined) return '';
  if (typeof salt !== 'string') throw new ShuangsuijiError('INVALID_OPTION', `盐须为字符串，收到 ${salt === null ? 'null' : typeof salt}`, `the salt must be a string; received ${salt === null ? 'null' : typeof salt}`, { path: ['options', 'salt'] });
  return salt;
}
