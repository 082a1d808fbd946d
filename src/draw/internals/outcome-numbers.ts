/**
 * 查询本单位 (docs/spec.md §7.8), numbers for people: a 256-bit ticket as its place in the ticket space (0.xxxx),
 * and exact fractions as short decimals. Display only: every verdict is decided on exact integers before any of
 * this is written, and everything here is computed with BigInt (no floating point, no locale).
 */
import type { Rational } from '../../internals/rational.js';
import { TWO256 } from './outcome-record.js';

/** Digits a ticket is shown with at least. */
export const MIN_FRACTION_DIGITS = 4;
/** 10^78 > 2^256: beyond this many digits two different tickets always differ. */
const MAX_FRACTION_DIGITS = 78;

/** t / 2^256 truncated to `digits` decimals, as "0.dddd". */
export function ticketFraction(t: bigint, digits: number): string {
  const scaled = (t * 10n ** BigInt(digits)) / TWO256;
  return `0.${scaled.toString().padStart(digits, '0')}`;
}

/**
 * Two tickets as fractions of the ticket space with the same number of decimals, at least `min` and as many as it
 * takes to tell them apart (a reader comparing "0.0421" with "0.0421" would learn nothing).
 */
export function ticketFractions(a: bigint, b: bigint, min = MIN_FRACTION_DIGITS): [string, string] {
  let digits = min;
  while (digits < MAX_FRACTION_DIGITS && ticketFraction(a, digits) === ticketFraction(b, digits)) digits++;
  return [ticketFraction(a, digits), ticketFraction(b, digits)];
}

/** The number of decimal digits of a positive integer. */
function digitCount(n: bigint): number {
  return n.toString().length;
}

/**
 * n/d (n ≥ 0, d > 0) with `significant` digits, truncated: positional between 10^-6 and 10^9 ("0.0001234",
 * "12.34"), otherwise scientific ("1.234e-12"). Exact integers are written whole.
 */
export function decimalOf(n: bigint, d: bigint, significant = 4): string {
  if (n === 0n) return '0';
  if (n % d === 0n && n / d < 10n ** 15n) return (n / d).toString();
  // e = ⌊log10(n/d)⌋: first guessed from the digit counts, then corrected exactly.
  let e = digitCount(n) - digitCount(d);
  const atLeast = (k: number): boolean => (k >= 0 ? n >= d * 10n ** BigInt(k) : n * 10n ** BigInt(-k) >= d);
  while (!atLeast(e)) e--;
  while (atLeast(e + 1)) e++;
  const shift = significant - 1 - e;
  const mantissa = shift >= 0 ? (n * 10n ** BigInt(shift)) / d : n / (d * 10n ** BigInt(-shift));
  const digits = mantissa.toString();
  if (e < -6 || e >= 9) {
    const head = digits.slice(0, 1), tail = digits.slice(1).replace(/0+$/, '');
    return `${head}${tail === '' ? '' : `.${tail}`}e${e < 0 ? '-' : '+'}${Math.abs(e)}`;
  }
  let text: string;
  if (e < 0) text = `0.${'0'.repeat(-e - 1)}${digits}`;
  else if (e + 1 >= digits.length) text = digits + '0'.repeat(e + 1 - digits.length);
  else text = `${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A rational for reading: "3" for 3/1, else "7/20（≈0.35）" style text built by the caller from this pair. */
export function readable(r: Rational): { exact: string; approx: string | undefined } {
  if (r.d === 1n) return { exact: r.n.toString(), approx: undefined };
  return { exact: `${r.n}/${r.d}`, approx: decimalOf(r.n, r.d) };
}
