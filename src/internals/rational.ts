/**
 * Exact rationals with BigInt, and the one exact reader of decimals shared by the draw, the workflow and the
 * audit: a JS number is read by its shortest round-trip decimal string (ECMAScript Number::toString), so `0.07`
 * is 7/100, never the binary double nearest to it. Nothing here uses floating point except `ratFloat`, which
 * is for display only.
 *
 * @module
 */

/** A rational n/d with d > 0, reduced (as built by {@link rat}). */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a, y = b;
  while (y !== 0n) { const t = x % y; x = y; y = t; }
  return x;
}

/** Builds a reduced rational (throws `RangeError` on a zero denominator). */
export function rat(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('zero denominator');
  if (d < 0n) { n = -n; d = -d; }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}
export const add = (a: Rational, b: Rational): Rational => rat(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rat(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rat(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => rat(a.n * b.d, a.d * b.n);
/** −1, 0 or 1 as a <, = or > b, exactly (denominators positive). */
export const cmp = (a: Rational, b: Rational): number => { const l = a.n * b.d, r = b.n * a.d; return l < r ? -1 : l > r ? 1 : 0; };
export const ratString = (a: Rational): string => `${a.n}/${a.d}`;
/** A float for display only. */
export const ratFloat = (a: Rational): number => Number(a.n) / Number(a.d);

/**
 * Reads a decimal exactly: a finite JS number by its shortest round-trip string (so `0.07` is 7/100 and `1e-7`
 * is 1/10⁷), or a string `"0.07"`, `"-0.5"`, `"7e-2"`, `"7%"` or `"7/100"` (surrounding spaces ignored).
 * Returns the reduced rational, or `undefined` when the value is not a finite decimal of these forms. Signs are
 * kept: callers decide which range they accept.
 */
export function readDecimal(value: unknown): Rational | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    text = String(value);
  } else if (typeof value === 'string') text = value.trim();
  else return undefined;
  let percent = false;
  if (text.endsWith('%')) { percent = true; text = text.slice(0, -1); }
  const frac = /^(\d+)\/(\d+)$/.exec(text);
  if (frac) {
    const d = BigInt(frac[2]!);
    if (d === 0n) return undefined;
    const r = rat(BigInt(frac[1]!), d);
    return percent ? mul(r, rat(1n, 100n)) : r;
  }
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return undefined;
  const digits = (m[2] ?? '') + (m[3] ?? '');
  const exp = -(m[3]?.length ?? 0) + Number(m[4] ?? '0') - (percent ? 2 : 0);
  let n = BigInt(digits) * (m[1] === '-' ? -1n : 1n);
  let d = 1n;
  if (exp >= 0) n *= 10n ** BigInt(exp);
  else d = 10n ** BigInt(-exp);
  return rat(n, d);
}
