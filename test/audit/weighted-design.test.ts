/**
 * Weighted designs audited with the library's own draw: the stated design carries the draw's `WeightRule`,
 * the Monte-Carlo replicates `drawTargets`, and its estimates agree with the draw's published design inclusion
 * probabilities (Pareto πps targets λ, docs/spec.md §7.4). Also: the stratum "" of entities lacking the field.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditDrawHistory, computeInclusionProbabilities } from '../../src/audit/index.js';
import type { AuditEntity, HistoryDraw, StatedDesign } from '../../src/audit/index.js';
import { drawTargets, sampleSize, seedFromDice } from '../../src/draw/index.js';
import type { DrawSpec, WeightRule } from '../../src/draw/index.js';
import type { Entity } from '../../src/models/entity.js';

const RISK = ['A', 'A', 'A', 'B', 'B', 'C', 'D', undefined] as const;
const weights: WeightRule = {
  byRiskClass: { A: 1, B: 2, C: 4, D: 8, unclassified: '3/2' },
  byList: { 'serious-violations': 8 },
  complaints: { perComplaint: 0.25, cap: 3 },
};
/** The same rule, in floating point, for the reference targets. */
function weightOf(e: AuditEntity): number {
  const base = ({ A: 1, B: 2, C: 4, D: 8 } as Record<string, number>)[e.riskClass ?? ''] ?? 1.5;
  const list = (e.lists ?? []).includes('serious-violations') ? 8 : 1;
  return base * list * (1 + 0.25 * Math.min(e.complaintCount ?? 0, 3));
}

const audited: AuditEntity[] = Array.from({ length: 160 }, (_, i) => {
  const risk = RISK[i % 8];
  return {
    id: `W${String(i).padStart(3, '0')}`,
    regionCode: i % 2 === 0 ? '410402' : '410403',
    ...(risk === undefined ? {} : { riskClass: risk }),
    lists: i % 11 === 0 ? ['serious-violations'] : [],
    complaintCount: i % 5,
  };
});
/** The same entities as register rows for the draw. */
const register: Entity[] = audited.map((e) => ({ name: `示例对象${e.id}`, kind: 'enterprise', status: 'active', tags: [], ...e }) as unknown as Entity);
const design: StatedDesign = { stratifyBy: 'regionCode', ratio: 0.08, selection: 'weighted', weights };

/** Pareto πps targets with certainty units (docs/spec.md §7.4), in floating point. */
function paretoTargets(ws: readonly number[], n: number): number[] {
  const distinct = [...new Set(ws)].sort((a, b) => b - a);
  let total = ws.reduce((s, w) => s + w, 0);
  const certain = new Set<number>();
  let certainUnits = 0;
  for (const w of distinct) {
    const m = n - certainUnits;
    if (m <= 0 || m * w < total) break;
    certain.add(w);
    const units = ws.filter((x) => x === w).length;
    certainUnits += units;
    total -= units * w;
  }
  const m = n - certainUnits;
  return ws.map((w) => (certain.has(w) ? 1 : m <= 0 ? 0 : (m * w) / total));
}

function expectedTargets(): Map<string, number> {
  const out = new Map<string, number>();
  for (const region of ['410402', '410403']) {
    const members = audited.filter((e) => e.regionCode === region);
    const n = sampleSize(members.length, { ratio: 0.08 });
    paretoTargets(members.map(weightOf), n).forEach((lambda, k) => out.set(members[k]!.id, lambda));
  }
  return out;
}

const drawSpec = (label: string): DrawSpec => ({
  label,
  stratification: { field: 'regionCode', allocation: 'per-stratum', sizes: { '410402': { ratio: 0.08 }, '410403': { ratio: 0.08 } } },
  weights,
});

