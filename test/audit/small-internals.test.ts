import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeInclusionProbabilities } from '../../src/audit/index.js';
import type { StatedDesign } from '../../src/audit/index.js';
import { statedCount } from '../../src/audit/internals/population.js';
import { sampleSize } from '../../src/draw/index.js';
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

describe('ratios become counts exactly as the draw does', () => {
  it('known answers, read from the shortest decimal (not the binary value)', () => {
    // 100 × 0.07 is 7.000000000000001 in floating point; the exact count is 7.
    expect(statedCount({ ratio: 0.07 }, 'all', 100)).toBe(7);
    expect(statedCount({ ratio: 0.02 }, 'all', 150)).toBe(3);
    expect(statedCount({ ratio: 0.02 }, 'all', 151)).toBe(4);
    expect(statedCount({ ratio: 0.02, rounding: 'up' }, 'all', 151)).toBe(4);
    expect(statedCount({ ratio: 0.02, rounding: 'down' }, 'all', 151)).toBe(3);
    expect(statedCount({ ratio: 0.02, rounding: 'half-up' }, 'all', 125)).toBe(3);
    expect(statedCount({ ratio: 0.02, rounding: 'half-up' }, 'all', 124)).toBe(2);
    expect(statedCount({ stratifyBy: 'riskClass', ratios: { A: 0, D: 0.3 } }, 'A', 500)).toBe(0);
    expect(statedCount({ stratifyBy: 'riskClass', sizes: { A: 4 } }, 'A', 500)).toBe(4);
  });
  it('the audit\'s n_h equals the draw\'s sampleSize for every N, ratio and rounding (property)', () => {
    const ratioArb = fc.oneof(
      fc.integer({ min: 1, max: 10_000 }).map((k) => k / 10_000),
      fc.double({ min: 1e-9, max: 1, noNaN: true }),
      fc.constantFrom(0.07, 0.1, 0.2, 0.3, 1 / 3, 0.015, 1),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), ratioArb, fc.constantFrom('up' as const, 'down' as const, 'half-up' as const, undefined), (n, ratio, rounding) => {
        const design: StatedDesign = rounding === undefined ? { ratio } : { ratio, rounding };
        const draw = sampleSize(n, rounding === undefined ? { ratio } : { ratio, rounding });
        expect(statedCount(design, 'all', n)).toBe(draw);
        expect(statedCount({ stratifyBy: 'riskClass', ratios: { B: ratio }, ...(rounding === undefined ? {} : { rounding }) }, 'B', n)).toBe(draw);
      }),
      { numRuns: 500 },
    );
  });
  it('computeInclusionProbabilities states the draw\'s n_h, and refuses the old rounding names', () => {
    const population = Array.from({ length: 151 }, (_, i) => ({ id: `E${i}` }));
    for (const rounding of ['up', 'down', 'half-up'] as const) {
      const result = computeInclusionProbabilities(population, { ratio: 0.035, rounding });
      if (!result.success) throw new Error('unexpected issues');
      expect(result.data.strata[0]?.sampleSize).toBe(sampleSize(151, { ratio: 0.035, rounding }));
    }
    for (const rounding of ['ceil', 'floor']) {
      const result = computeInclusionProbabilities(population, { ratio: 0.035, rounding } as unknown as StatedDesign);
      expect(result.success).toBe(false);
      if (!result.success) expect(result.issues[0]).toMatchObject({ code: 'INVALID_INPUT', path: ['design', 'rounding'] });
    }
  });
});

describe('binomial test constants', () => {
  it('LOG_TOLERANCE is ln(1 + 1e-7)', async () => {
    const { LOG_TOLERANCE } = await import('../../src/audit/internals/binomial-test.js');
    expect(LOG_TOLERANCE).toBe(Math.log1p(1e-7));
  });
});
