/**
 * Report numbers. `Math.exp`/`Math.log` may differ in the last bit between JavaScript engines, so every
 * floating-point number in a report is rounded to 10 significant digits (`toPrecision`, which is exact
 * and locale-free): the JSON stays byte-identical across platforms.
 *
 * @module
 */

/** `value` rounded to 10 significant digits; non-finite input is a bug. */
export function reportNumber(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`reportNumber: non-finite ${value}`);
  if (value === 0) return 0;
  return Number(value.toPrecision(10));
}

/** A p-value for people: 4 significant digits, scientific below 0.001, "< 1e-300" when it underflowed. */
export function formatPValue(p: number): string {
  if (p === 0) return '< 1e-300';
  if (p >= 0.001) return Number(p.toPrecision(3)).toString();
  return p.toExponential(2);
}

/** A count or expectation: integers as is, others with one decimal. */
export function formatCount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** A share as a percentage with two decimals, e.g. `3.00%`. */
export function formatPercent(value: number): string {
  return `${(value * 100).toFixed(2)}%`;
}

/** A ratio with two decimals. */
export function formatRatio(value: number): string {
  return value.toFixed(2);
}