describe('weighted designs: the library draw is the default Monte-Carlo', () => {
  it('the reference targets are the draw\'s own published inclusion probabilities', () => {
    const expected = expectedTargets();
    const { selected } = drawTargets(register, drawSpec('2025 加权'), { seed: seedFromDice('31415926535897932384') });
    expect(selected.length).toBe(14);
    for (const s of selected) expect(s.inclusionProbabilityApprox).toBeCloseTo(expected.get(s.id)!, 12);
    expect([...expected.values()].some((p) => p === 1)).toBe(true); // the certainty path is exercised
  });

  it('Monte-Carlo estimates lie within 4.5 reported standard errors of the draw\'s π (λ)', () => {
    const replications = 2000;
    const result = computeInclusionProbabilities(audited, design, { replications, seed: 'weighted-test' });
    if (!result.success) throw new Error(JSON.stringify(result.issues));
    expect(result.data.method).toBe('monte-carlo');
    expect(result.data.replications).toBe(replications);
    expect(result.data.strata).toEqual([
      { stratum: '410402', populationSize: 80, sampleSize: 7 },
      { stratum: '410403', populationSize: 80, sampleSize: 7 },
    ]);
    const expected = expectedTargets();
    let sum = 0;
    for (const e of result.data.entities) {
      const lambda = expected.get(e.id)!;
      expect(Math.abs(e.probability - lambda), `${e.id}: π̂ ${e.probability}, λ ${lambda}, SE ${e.standardError}`).toBeLessThanOrEqual(4.5 * e.standardError);
      sum += e.probability;
    }
    expect(sum).toBeCloseTo(14, 9); // fixed size in every replication
  });

  it('replication r is the stratified drawTargets with seed SHA-256(`${seed}/inclusion/${r}`)', () => {
    const result = computeInclusionProbabilities(audited, design, { replications: 1, seed: 'reproduce' });
    if (!result.success) throw new Error('unexpected issues');
    const seed = createHash('sha256').update('reproduce/inclusion/0', 'utf8').digest('hex');
    const { selected } = drawTargets(register, drawSpec('shuangsuiji-audit'), { seed });
    const fromAudit = result.data.entities.filter((e) => e.probability === 1).map((e) => e.id);
    expect(fromAudit).toEqual(selected.map((s) => s.id).sort());
  });

  it('audits a history of library draws: fair passes; a stated weighted design not followed is flagged', () => {
    const fair: HistoryDraw[] = ['31415926535897932384', '27182818284590452353'].map((dice, k) => ({
      label: `202${k + 4}`,
      snapshotId: 'S',
      selectedIds: drawTargets(register, drawSpec(`202${k + 4} 加权`), { seed: seedFromDice(dice) }).selected.map((s) => s.id),
    }));
    const snapshots = [{ id: 'S', entities: audited }];
    const options = { fields: ['riskClass'] as const, monteCarlo: { replications: 500 } };
    const fairReport = auditDrawHistory(fair, snapshots, design, options);
    if (!fairReport.success) throw new Error(JSON.stringify(fairReport.issues));
    expect(fairReport.data.inclusionProbabilities.method).toBe('monte-carlo');
    expect(fairReport.data.significantCount).toBe(0);
    // A system stating the weights but drawing only class-A entities.
    const biased: HistoryDraw[] = fair.map((d) => ({
      ...d,
      selectedIds: ['410402', '410403'].flatMap((region) => audited.filter((e) => e.regionCode === region && e.riskClass === 'A').slice(0, 7).map((e) => e.id)),
    }));
    const biasedReport = auditDrawHistory(biased, snapshots, design, options);
    if (!biasedReport.success) throw new Error('unexpected issues');
    const classA = biasedReport.data.tests.find((t) => t.id === 'category-rate:riskClass:A');
    expect(classA?.significant).toBe(true);
    expect(classA?.effect.rateRatio).toBeGreaterThan(1);
  });

  it('entity weights are not needed with a weight rule; still required (or a draw function) without one', () => {
    const result = computeInclusionProbabilities(audited.slice(0, 20), { ratio: 0.1, selection: 'weighted', weights: { default: 1 } }, { replications: 50 });
    expect(result.success).toBe(true);
    const noRule = computeInclusionProbabilities(audited.slice(0, 20), { ratio: 0.1, selection: 'weighted' });
    expect(noRule.success).toBe(false);
    if (!noRule.success) expect(noRule.issues.every((i) => i.code === 'MISSING_WEIGHT')).toBe(true);
    expect(() => computeInclusionProbabilities(audited.slice(0, 20).map((e) => ({ ...e, weight: 1 })), { ratio: 0.1, selection: 'weighted' })).toThrow(
      expect.objectContaining({ code: 'AUDIT_DRAW_FUNCTION_REQUIRED' }),
    );
  });

  it('a weight rule is checked as the draw checks it, and needs selection weighted', () => {
    const bad = computeInclusionProbabilities(audited, { ratio: 0.1, selection: 'weighted', weights: { byRiskClass: { A: 0 } } });
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(bad.issues).toHaveLength(1);
      expect(bad.issues[0]).toMatchObject({ code: 'INVALID_INPUT', path: ['design', 'weights', 'byRiskClass', 'A'] });
      expect(bad.issues[0]?.messageEn).toContain('NON_POSITIVE_WEIGHT');
    }
    const unknown = computeInclusionProbabilities(audited, { ratio: 0.1, selection: 'weighted', weights: { complaints: { perComplaint: 'x' } } });
    expect(unknown.success).toBe(false);
    const simple = computeInclusionProbabilities(audited, { ratio: 0.1, weights: { default: 1 } });
    expect(simple.success).toBe(false);
    if (!simple.success) expect(simple.issues[0]).toMatchObject({ code: 'INVALID_INPUT', path: ['design', 'selection'] });
  });
});

