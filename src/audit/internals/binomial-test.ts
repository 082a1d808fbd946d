/**
 * The exact two-sided binomial test.
 *
 * Definition (the "minimum-likelihood" rule of Clopper–Pearson/R's `binom.test`): with f the Bin(n, p)
 * probability mass function and x the observed count,
 *
 *   p-value = Σ f(k) over every k with f(k) ≤ f(x) · (1 + 1e-7),
 *
 * the relative tolerance 1e-7 making k whose probability equals f(x) up to rounding count as "as
 * extreme". Since f is unimodal this is the lower tail up to one boundary plus the upper tail from
 * another. Everything is computed relative to f(x) in log space (ln f via ln Γ), so n in the millions and
 * tails far below 1e-300 neither overflow nor lose the terms that matter; a sum that underflows is 0.
 *
 * @module
 */
import { logGamma } from './special-functions.js';

// ln(1 + 1e-7): outcomes within a relative 1e-7 of the observed probability count as "as likely". A literal,
// so nothing is computed at import time (a test checks the value).
export const LOG_TOLERANCE = 9.999999500000033e-8;

/** ln of the Bin(n, p) probability of k, for 0 < p < 1. */
export function binomialLogPmf(k: number, n: number, p: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

/** Σ exp(logPmf(k) − logRef) for k from `start` stepping by `step` while in [0, n]; stops once terms are negligible. */
function tailSum(start: number, step: 1 | -1, n: number, p: number, logRef: number): number {
  let sum = 0;
  for (let k = start; k >= 0 && k <= n; k += step) {
    const term = Math.exp(binomialLogPmf(k, n, p) - logRef);
    sum += term;
    // Past the mode the terms fall at least geometrically; stop when they no longer change the sum.
    if (term <= sum * 1e-17) break;
  }
  return sum;
}

/**
 * Two-sided exact binomial p-value for `x` successes in `n` trials with success probability `p`.
 * Degenerate p (0 or 1): 1 when x is the only possible value, else 0.
 */
export function binomialTwoSidedPValue(x: number, n: number, p: number): number {
  if (!Number.isInteger(x) || !Number.isInteger(n) || x < 0 || n < 0 || x > n) {
    throw new RangeError(`binomialTwoSidedPValue: need integers 0 ≤ x ≤ n, got x=${x}, n=${n}`);
  }
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomialTwoSidedPValue: p must be in [0, 1], got ${p}`);
  if (n === 0) return 1;
  if (p === 0) return x === 0 ? 1 : 0;
  if (p === 1) return x === n ? 1 : 0;
  const logFx = binomialLogPmf(x, n, p);
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const threshold = logFx + LOG_TOLERANCE;
  // Find the first index on the other side of the mode whose probability is ≤ f(x)(1 + 1e-7).
  const otherSide = (lo: number, hi: number, upward: boolean): number => {
    // Binary search over a monotone stretch: upward → f decreasing on [lo, hi]; downward → increasing.
    while (lo < hi) {
      const mid = upward ? Math.floor((lo + hi) / 2) : Math.ceil((lo + hi) / 2);
      const small = binomialLogPmf(mid, n, p) <= threshold;
      if (upward) {
        if (small) hi = mid;
        else lo = mid + 1;
      } else if (small) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  let relative: number;
  if (x < mode) {
    const upperStart = binomialLogPmf(n, n, p) <= threshold ? otherSide(mode, n, true) : n + 1;
    relative = tailSum(x, -1, n, p, logFx) + (upperStart <= n ? tailSum(upperStart, 1, n, p, logFx) : 0);
  } else if (x > mode) {
    const lowerEnd = binomialLogPmf(0, n, p) <= threshold ? otherSide(0, mode, false) : -1;
    relative = tailSum(x, 1, n, p, logFx) + (lowerEnd >= 0 ? tailSum(lowerEnd, -1, n, p, logFx) : 0);
  } else {
    return 1;
  }
  const logP = logFx + Math.log(relative);
  return logP >= 0 ? 1 : Math.exp(logP);
}
