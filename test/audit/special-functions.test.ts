import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomialLogPmf, binomialTwoSidedPValue } from '../../src/audit/internals/binomial-test.js';
import { chiSquareSurvival, logGamma } from '../../src/audit/internals/special-functions.js';

const relErr = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('logGamma', () => {
  it('matches ln((n-1)!) exactly computed for integers', () => {
    let logFactorial = 0;
    for (let n = 1; n <= 170; n++) {
      // ln Γ(n) = ln((n−1)!)
      expect(Math.abs(logGamma(n) - logFactorial)).toBeLessThan(1e-12 * Math.max(1, logFactorial));
      logFactorial += Math.log(n);
    }
  });
  it('matches Γ(1/2) = √π and the Stirling/Lanczos seam', () => {
    expect(relErr(logGamma(0.5), 0.5 * Math.log(Math.PI))).toBeLessThan(1e-14);
    // Continuous across the Lanczos/Stirling seam at 10: the slope there is ψ(10) = 2.2517525890667….
    expect(Math.abs(logGamma(10 + 1e-6) - logGamma(10 - 1e-6) - 2e-6 * 2.251752589066721)).toBeLessThan(1e-13);
    expect(Math.abs(logGamma(10) - Math.log(362880))).toBeLessThan(1e-13);
  });
});

describe('chiSquareSurvival against @stdlib (oracle) and closed forms', () => {
  it('agrees with 1 − chisquare-cdf where that is precise', () => {
    for (const df of [1, 2, 3, 5, 7, 10, 23, 50, 100, 400]) {
      for (const q of [0.01, 0.2, 0.5, 1, 1.5, 2, 3]) {
        const x = df * q + 0.37;
        const reference = 1 - chisquareCdf(x, df);
        if (reference < 1e-8) continue;
        expect(relErr(chiSquareSurvival(x, df), reference)).toBeLessThan(1e-9);
      }
    }
  });
  it('is accurate deep in the tail (df 2: e^(−x/2); df 1: P(|Z| > 10))', () => {
    expect(relErr(chiSquareSurvival(200, 2), Math.exp(-100))).toBeLessThan(1e-12);
    expect(relErr(chiSquareSurvival(1000, 2), Math.exp(-500))).toBeLessThan(1e-11);
    expect(relErr(chiSquareSurvival(100, 1), 1.5239706048321e-23)).toBeLessThan(1e-8);
  });
  it('is 1 at 0 and decreasing', () => {
    expect(chiSquareSurvival(0, 4)).toBe(1);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0.01, max: 500, noNaN: true }), (df, x) => {
        expect(chiSquareSurvival(x * 1.01, df)).toBeLessThanOrEqual(chiSquareSurvival(x, df));
      }),
    );
  });
});

// Exact two-sided p-value with rational arithmetic, p = a/b: f(k) ∝ C(n,k) a^k (b−a)^(n−k).
function exactTwoSided(x: number, n: number, a: bigint, b: bigint): number {
  const weights: bigint[] = [];
  let c = 1n;
  for (let k = 0; k <= n; k++) {
    weights.push(c * a ** BigInt(k) * (b - a) ** BigInt(n - k));
    c = (c * BigInt(n - k)) / BigInt(k + 1);
  }
  const total = b ** BigInt(n);
  const fx = weights[x] as bigint;
  // f(k) ≤ f(x)(1 + 1e-7)  ⇔  f(k)·10^7 ≤ f(x)·(10^7 + 1)
  let sum = 0n;
  for (const w of weights) if (w * 10_000_000n <= fx * 10_000_001n) sum += w;
  // Ratio of big integers to a double with ≥ 20 significant digits, whatever its magnitude.
  const k = Math.max(0, total.toString().length - sum.toString().length + 20);
  return Number((sum * 10n ** BigInt(k)) / total) / 10 ** k;
}

describe('binomialTwoSidedPValue', () => {
  it('known answers (R binom.test)', () => {
    expect(binomialTwoSidedPValue(3, 10, 0.5)).toBeCloseTo(0.34375, 12);
    expect(binomialTwoSidedPValue(5, 10, 0.5)).toBe(1);
    expect(binomialTwoSidedPValue(0, 100, 0.03)).toBeCloseTo(exactTwoSided(0, 100, 3n, 100n), 12);
  });
  it('equals the exact rational computation (property, n ≤ 80)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 99 }), fc.nat(), (n, percent, raw) => {
        const x = raw % (n + 1);
        const exact = exactTwoSided(x, n, BigInt(percent), 100n);
        const ours = binomialTwoSidedPValue(x, n, percent / 100);
        expect(Math.abs(ours - exact)).toBeLessThanOrEqual(1e-10 * Math.max(exact, 1e-300) + 1e-300);
      }),
    );
  });
  it('matches @stdlib binomial-cdf tails for large n (one side is negligible)', () => {
    // x far below the mean: the upper side contributes < 1e-30, so p ≈ P(X ≤ x).
    for (const [x, n, p] of [[100, 10_000, 0.015], [250, 20_000, 0.0155], [20, 5000, 0.01]] as const) {
      const lower = binomialCdf(x, n, p);
      const ours = binomialTwoSidedPValue(x, n, p);
      expect(ours).toBeGreaterThanOrEqual(lower * (1 - 1e-9));
      // and the upper side found is what makes up the difference: symmetric-ish tails at most double it
      expect(ours).toBeLessThanOrEqual(2.2 * lower);
    }
    // A far tail (no precision left in 1 − cdf): compare with the log pmf sum directly.
    // p(0) = f(0) + the upper tail beyond the point where f falls below f(0): between f(0) and a few f(0).
    const tiny = binomialTwoSidedPValue(0, 20_000, 0.03);
    const logF0 = binomialLogPmf(0, 20_000, 0.03);
    expect(relErr(logF0, 20_000 * Math.log(0.97))).toBeLessThan(1e-12);
    expect(Math.log(tiny) - logF0).toBeGreaterThan(0);
    expect(Math.log(tiny) - logF0).toBeLessThan(Math.log(3));
  });
  it('handles degenerate p and the edges', () => {
    expect(binomialTwoSidedPValue(0, 10, 0)).toBe(1);
    expect(binomialTwoSidedPValue(1, 10, 0)).toBe(0);
    expect(binomialTwoSidedPValue(10, 10, 1)).toBe(1);
    expect(binomialTwoSidedPValue(0, 0, 0.3)).toBe(1);
    expect(() => binomialTwoSidedPValue(11, 10, 0.5)).toThrow(RangeError);
  });
});
