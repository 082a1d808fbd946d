import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countFromRatio, exactFraction } from '../../src/audit/internals/exact-ratio.js';
import { adjustPValues } from '../../src/audit/internals/multiple-comparisons.js';

describe('adjustPValues', () => {
  const ps = [0.01, 0.04, 0.03, 0.005];
  const keys = ['a', 'b', 'c', 'd'];
  it('Holm — known answer (as R p.adjust)', () => {
    expect(adjustPValues(ps, keys, 'holm').map((p) => Number(p.toPrecision(12)))).toEqual([0.03, 0.06, 0.06, 0.02]);
  });
  it('Benjamini–Hochberg — known answer (as R p.adjust)', () => {
    expect(adjustPValues(ps, keys, 'benjamini-hochberg').map((p) => Number(p.toPrecision(12)))).toEqual([0.02, 0.04, 0.04, 0.02]);
  });
  it('adjusted ≥ raw, ≤ 1, monotone in raw, and independent of input order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }), fc.boolean(), (raw, holm) => {
        const correction = holm ? 'holm' : 'benjamini-hochberg';
        const ids = raw.map((_, i) => `t${i}`);
        const adjusted = adjustPValues(raw, ids, correction);
        raw.forEach((p, i) => {
          expect(adjusted[i]).toBeGreaterThanOrEqual(p);
          expect(adjusted[i]).toBeLessThanOrEqual(1);
          raw.forEach((q, j) => {
            if (p < q) expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j] as number);
          });
        });
        const reversed = adjustPValues([...raw].reverse(), [...ids].reverse(), correction).reverse();
        expect(reversed).toEqual(adjusted);
      }),
    );
  });
});

describe('exact ratios', () => {
  it('reads the shortest decimal, not the binary value', () => {
    expect(exactFraction(0.07)).toEqual({ numerator: 7n, denominator: 100n });
    expect(exactFraction(1e-7)).toEqual({ numerator: 1n, denominator: 10_000_000n });
    // 100 × 0.07 is 7.000000000000001 in floating point; the exact count is 7.
    expect(countFromRatio(100, 0.07, 'ceil')).toBe(7);
    expect(countFromRatio(150, 0.02, 'ceil')).toBe(3);
    expect(countFromRatio(151, 0.02, 'ceil')).toBe(4);
    expect(countFromRatio(151, 0.02, 'floor')).toBe(3);
    expect(countFromRatio(125, 0.02, 'half-up')).toBe(3);
    expect(countFromRatio(124, 0.02, 'half-up')).toBe(2);
  });
});
