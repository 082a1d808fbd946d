import { ShuangsuijiError } from '../errors.js';
import { USCC_CHARSET, usccCheckValue } from './internals/uscc-core.js';

/**
 * 校验码 — computes the 18th character of a 统一社会信用代码 (GB 32100-2015) from its first 17:
 * `charset[(31 − Σ value·3^(i−1) mod 31) mod 31]` over the charset `0123456789ABCDEFGHJKLMNPQRTUWXY`.
 * Useful for generators. Throws `INVALID_ARGUMENT` (a programmer error) unless `first17` is exactly 17
 * characters of that charset (upper case; no I, O, S, V, Z). It does not check positions 3–8 are digits.
 *
 * @param first17 - 统一社会信用代码的前 17 位: the first 17 characters of a unified social credit code, upper case, from the
 * code's charset
 * @throws {@link ShuangsuijiError} with a code of {@link ModelsErrorCode}
 * @group Models
 *
 * @example
 * ```ts
 * computeUsccCheckCharacter('91350100M000100Y4'); // '3'
 * ```
 */
export function computeUsccCheckCharacter(first17: string): string {
  const value = typeof first17 === 'string' && first17.length === 17 ? usccCheckValue(first17) : -1;
  if (value < 0) {
    const shown = typeof first17 === 'string' ? JSON.stringify(first17) : typeof first17;
    throw new ShuangsuijiError(
      'INVALID_ARGUMENT',
      `计算校验码需要 17 位统一社会信用代码字符（0-9 及除 I、O、S、V、Z 外的大写字母），收到 ${shown}`,
      `computing a check character needs 17 characters of the credit-code charset (0-9 and upper-case letters except I, O, S, V, Z); received ${shown}`,
    );
  }
  return USCC_CHARSET.charAt(value);
}
