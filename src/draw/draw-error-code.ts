/**
 * The codes of the {@link ShuangsuijiError}s the draw throws (docs/spec.md §12): {@link drawTargets},
 * {@link drawTargetsAsync}, {@link countPopulation}, {@link isInPopulation}, {@link registerDigest},
 * {@link exclusionDigest}, {@link computeTicket}, {@link canonicalEntityId}, {@link sampleSize},
 * {@link historyFromDraw} and the seed functions ({@link SeedErrorCode}). `FIELD_TOO_LONG` and `INTERNAL` would
 * signal a bug: every field is checked against its limit before it is encoded.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * try {
 *   drawTargets([], { label: 'x', size: 10 } as never, { seed: seedFromDice('12345678901234567890') });
 * } catch (error) {
 *   const codes: readonly DrawErrorCode[] = ['INVALID_SIZE', 'INVALID_SPEC'];
 *   if (isShuangsuijiError(error, codes)) console.log(error.code, error.messageEn); // INVALID_SIZE …
 * }
 * ```
 */
export type DrawErrorCode =
  | 'INVALID_ID'
  | 'INVALID_ENTITY'
  | 'DUPLICATE_ID'
  | 'ID_FINGERPRINT_COLLISION'
  | 'INVALID_REGISTER'
  | 'REGISTER_NOT_REITERABLE'
  | 'REGISTER_CHANGED_DURING_DRAW'
  | 'INVALID_LABEL'
  | 'INVALID_SPEC'
  | 'INVALID_SIZE'
  | 'INVALID_RATIO'
  | 'NON_POSITIVE_WEIGHT'
  | 'INVALID_FILTER'
  | 'UNKNOWN_FILTER_FIELD'
  | 'UNKNOWN_STRATIFY_FIELD'
  | 'POPULATION_TOO_SMALL'
  | 'INVALID_SEED'
  | 'INVALID_DICE_DIGITS'
  | 'SEED_TOO_WEAK'
  | 'SEED_ORIGIN_MISMATCH'
  | 'INVALID_COMMITMENT'
  | 'SEED_COMMITMENT_MISMATCH'
  | 'INVALID_OPTION'
  | 'INVALID_HISTORY'
  | 'HISTORY_REQUIRED'
  | 'INVALID_INPUT'
  | 'INVALID_SHARD_PLAN'
  | 'INVALID_SHARD_SUMMARY'
  | 'SHARD_MISMATCH'
  | 'FIELD_TOO_LONG'
  | 'INTERNAL';
