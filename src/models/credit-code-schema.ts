import * as z from 'zod';
import { isValidUscc } from './is-valid-uscc.js';

/**
 * 统一社会信用代码 — a zod schema for a GB 32100-2015 code: 18 characters of
 * `0123456789ABCDEFGHJKLMNPQRTUWXY`, positions 3–8 digits, correct check character (see {@link isValidUscc}).
 *
 * @group Models
 *
 * @example
 * ```ts
 * CreditCodeSchema.safeParse('91350100M000100Y43').success; // true
 * CreditCodeSchema.safeParse('91350100M000100Y4A').success; // false
 * ```
 */
export const CreditCodeSchema = /* @__PURE__ */ z.string().refine(isValidUscc, {
  message: 'invalid unified social credit code (GB 32100-2015) / 统一社会信用代码无效',
});
