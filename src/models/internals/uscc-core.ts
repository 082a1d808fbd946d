/**
 * 统一社会信用代码 (GB 32100-2015) arithmetic shared by the public USCC functions and the fast register
 * parser. Hand-rolled (no regex, no tables built at load) because the parser runs it a million times.
 */

/** The 31 characters of the code, in value order 0..30 (no I, O, S, V, Z). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of positions 1..17: 3^(i−1) mod 31. */
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Value 0..30 of a character code in the USCC charset, or −1 (lower case, I, O, S, V, Z, anything else). */
export function usccValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48; // 0-9
  if (c >= 65 && c <= 72) return c - 55; // A-H → 10-17
  if (c >= 74 && c <= 78) return c - 56; // J-N → 18-22
  if (c >= 80 && c <= 82) return c - 57; // P-R → 23-25
  if (c === 84 || c === 85) return c - 58; // T-U → 26-27
  if (c >= 87 && c <= 89) return c - 59; // W-Y → 28-30
  return -1;
}

/** Check value (0..30) of the first 17 characters of `text`, or −1 when one of them is outside the charset. */
export function usccCheckValue(text: string): number {
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < 17; i++) {
    const v = usccValue(text.charCodeAt(i));
    if (v < 0) return -1;
    sum += v * weight;
    weight = (weight * 3) % 31;
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
  return check >= 0 && usccValue(text.charCodeAt(17)) === check;
}
