import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditDrawHistory, computeInclusionProbabilities, formatAuditReport } from '../../src/audit/index.js';
import type { AuditEntity, HistoryDraw, RegisterSnapshot, StatedDesign } from '../../src/audit/index.js';
import { isShuangsuijiError } from '../../src/errors.js';
import { createPrng } from './helpers/prng.js';
import { fairSelector, regionFactorSelector, simulateHistory, simulateRegisters, successiveSampler } from './helpers/simulate.js';

const small: AuditEntity[] = Array.from({ length: 200 }, (_, i) => ({
  id: `E${String(i).padStart(3, '0')}`,
  riskClass: i < 40 ? 'D' : 'A',
  regionCode: i % 2 === 0 ? '410402' : '410403',
}));
const snapshot: RegisterSnapshot = { id: 'S', entities: small };
const design: StatedDesign = { stratifyBy: 'riskClass', ratios: { A: 0.05, D: 0.25 } };

describe('auditDrawHistory — input problems are DataIssues', () => {
  it('reports every problem with a stable code and path', () => {
    const result = auditDrawHistory(
      [
        { label: 'a', snapshotId: 'S', selectedIds: ['E001', 'E001', 'NOPE'] },
        { label: 'a', snapshotId: 'S', selectedIds: [] },
        { label: 'b', snapshotId: 'MISSING', selectedIds: [] },
      ],
      [snapshot],
      design,
    );
    expect(result.success).toBe(false);
    if (result.success) return;
    const codes = result.issues.map((i) => `${i.code}@${i.path.join('.')}`);
    expect(codes).toEqual([
      'DUPLICATE_SELECTED_ID@history.0.selectedIds.1',
      'SELECTED_ID_NOT_IN_POPULATION@history.0.selectedIds.2',
      'DUPLICATE_DRAW_LABEL@history.1.label',
      'SNAPSHOT_NOT_FOUND@history.2.snapshotId',
    ]);
    for (const issue of result.issues) {
      expect(issue.messageZh.length).toBeGreaterThan(0);
      expect(issue.messageEn.length).toBeGreaterThan(0);
    }
  });
  it('flags strata missing from the design, missing stratum values, duplicate entities and bad shapes', () => {
    const entities: AuditEntity[] = [{ id: 'X1', riskClass: 'A' }, { id: 'X2', riskClass: 'C' }, { id: 'X3' }, { id: 'X1', riskClass: 'A' }];
    const result = auditDrawHistory([{ label: 'a', snapshotId: 'S', selectedIds: [] }], [{ id: 'S', entities }], design);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.issues.map((i) => i.code).sort()).toEqual(['DUPLICATE_ENTITY_ID', 'MISSING_STRATUM_VALUE', 'STRATUM_NOT_IN_DESIGN']);
    }
    const shape = auditDrawHistory([{ label: '', snapshotId: 'S', selectedIds: [] }], [snapshot], { ratio: 0.03, sizes: { all: 3 } });
    expect(shape.success).toBe(false);
    if (!shape.success) {
      expect(shape.issues.every((i) => i.code === 'INVALID_INPUT')).toBe(true);
      // Chinese in the Chinese field and English in the English one, including the design's own checks.
      expect(shape.issues.map((i) => i.path.join('.')).sort()).toEqual(['design', 'history.0.label']);
      for (const i of shape.issues) {
        expect(i.messageZh).toMatch(/[\u4e00-\u9fff]/);
        expect(i.messageEn).not.toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
  it('throws a ShuangsuijiError for bad options, and for designs weighted by entity weight without a draw function', () => {
    expect(() => auditDrawHistory([{ label: 'a', snapshotId: 'S', selectedIds: [] }], [snapshot], design, { alpha: 2 })).toThrow(
      expect.objectContaining({ code: 'AUDIT_BAD_OPTION' }),
    );
    const weighted = { id: 'W', entities: small.map((e) => ({ ...e, weight: 1 })) };
    try {
      auditDrawHistory([{ label: 'a', snapshotId: 'W', selectedIds: ['E000'] }], [weighted], { ratio: 0.01, selection: 'weighted' });
      expect.unreachable();
    } catch (error) {
      expect(isShuangsuijiError(error, 'AUDIT_DRAW_FUNCTION_REQUIRED')).toBe(true);
    }
  });
  it('does not mutate its inputs', () => {
    const history: HistoryDraw[] = [{ label: 'a', snapshotId: 'S', selectedIds: ['E050', 'E001'] }];
    const before = JSON.stringify([history, snapshot, design]);
    auditDrawHistory(history, [snapshot], design);
    expect(JSON.stringify([history, snapshot, design])).toBe(before);
  });
});

describe('auditDrawHistory — known answers', () => {
  it('a stratum drawn at the stated ratio is consistent; the report is plain JSON', () => {
    // 160 A entities at 5% → 8 expected; draw exactly 8 A and 10 D (25% of 40).
    const selected = [...small.filter((e) => e.riskClass === 'A').slice(0, 8), ...small.filter((e) => e.riskClass === 'D').slice(0, 10)];
    const result = auditDrawHistory([{ label: '2024', snapshotId: 'S', selectedIds: selected.map((e) => e.id) }], [snapshot], design, { fields: ['regionCode'] });
    expect(result.success).toBe(true);
    if (!result.success) return;
    const rateA = result.data.tests.find((t) => t.id === 'stratum-rate:2024:A');
    expect(rateA).toMatchObject({ kind: 'stratum-rate', observed: 8, expected: 8, trials: 160, pValue: 1, significant: false });
    expect(rateA?.effect.rateRatio).toBe(1);
    expect(JSON.parse(JSON.stringify(result.data))).toEqual(result.data);
    expect(result.data.inclusionProbabilities).toEqual({ method: 'exact', replications: null, maxStandardError: 0 });
  });
  it('all selections from one region: region chi-square and the region both flagged, with the counts', () => {
    // 18 selections all even (410402): expected 9 per region.
    const selected = [...small.filter((e) => e.riskClass === 'A' && e.regionCode === '410402').slice(0, 8), ...small.filter((e) => e.riskClass === 'D' && e.regionCode === '410402').slice(0, 10)];
    const result = auditDrawHistory([{ label: '2024', snapshotId: 'S', selectedIds: selected.map((e) => e.id) }], [snapshot], design, { fields: ['regionCode'] });
    if (!result.success) throw new Error('unexpected issues');
    const region = result.data.tests.find((t) => t.id === 'category-rate:regionCode:410402');
    expect(region).toMatchObject({ observed: 18, expected: 9, trials: 100, significant: true });
    expect(region?.effect.rateRatio).toBe(2);
    const chi = result.data.tests.find((t) => t.id === 'representation:regionCode');
    expect(chi?.significant).toBe(true);
    // χ² = (9²/9 + 9²/9) / fpc, fpc = max((160−8)/159, (40−10)/39) = 152/159.
    expect(chi?.observed).toBeCloseTo(18 / (152 / 159), 6);
    expect(chi?.expected).toBe(1);
    expect(result.data.significantCount).toBeGreaterThanOrEqual(2);
    expect(formatAuditReport(result.data, { language: 'zh' })).toContain('行政区划「410402」');
    expect(formatAuditReport(result.data, { language: 'en' })).toContain('Region "410402"');
  });
  it('is independent of the order of draws, snapshots and entities (property)', () => {
    const snapshots = simulateRegisters(5, 600, [2023, 2024]);
    const stated: StatedDesign = { stratifyBy: 'riskClass', ratios: { A: 0.05, B: 0.05, C: 0.1, D: 0.3 } };
    const history = simulateHistory(snapshots, stated, regionFactorSelector('410402', 1.5), 9);
    const reference = JSON.stringify(auditDrawHistory(history, snapshots, stated));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (seed) => {
        const prng = createPrng(seed);
        const shuffle = <T>(xs: readonly T[]): T[] => {
          const out = [...xs];
          for (let i = out.length - 1; i > 0; i--) {
            const j = prng.int(i + 1);
            [out[i], out[j]] = [out[j] as T, out[i] as T];
          }
          return out;
        };
        const shuffled = shuffle(snapshots.map((s) => ({ id: s.id, entities: shuffle(s.entities) })));
        const draws = shuffle(history.map((d) => ({ ...d, selectedIds: shuffle(d.selectedIds) })));
        expect(JSON.stringify(auditDrawHistory(draws, shuffled, stated))).toBe(reference);
      }),
      { numRuns: 15 },
    );
  });
  it('Benjamini–Hochberg can be chosen and is never stricter than Holm', () => {
    const snapshots = simulateRegisters(6, 3000, [2023, 2024]);
    const stated: StatedDesign = { ratio: 0.03 };
    const history = simulateHistory(snapshots, stated, regionFactorSelector('410402', 1.6), 4);
    const holm = auditDrawHistory(history, snapshots, stated);
    const bh = auditDrawHistory(history, snapshots, stated, { correction: 'benjamini-hochberg' });
    if (!holm.success || !bh.success) throw new Error('unexpected issues');
    expect(bh.data.correction).toBe('benjamini-hochberg');
    expect(bh.data.significantCount).toBeGreaterThanOrEqual(holm.data.significantCount);
    holm.data.tests.forEach((t, i) => expect(bh.data.tests[i]?.adjustedPValue).toBeLessThanOrEqual(t.adjustedPValue));
  });
});

