/**
 * Ratios read exactly (house rule: floating point never decides a count). A JS number is read by its
 * shortest round-trip decimal string, so `0.07` is 7/100, never 0.07000000000000000666….
 *
 * @module
 */

/** A non-negative fraction numerator/denominator with BigInt parts. */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** The exact decimal value of `value`'s shortest round-trip string. */
export function exactFraction(value: number): Fraction {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`exactFraction: need a finite non-negative number, got ${value}`);
  const text = String(value);
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(text);
  if (match === null) throw new RangeError(`exactFraction: cannot read ${text}`);
  const whole = match[1] as string;
  const fractional = match[2] ?? '';
  const exponent = Number(match[3] ?? '0') - fractional.length;
  const digits = BigInt(whole + fractional);
  return exponent >= 0
    ? { numerator: digits * 10n ** BigInt(exponent), denominator: 1n }
    : { numerator: digits, denominator: 10n ** BigInt(-exponent) };
}

/** How a ratio of a stratum becomes a count. */
export type Rounding = 'ceil' | 'floor' | 'half-up';

/** round(population × ratio) by `rounding`, in exact integer arithmetic. */
export function countFromRatio(population: number, ratio: number, rounding: Rounding): number {
  const { numerator, denominator } = exactFraction(ratio);
  const product = BigInt(population) * numerator;
  let count: bigint;
  if (rounding === 'floor') count = product / denominator;
  else if (rounding === 'ceil') count = (product + denominator - 1n) / denominator;
  else count = (2n * product + denominator) / (2n * denominator);
  return Number(count);
}
