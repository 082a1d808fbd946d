/**
 * One error class for programmer errors (wrong argument types, impossible options), and one readonly
 * issue shape for data problems. Data problems are returned in a result union; programmer errors throw.
 *
 * @module
 */

/**
 * A path to a field inside an input: array indexes and object keys, outermost first.
 *
 * @example
 * ```ts
 * const path: IssuePath = [12, 'certificate', 'validTo'];
 * ```
 */
export type IssuePath = readonly (string | number)[];

/**
 * A data problem found while validating input (a register row, an item, a calendar year …).
 * Every problem is reported, not only the first; nothing is silently dropped or changed.
 *
 * @example
 * ```ts
 * const issue: DataIssue = {
 *   code: 'USCC_CHECK_CHARACTER',
 *   path: [3, 'creditCode'],
 *   messageZh: '统一社会信用代码校验码错误',
 *   messageEn: 'the check character of the unified social credit code is wrong',
 * };
 * ```
 */
export interface DataIssue<Code extends string = string> {
  /** A stable, machine-readable code (UPPER_SNAKE_CASE). */
  readonly code: Code;
  /** Where the problem is: row index first for registers, then the field name. */
  readonly path: IssuePath;
  /** 中文说明. */
  readonly messageZh: string;
  /** English message. */
  readonly messageEn: string;
  /** The offending value when it is safe and useful to show it. */
  readonly received?: unknown;
}

/**
 * A `safeParse`-style result: either the typed data or every problem found.
 *
 * @example
 * ```ts
 * function describe(result: ParseResult<readonly string[]>): string {
 *   return result.success ? `${result.data.length} rows` : `${result.issues.length} problems`;
 * }
 * ```
 */
export type ParseResult<T, Code extends string = string> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly issues: readonly DataIssue<Code>[] };

/**
 * Options for {@link ShuangsuijiError}.
 *
 * @example
 * ```ts
 * new ShuangsuijiError('INVALID_DATE', '日期无效', 'invalid date', { path: ['date'], details: { received: '2025-2-3' } });
 * ```
 */
export interface ShuangsuijiErrorOptions {
  /** The path to the bad argument or field, when there is one. */
  readonly path?: IssuePath;
  /** The underlying cause, if any. */
  readonly cause?: unknown;
  /** Extra facts for programs (e.g. the covered range of a calendar). Must be JSON-serialisable. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * The one error base class of the library. `message` holds Chinese first, then English.
 *
 * @example
 * ```ts
 * try {
 *   throw new ShuangsuijiError('INVALID_DATE', '日期无效：2025-02-30', 'invalid date: 2025-02-30');
 * } catch (error) {
 *   if (isShuangsuijiError(error, 'INVALID_DATE')) console.log(error.code, error.messageEn);
 * }
 * ```
 */
export class ShuangsuijiError<Code extends string = string> extends Error {
  override readonly name = 'ShuangsuijiError';
  /** A stable, machine-readable code (UPPER_SNAKE_CASE). */
  readonly code: Code;
  /** 中文说明. */
  readonly messageZh: string;
  /** English message. */
  readonly messageEn: string;
  /** The path to the bad argument or field (empty when not applicable). */
  readonly path: IssuePath;
  /** Extra facts for programs. */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: Code, messageZh: string, messageEn: string, options: ShuangsuijiErrorOptions = {}) {
    const where = options.path && options.path.length > 0 ? ` [${options.path.join('.')}]` : '';
    super(`${code}: ${messageZh} / ${messageEn}${where}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.path = options.path ?? [];
    this.details = options.details;
  }
}

/**
 * Type guard for {@link ShuangsuijiError}, optionally for one code. Works across bundles (checks the
 * `name` and `code` rather than `instanceof` alone), so two copies of the library interoperate.
 *
 * @example
 * ```ts
 * try { JSON.parse('{'); } catch (error) { console.log(isShuangsuijiError(error)); } // false
 * ```
 */
export function isShuangsuijiError<Code extends string = string>(
  value: unknown,
  code?: Code,
): value is ShuangsuijiError<Code> {
  if (value instanceof ShuangsuijiError) return code === undefined || value.code === code;
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { name?: unknown; code?: unknown };
  return (
    candidate.name === 'ShuangsuijiError' &&
    typeof candidate.code === 'string' &&
    (code === undefined || candidate.code === code)
  );
}