describe('entities lacking the stratification field form the stratum "" (as in the draw)', () => {
  const population: AuditEntity[] = audited.map(({ id, riskClass }) => ({ id, ...(riskClass === undefined ? {} : { riskClass }) }));
  const rows: Entity[] = register;

  it('with a single ratio: the strata and sizes are the draw\'s', () => {
    const result = computeInclusionProbabilities(population, { stratifyBy: 'riskClass', ratio: 0.15 });
    if (!result.success) throw new Error(JSON.stringify(result.issues));
    const { record } = drawTargets(rows, {
      label: '缺失分层',
      stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: {}, otherStrata: { ratio: 0.15 } },
    }, { seed: seedFromDice('31415926535897932384') });
    expect(result.data.strata.map((s) => [s.stratum, s.populationSize, s.sampleSize])).toEqual(
      record.strata.map((s) => [s.stratum, s.population, s.size]),
    );
    expect(result.data.strata[0]).toEqual({ stratum: '', populationSize: 20, sampleSize: 3 });
  });

  it('with a ratio or size for "": accepted; without: MISSING_STRATUM_VALUE as before', () => {
    const ratios = computeInclusionProbabilities(population, { stratifyBy: 'riskClass', ratios: { '': 0.5, A: 0.1, B: 0.1, C: 0.1, D: 0.1 } });
    if (!ratios.success) throw new Error(JSON.stringify(ratios.issues));
    expect(ratios.data.entities.find((e) => e.id === 'W007')).toEqual({ id: 'W007', stratum: '', probability: 0.5, standardError: 0 });
    const sizes = computeInclusionProbabilities(population, { stratifyBy: 'riskClass', sizes: { '': 2, A: 1, B: 1, C: 1, D: 1 } });
    expect(sizes.success).toBe(true);
    const missing = computeInclusionProbabilities(population, { stratifyBy: 'riskClass', ratios: { A: 0.1, B: 0.1, C: 0.1, D: 0.1 } });
    expect(missing.success).toBe(false);
    if (!missing.success) {
      expect(new Set(missing.issues.map((i) => i.code))).toEqual(new Set(['MISSING_STRATUM_VALUE']));
      expect(missing.issues).toHaveLength(20);
      expect(missing.issues[0]?.path).toEqual(['population', 7, 'riskClass']);
    }
  });

  it('the audit of a history uses the stratum "" too', () => {
    const selectedIds = drawTargets(rows, { label: '缺失分层', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: {}, otherStrata: { ratio: 0.15 } } }, { seed: seedFromDice('16180339887498948482') }).selected.map((s) => s.id);
    const report = auditDrawHistory([{ label: '2025', snapshotId: 'S', selectedIds }], [{ id: 'S', entities: population }], { stratifyBy: 'riskClass', ratio: 0.15 }, { fields: [] });
    if (!report.success) throw new Error(JSON.stringify(report.issues));
    expect(report.data.tests.find((t) => t.id === 'stratum-rate:2025:')).toMatchObject({ observed: 3, trials: 20 });
  });
});
