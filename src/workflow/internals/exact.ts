/**
 * Exact arithmetic helpers for ratios and percentages (no floating point decides or rounds anything).
 * A JS number is read by its shortest round-trip decimal string: `0.07` → 7/100, by the one reader shared with
 * the draw (`readDecimal` in src/internals/rational.ts).
 */
import { ShuangsuijiError } from '../../errors.js';
import { compareCodeUnits } from '../../internals/compare.js';
import { readDecimal, type Rational } from '../../internals/rational.js';

/**
 * Reads a finite non-negative number exactly by its shortest decimal form (reduced: 0.10 → 1/10); anything else
 * (a negative or non-finite number, a non-number) throws `INVALID_RATIO`.
 */
export function exactFraction(value: number, path: readonly (string | number)[] = []): Rational {
  const r = typeof value === 'number' ? readDecimal(value) : undefined;
  if (r === undefined || r.n < 0n) {
    throw new ShuangsuijiError('INVALID_RATIO', `比例无效：${String(value)}`, `invalid ratio: ${String(value)}`, { path });
  }
  return r;
}

/** True when a/b ≥ ratio, exactly (b > 0). */
export function atLeast(a: number, b: number, ratio: Rational): boolean {
  return BigInt(a) * ratio.d >= BigInt(b) * ratio.n;
}

/** Formats num/den as a decimal with at most `decimals` decimals (round half up, trailing zeros dropped). */
export function decimalOf(num: bigint, den: bigint, decimals = 2): string {
  if (den === 0n) return '—';
  const scale = 10n ** BigInt(decimals);
  const scaled = (num * scale * 2n + den) / (den * 2n);
  const whole = scaled / scale;
  let frac = (scaled % scale).toString().padStart(decimals, '0');
  while (frac.endsWith('0')) frac = frac.slice(0, -1);
  return frac.length > 0 ? `${whole}.${frac}` : `${whole}`;
}

/**
 * Formats num/den as a percentage with at most `decimals` decimals (round half up, trailing zeros
 * dropped): 1/3 → "33.33%", 1/20 → "5%"; "—" when den is 0.
 */
export function percentOf(num: bigint, den: bigint, decimals = 2): string {
  return den === 0n ? '—' : `${decimalOf(num * 100n, den, decimals)}%`;
}

/** Formats a ratio number as an exact percentage: 0.05 → "5%", 0.035 → "3.5%", 1 → "100%". */
export function ratioPercent(value: number): string {
  const { n, d } = exactFraction(value);
  return percentOf(n, d, 12);
}

// The shared order, re-exported for this module's files.
export { compareCodeUnits };
