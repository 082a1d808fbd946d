/**
 * 统一社会信用代码 (GB 32100-2015) arithmetic shared by the public USCC functions and the fast register
 * parser. Hand-rolled (no regex; only literal tables) because the parser runs it a million times.
 */

/** The 31 characters of the code, in value order 0..30 (no I, O, S, V, Z). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of positions 1..17: 3^(i−1) mod 31. */
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Value 0..30 of each ASCII character code in the charset, −1 elsewhere (a literal: nothing built at load). */
// prettier-ignore
const VALUE_OF_ASCII: readonly number[] = [
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -1, -1, -1, -1, -1, -1,
  -1, 10, 11, 12, 13, 14, 15, 16, 17, -1, 18, 19, 20, 21, 22, -1, 23, 24, 25, -1, 26, 27, -1, 28, 29, 30, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
];

/** Value 0..30 of a character code in the USCC charset, or −1 (lower case, I, O, S, V, Z, anything else). */
export function usccValue(c: number): number {
  return c < 128 ? VALUE_OF_ASCII[c]! : -1;
}

/** Check value (0..30) of the first 17 characters of `text`, or −1 when one of them is outside the charset. */
export function usccCheckValue(text: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = text.charCodeAt(i); // NaN past the end: fails `c < 128`
    const v = c < 128 ? VALUE_OF_ASCII[c]! : -1;
    if (v < 0) return -1;
    sum += v * USCC_WEIGHTS[i]!; // < 17 · 30 · 30: no overflow, one modulo at the end
  }
  return (31 - (sum % 31)) % 31;
}

/** Fast full check: 18 characters, all in the charset, positions 3–8 digits, right check character. */
export function isValidUsccFast(text: string): boolean {
  if (text.length !== 18) return false;
  for (let i = 2; i < 8; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const check = usccCheckValue(text);
  if (check < 0) return false;
  const last = text.charCodeAt(17);
  return last < 128 && VALUE_OF_ASCII[last] === check;
}
