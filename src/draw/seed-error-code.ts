/**
 * The codes of the {@link ShuangsuijiError}s the seed functions throw ({@link seedFromDice},
 * {@link seedFromContributions}, {@link seedFromBeacon}, {@link seedFromOrigin}, {@link commitSeed},
 * {@link checkSeedCommitment}; docs/spec.md §2): a subset of {@link DrawErrorCode}.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * try {
 *   seedFromDice('12345');
 * } catch (error) {
 *   if (isShuangsuijiError(error, 'SEED_TOO_WEAK')) console.log(error.messageEn); // at least 20 dice digits are needed …
 * }
 * const expected: SeedErrorCode = 'INVALID_DICE_DIGITS';
 * ```
 */
export type SeedErrorCode = 'INVALID_SEED' | 'INVALID_DICE_DIGITS' | 'SEED_TOO_WEAK' | 'SEED_ORIGIN_MISMATCH' | 'INVALID_OPTION';
