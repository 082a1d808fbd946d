/**
 * The codes of the {@link ShuangsuijiError}s the models throw — programmer errors only (data problems are
 * returned as issues): `INVALID_ARGUMENT` (rows that are not an array or iterable; {@link computeUsccCheckCharacter}
 * given anything but 17 valid characters) and `INVALID_OPTION` (a parser option of the wrong shape, a header mapped
 * to an unknown field).
 *
 * @group Models
 *
 * @example
 * ```ts
 * try {
 *   parseEntityRegister([], { unknownFields: 'drop' } as never);
 * } catch (error) {
 *   if (isShuangsuijiError(error, 'INVALID_OPTION')) console.log(error.path); // ['unknownFields']
 * }
 * const code: ModelsErrorCode = 'INVALID_ARGUMENT';
 * ```
 */
export type ModelsErrorCode = 'INVALID_ARGUMENT' | 'INVALID_OPTION';
