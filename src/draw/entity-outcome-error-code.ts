/**
 * The codes of the {@link ShuangsuijiError}s {@link checkEntityOutcome} throws: a record that fails the checks
 * it can make without the register (`RECORD_MALFORMED`, `SEED_ORIGIN_MISMATCH`, `SEED_COMMITMENT_MISMATCH`,
 * `STRATA_DIFFER`, `SELECTION_DIFFERS` — the codes {@link verifyDraw} would return), and a bad query
 * (`INVALID_ARGUMENT`, `INVALID_ID`, `INVALID_ENTITY`).
 *
 * @group Draw
 *
 * @example
 * ```ts
 * declare const record: DrawRecord;
 * try {
 *   checkEntityOutcome(record, { id: 'E1' });
 * } catch (error) {
 *   const recordProblems: readonly EntityOutcomeErrorCode[] = ['RECORD_MALFORMED', 'SELECTION_DIFFERS', 'STRATA_DIFFER'];
 *   if (isShuangsuijiError(error, recordProblems)) console.log('the record itself is wrong:', error.messageEn);
 * }
 * ```
 */
export type EntityOutcomeErrorCode =
  | 'RECORD_MALFORMED'
  | 'SEED_ORIGIN_MISMATCH'
  | 'SEED_COMMITMENT_MISMATCH'
  | 'STRATA_DIFFER'
  | 'SELECTION_DIFFERS'
  | 'INVALID_ARGUMENT'
  | 'INVALID_ID'
  | 'INVALID_ENTITY';
