import { isValidUsccFast } from './internals/uscc-core.js';

/**
 * 统一社会信用代码校验 — true when `code` is an 18-character 统一社会信用代码 (GB 32100-2015): every
 * character in `0123456789ABCDEFGHJKLMNPQRTUWXY` (upper case only; I, O, S, V, Z never occur), positions
 * 3–8 (the region code) digits, and a correct check character. Nothing is trimmed or upper-cased.
 * Use {@link parseUscc} to learn why a code is rejected.
 *
 * @param code - 统一社会信用代码: the value to check, of any type (only an 18-character string can pass)
 * @group Models
 *
 * @example
 * ```ts
 * isValidUscc('91350100M000100Y43'); // true
 * isValidUscc('91350100M000100Y4A'); // false — wrong check character
 * ```
 */
export function isValidUscc(code: unknown): code is string {
  return typeof code === 'string' && isValidUsccFast(code);
}
