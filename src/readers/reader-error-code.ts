/**
 * The codes of the {@link shuangsuiji!ShuangsuijiError}s the register readers throw — programmer errors only (a file's own
 * problems are {@link ReadProblem}s with a {@link ReadProblemCode}): `INVALID_ARGUMENT` (a source that is not a
 * stream of `Uint8Array` chunks, or not a `Blob`), `INVALID_OPTION` (an unknown or mistyped reading option) and
 * `READER_USED` (a {@link RegisterRowReader} iterated twice).
 *
 * @group CLI readers
 *
 * @example
 * ```ts
 * import { readRegisterBlob, type ReaderErrorCode } from 'shuangsuiji/readers';
 * import { isShuangsuijiError } from 'shuangsuiji';
 *
 * const reader = readRegisterBlob(new Blob(['编号,名称\nE-1,示例\n']), { name: '名录库.csv' });
 * for await (const row of reader) console.log(row.line, row.row);
 * try {
 *   for await (const row of reader) console.log(row);
 * } catch (error) {
 *   const codes: readonly ReaderErrorCode[] = ['READER_USED'];
 *   if (isShuangsuijiError(error, codes)) console.log(error.messageEn); // a register reader can be iterated only once
 * }
 * ```
 */
export type ReaderErrorCode = 'INVALID_ARGUMENT' | 'INVALID_OPTION' | 'READER_USED';
