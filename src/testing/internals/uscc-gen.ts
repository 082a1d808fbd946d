import { USCC_CHARSET, usccCheckValue } from '../../models/internals/uscc-core.js';
import type { Prng } from './prng.js';

/**
 * A valid synthetic 统一社会信用代码: department `9`, category by kind, the region code, and a 9-character
 * body whose last six characters encode `index` in base 31 (so codes of distinct indexes never collide)
 * after three random characters.
 */
export function syntheticUscc(prng: Prng, category: string, regionCode: string, index: number): string {
  let body = '';
  for (let i = 0; i < 3; i++) body += USCC_CHARSET.charAt(prng.int(31));
  let rest = '';
  let n = index;
  for (let i = 0; i < 6; i++) {
    rest = USCC_CHARSET.charAt(n % 31) + rest;
    n = Math.floor(n / 31);
  }
  const first17 = `9${category}${regionCode}${body}${rest}`;
  return first17 + USCC_CHARSET.charAt(usccCheckValue(first17));
}
