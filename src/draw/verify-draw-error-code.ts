/**
 * The codes of the {@link ShuangsuijiError}s {@link verifyDraw} and {@link verifyDrawAsync} throw: only for the
 * verifier's own arguments (options that are not `{ history }`, a history that breaks docs/spec.md §5, a register
 * that is not an array, iterable or function). A record that does not verify is never thrown: it is the returned
 * {@link VerifyResult}, whose codes are {@link VerifyCode}.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * try {
 *   verifyDraw({} as never, [], [] as never);
 * } catch (error) {
 *   if (isShuangsuijiError(error, 'INVALID_OPTION')) console.log(error.path); // ['options']
 * }
 * const expected: VerifyDrawErrorCode = 'INVALID_HISTORY';
 * ```
 */
export type VerifyDrawErrorCode = 'INVALID_OPTION' | 'INVALID_HISTORY' | 'INVALID_REGISTER';
