/**
 * The match's seed and label, read by the draw's own rules (docs/spec.md §M1): the draw's `readSeed` and dice
 * rule for the seed, the draw's label check for the label. Nothing here re-implements them.
 */
import { isShuangsuijiError, ShuangsuijiError } from '../../errors.js';
import { canonicalLabel } from '../../draw/internals/plan.js';
import { deriveSeedFromOrigin, readSeed } from '../../draw/internals/seed.js';

/**
 * The seed text hashed by the matcher. Accepted: a `DrawSeed` (the draw's `readSeed`: 64 lower-case hex digits
 * and, with an origin, the origin recomputed), a string of 64 lower-case hex digits (`readSeed` again), or a
 * string of decimal dice digits obeying the draw's dice rule (only `0`–`9`, at least 20: `INVALID_DICE_DIGITS`,
 * `SEED_TOO_WEAK`). Anything else — upper-case hex, 19 digits, free text, a number — is refused with the draw's
 * codes at path `['seed']`. A string is hashed as written; a `DrawSeed` by its 64 hex digits.
 */
export function readMatchSeed(seed: unknown): string {
  if (typeof seed === 'object' && seed !== null) return readSeed(seed).hex;
  if (typeof seed === 'string' && /^[0-9]+$/.test(seed)) {
    try {
      // The draw's dice rule (digits only, at least 20); its result is not used: the digits are hashed as written.
      deriveSeedFromOrigin({ method: 'dice', digits: seed });
    } catch (error) {
      // Only the count can fail for a string of digits; reported at the match's own path.
      if (!isShuangsuijiError(error, 'SEED_TOO_WEAK')) throw error;
      throw new ShuangsuijiError('SEED_TOO_WEAK', error.messageZh, error.messageEn, { path: ['seed'] });
    }
    return seed;
  }
  if (typeof seed === 'string' && /^[0-9a-f]{64}$/.test(seed)) return readSeed(seed).hex;
  const shown = typeof seed === 'string' ? JSON.stringify(seed.length > 80 ? `${seed.slice(0, 80)}…` : seed) : typeof seed;
  throw new ShuangsuijiError(
    'INVALID_SEED',
    `匹配的随机种子须为 seedFromDice 等生成的种子、64 个小写十六进制字符，或至少 20 位十面骰读数（仅数字 0–9），收到 ${shown}`,
    `a match seed must be a seed made by seedFromDice or the like, 64 lower-case hex characters, or at least 20 ten-sided dice digits (0–9 only); got ${shown}`,
    { path: ['seed'] },
  );
}

/**
 * The label by the draw's label rule (`canonicalLabel`: non-empty, at most 1024 UTF-16 code units, no control
 * character, no lone surrogate; `INVALID_LABEL` at `['label']`), in its NFC form.
 */
export function readMatchLabel(label: unknown): string {
  return canonicalLabel(label, ['label']);
}
