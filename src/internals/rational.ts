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

/** Longest decimal text {@link readDecimal} reads (JS numbers print in at most 25 characters). */
export const MAX_DECIMAL_TEXT = 400;
/** Largest power of ten, either way, {@link readDecimal} applies (every finite double is within ±330). */
export const MAX_DECIMAL_EXPONENT = 400;

/**
 * Reads a decimal exactly: a finite JS number by its shortest round-trip string (so `0.07` is 7/100 and `1e-7`
 * is 1/10⁷), or a string `"0.07"`, `"-0.5"`, `"7e-2"`, `"7%"` or `"7/100"` (surrounding spaces ignored).
 * Returns the reduced rational, or `undefined` when the value is not a finite decimal of these forms. Signs are
 * kept: callers decide which range they accept. Text longer than {@link MAX_DECIMAL_TEXT} characters or a
 * power of ten beyond ±{@link MAX_DECIMAL_EXPONENT} is refused (`undefined`): a record or a spec is untrusted
 * input, and `"1e-999999999"` would otherwise build a billion-digit BigInt (minutes of work, then a RangeError).
 */
export function readDecimal(value: unknown): Rational | undefined {
  if (typeof value === 'string' && value.length > MAX_DECIMAL_TEXT) return undefined;
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
  if (!(Math.abs(exp) <= MAX_DECIMAL_EXPONENT)) return undefined;
  let n = BigInt(digits) * (m[1] === '-' ? -1n : 1n);
  let d = 1n;
  if (exp >= 0) n *= 10n ** BigInt(exp);
  else d = 10n ** BigInt(-exp);
  return rat(n, d);
}
