/**
 * One error class for programmer errors (wrong argument types, impossible options), and one readonly
 * issue shape for data problems. Data problems are returned in a result union; programmer errors throw.
 *
 * @module
 */
import type { ErrorCode } from './error-code.js';

/**
 * The brand every {@link ShuangsuijiError} carries (a registered symbol, so every copy of the library — the ESM and
 * CommonJS builds, two bundles — uses the same one): `instanceof` and {@link isShuangsuijiError} look for it.
 */
const BRAND: unique symbol = Symbol.for('shuangsuiji.error') as never;

/**
 * A path to a field inside an input: array indexes and object keys, outermost first.
 *
 * @group Errors
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
 * @group Errors
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
 * @group Errors
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
 * @group Errors
 *
 * @example
 * ```ts
 * new ShuangsuijiError('INVALID_DATE', '日期无效', 'invalid date', { path: ['date'], details: { received: '2025-2-3' } });
 * ```
 */
export interface ShuangsuijiErrorOptions {
  /**
   * The path to the bad argument or field, when there is one.
   * @defaultValue `[]` (no path)
   */
  readonly path?: IssuePath;
  /**
   * The underlying cause, if any.
   * @defaultValue none (`error.cause` is not set)
   */
  readonly cause?: unknown;
  /**
   * Extra facts for programs (e.g. the covered range of a calendar). Must be JSON-serialisable.
   * @defaultValue none (`error.details` is `undefined`)
   */
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * The one error base class of the library. `message` holds Chinese first, then English.
 *
 * @group Errors
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
export class ShuangsuijiError<Code extends ErrorCode = ErrorCode> extends Error {
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

  /**
   * Thrown by the library's functions; create one yourself only to raise the same kind of error from your own
   * code (e.g. a wrapper that checks its arguments as the library does).
   *
   * @param code - the stable UPPER_SNAKE_CASE code, e.g. `'INVALID_DATE'`
   * @param messageZh - 中文说明: what is wrong, in Chinese
   * @param messageEn - the same in English
   * @param options - the path to the bad field, the cause and extra facts ({@link ShuangsuijiErrorOptions})
   */
  constructor(code: Code, messageZh: string, messageEn: string, options: ShuangsuijiErrorOptions = {}) {
    const where = options.path && options.path.length > 0 ? ` [${options.path.join('.')}]` : '';
    super(`${code}: ${messageZh} / ${messageEn}${where}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.path = options.path ?? [];
    this.details = options.details;
    // Non-enumerable: JSON.stringify, structuredClone and object spread see the same error as before.
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * `error instanceof ShuangsuijiError` holds for an error of any copy of the library (the ESM and CommonJS builds
   * have two classes): it checks the brand set by the constructor, not the prototype chain.
   * {@link isShuangsuijiError} remains the preferred test (it also narrows by code and accepts older copies).
   *
   * @param value - the value on the left of `instanceof`, e.g. an error caught with `catch (error)`
   */
  static override [Symbol.hasInstance](value: unknown): value is ShuangsuijiError {
    // A subclass keeps the ordinary prototype check: only the base class answers for every copy.
    if (this !== ShuangsuijiError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }
}

/**
 * Type guard for {@link ShuangsuijiError}, optionally for one code or a list of codes — the preferred way to
 * catch the library's errors. Works across bundles (the ESM and CommonJS builds, two copies of the library) and
 * narrows `error.code`: to the code given, to the union of the codes listed, or else to {@link ErrorCode}.
 *
 * @param value - anything caught (`catch (error)`), from this copy of the library or another bundle of it
 * @param code - the one code to accept, e.g. `'INVALID_DATE'`, or a list of them, e.g. a function's
 * documented codes; omitted, any `ShuangsuijiError` passes
 * @group Errors
 *
 * @example
 * ```ts
 * try { JSON.parse('{'); } catch (error) { console.log(isShuangsuijiError(error)); } // false
 * try {
 *   parsePlainDate('2025-02-30');
 * } catch (error) {
 *   // error.code is narrowed to 'INVALID_DATE' | 'INVALID_ARGUMENT'
 *   if (isShuangsuijiError(error, ['INVALID_DATE', 'INVALID_ARGUMENT'])) console.log(error.code, error.path);
 * }
 * ```
 */
export function isShuangsuijiError<Code extends ErrorCode = ErrorCode>(
  value: unknown,
  code?: Code | readonly Code[],
): value is ShuangsuijiError<Code> {
  if (typeof value !== 'object' || value === null) return false;
  // The brand (any copy of this version or later), else the name (older copies, which set no brand).
  const candidate = value as { name?: unknown; code?: unknown };
  if (!(value instanceof ShuangsuijiError) && candidate.name !== 'ShuangsuijiError') return false;
  if (typeof candidate.code !== 'string') return false;
  if (code === undefined) return true;
  return typeof code === 'string' ? candidate.code === code : Array.isArray(code) && (code as readonly string[]).includes(candidate.code);
}