describe('inclusion probabilities', () => {
  it('exact for stratified simple random sampling: n_h / N_h with the stated rounding', () => {
    const result = computeInclusionProbabilities(small, design);
    if (!result.success) throw new Error('unexpected issues');
    expect(result.data.method).toBe('exact');
    expect(result.data.strata).toEqual([
      { stratum: 'A', populationSize: 160, sampleSize: 8 },
      { stratum: 'D', populationSize: 40, sampleSize: 10 },
    ]);
    expect(result.data.entities.find((e) => e.id === 'E000')).toEqual({ id: 'E000', stratum: 'D', probability: 0.25, standardError: 0 });
    expect(result.data.entities.find((e) => e.id === 'E199')?.probability).toBe(0.05);
  });
  it('Monte-Carlo for a weighted design agrees with the exact enumeration, within 4 standard errors', () => {
    // Successive sampling of 2 from weights 1,2,3,4: exact π_i = Σ over ordered pairs.
    const weights = [1, 2, 3, 4];
    const total = 10;
    const exact = weights.map((wi, i) => {
      let p = wi / total; // first
      weights.forEach((wj, j) => {
        if (j !== i) p += (wj / total) * (wi / (total - wj)); // second after j
      });
      return p;
    });
    const population = weights.map((weight, i) => ({ id: `W${i}`, weight }));
    const result = computeInclusionProbabilities(population, { sizes: { all: 2 }, selection: 'weighted' }, {
      replications: 4000,
      seed: 'mc-test',
      drawFunction: successiveSampler,
    });
    if (!result.success) throw new Error('unexpected issues');
    expect(result.data.method).toBe('monte-carlo');
    expect(result.data.replications).toBe(4000);
    result.data.entities.forEach((e, i) => {
      expect(e.standardError).toBeGreaterThan(0);
      expect(Math.abs(e.probability - (exact[i] as number))).toBeLessThan(4 * e.standardError);
    });
    const sum = result.data.entities.reduce((a, e) => a + e.probability, 0);
    expect(sum).toBeCloseTo(2, 9); // fixed-size design: Σπ = n in every replication
  });
  it('weighted history: fair weighted draws pass, a region at 3× is flagged; MC error is reported', () => {
    const prng = createPrng(8);
    const entities = Array.from({ length: 400 }, (_, i) => ({
      id: `W${String(i).padStart(3, '0')}`,
      regionCode: i % 4 === 0 ? '410402' : '410403',
      weight: 1 + prng.int(4),
    }));
    const snapshots = [2023, 2024].map((y) => ({ id: `S${y}`, entities }));
    const stated: StatedDesign = { sizes: { all: 40 }, selection: 'weighted' };
    const fair = snapshots.map((s, k) => ({ label: s.id, snapshotId: s.id, selectedIds: successiveSampler(entities, stated, `fair-${k}`) }));
    const biasedWeights = entities.map((e) => ({ ...e, weight: e.weight * (e.regionCode === '410402' ? 3 : 1) }));
    const biased = snapshots.map((s, k) => ({ label: s.id, snapshotId: s.id, selectedIds: successiveSampler(biasedWeights, stated, `biased-${k}`) }));
    const options = { fields: ['regionCode'] as const, monteCarlo: { replications: 400, seed: 'audit', drawFunction: successiveSampler } };
    const fairReport = auditDrawHistory(fair, snapshots, stated, options);
    const biasedReport = auditDrawHistory(biased, snapshots, stated, options);
    if (!fairReport.success || !biasedReport.success) throw new Error('unexpected issues');
    expect(fairReport.data.inclusionProbabilities.method).toBe('monte-carlo');
    expect(fairReport.data.inclusionProbabilities.maxStandardError).toBeGreaterThan(0);
    expect(fairReport.data.significantCount).toBe(0);
    const region = biasedReport.data.tests.find((t) => t.id === 'category-rate:regionCode:410402');
    expect(region?.significant).toBe(true);
    expect(region?.effect.expectedStandardError).toBeGreaterThan(0);
    expect(formatAuditReport(biasedReport.data, { language: 'en' })).toContain('Monte-Carlo');
  });
  it('fair SRS via the simulator is consistent with n_h/N_h (sanity of the helpers)', () => {
    const snapshots = simulateRegisters(9, 1000, [2024]);
    const history = simulateHistory(snapshots, { ratio: 0.05 }, fairSelector, 1);
    expect(history[0]?.selectedIds.length).toBe(50);
  });
});
