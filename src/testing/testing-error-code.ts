/**
 * The codes of the {@link shuangsuiji!ShuangsuijiError}s the generators of `shuangsuiji/testing` throw: `INVALID_ARGUMENT`
 * (a count, seed, option or input list they cannot use).
 *
 * @group Testing
 *
 * @example
 * ```ts
 * import { isShuangsuijiError } from 'shuangsuiji';
 * import { generateEntityRegister, type TestingErrorCode } from 'shuangsuiji/testing';
 *
 * const code: TestingErrorCode = 'INVALID_ARGUMENT';
 * try { generateEntityRegister(-1); } catch (error) { if (isShuangsuijiError(error, code)) console.log(error.messageEn); }
 * ```
 */
export type TestingErrorCode = 'INVALID_ARGUMENT';
