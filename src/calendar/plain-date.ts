/**
 * 日期 — a plain calendar date written `YYYY-MM-DD` (four-digit year, zero-padded), with no time and no
 * time zone. A branded string: get one from {@link parsePlainDate}, {@link isPlainDate} or any calendar
 * function; every calendar function also accepts plain `string`s and validates them.
 *
 * @group Calendar
 *
 * @example
 * ```ts
 * const start: PlainDate = parsePlainDate('2024-09-30');
 * ```
 */
export type PlainDate = string & { readonly __plainDate: true };
