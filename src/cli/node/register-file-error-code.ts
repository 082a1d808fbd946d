/**
 * The code {@link registerDigestOfFile}, {@link drawFromFile} and {@link verifyDrawOfFile} throw for a register
 * file with problems (its rows, encoding or columns): `REGISTER_FILE_INVALID`, with `details.problems` (each with
 * `line`, `record`, `code` and messages, as the command prints them) and `details.problemCount`.
 *
 * @group Node
 *
 * @example
 * ```ts
 * function isFileProblem(code: string): code is RegisterFileErrorCode { return code === 'REGISTER_FILE_INVALID'; }
 * ```
 */
export type RegisterFileErrorCode = 'REGISTER_FILE_INVALID';
