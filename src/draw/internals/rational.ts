/** Exact non-negative rationals with BigInt, and exact reading of decimals. */
import { ShuangsuijiError } from '../../errors.js';

/** A rational num/den with den > 0, reduced. */
export interface Rational { readonly n: bigint; readonly d: bigint }

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a, y = b;
  while (y !== 0n) { const t = x % y; x = y; y = t; }
  return x;
}

/** Builds a reduced rational. */
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
export const cmp = (a: Rational, b: Rational): number => { const l = a.n * b.d, r = b.n * a.d; return l < r ? -1 : l > r ? 1 : 0; };
export const ratString = (a: Rational): string => `${a.n}/${a.d}`;
/** A float for display only. */
export const ratFloat = (a: Rational): number => Number(a.n) / Number(a.d);

/**
 * Reads a decimal exactly: a JS number by its shortest round-trip string (ECMAScript Number::toString, so
 * `0.07` is 7/100), or a string `"0.07"`, `"7%"` or `"7/100"`. Returns undefined when not a finite decimal.
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

/** Reads a ratio in (0, 1] or throws `INVALID_RATIO`. */
export function readRatio(value: unknown, path: readonly (string | number)[]): Rational {
  const r = readDecimal(value);
  if (r === undefined || r.n <= 0n || r.n > r.d) {
    throw new ShuangsuijiError('INVALID_RATIO', `抽查比例须在 (0, 1] 之内：${JSON.stringify(value)}`, `a ratio must lie in (0, 1]: ${JSON.stringify(value)}`, { path });
  }
  return r;
}

/** Reads a positive weight or throws `NON_POSITIVE_WEIGHT`. */
export function readPositive(value: unknown, path: readonly (string | number)[], allowZero = false): Rational {
  const r = readDecimal(value);
  if (r === undefined || r.n < 0n || (!allowZero && r.n === 0n)) {
    throw new ShuangsuijiError('NON_POSITIVE_WEIGHT', `权重须为正数：${JSON.stringify(value)}`, `a weight must be a positive number: ${JSON.stringify(value)}`, { path });
  }
  return r;
}
