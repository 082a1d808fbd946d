/**
 * Deterministic fairness tests: fixed seeds (dice strings 0…S−1), so they never flake.
 * - Uniformity of subsets: chi-square goodness of fit, rejected when p < 0.001.
 * - Per-unit inclusion frequencies vs design probabilities: |f − π| ≤ 4.5 binomial standard deviations
 *   (a family-wise bound over ≤ 12 units). Pareto order sampling is only approximately πps, so its tolerance
 *   adds an absolute 0.02 to that bound (Rosén 1997: the bias is O(1/n) and small for these sizes).
 */
import cdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { describe, expect, it } from 'vitest';
import { drawTargets, seedFromDice, type DrawSpec } from '../../src/draw/index.js';
import type { Entity } from '../../src/models/entity.js';
import { entity } from './fixtures.js';

const seeds = (count: number): string[] => Array.from({ length: count }, (_, i) => String(i).padStart(20, '0'));

function frequencies(register: Entity[], spec: DrawSpec, runs: number): { freq: Map<string, number>; probability: Map<string, number> } {
  const freq = new Map<string, number>(register.map((e) => [e.id, 0]));
  const probability = new Map<string, number>();
  for (const d of seeds(runs)) {
    const { selected } = drawTargets(register, spec, { seed: seedFromDice(d) });
    for (const s of selected) {
      freq.set(s.id, freq.get(s.id)! + 1);
      const [n, den] = s.inclusionProbability.split('/').map(Number);
      probability.set(s.id, n! / den!);
    }
  }
  return { freq, probability };
}

describe('fairness', () => {
  it('every 2-subset of 6 entities is equally likely (chi-square, 6000 fixed seeds, α = 0.001)', () => {
    const register = ['甲', '乙', '丙', '丁', '戊', '己'].map((id) => entity(id));
    const counts = new Map<string, number>();
    const runs = 6000;
    for (const d of seeds(runs)) {
      const ids = drawTargets(register, { label: '公平性', size: { count: 2 } }, { seed: seedFromDice(d) }).selected.map((s) => s.id).sort();
      counts.set(ids.join(','), (counts.get(ids.join(',')) ?? 0) + 1);
    }
    expect(counts.size).toBe(15);
    const expected = runs / 15;
    const chi2 = [...counts.values()].reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    const p = 1 - cdf(chi2, 14);
    expect(p).toBeGreaterThan(0.001);
  });

  it('stratified draws include each unit with its stratum probability', () => {
    const register = [
      ...['a1', 'a2', 'a3', 'a4'].map((id) => entity(id, { riskClass: 'A' })),
      ...['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8'].map((id) => entity(id, { riskClass: 'D' })),
    ];
    const runs = 3000;
    const spec: DrawSpec = { label: 'strata', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { A: { count: 1 }, D: { ratio: 0.5 } } } };
    const { freq, probability } = frequencies(register, spec, runs);
    for (const e of register) {
      const pi = e.riskClass === 'A' ? 1 / 4 : 1 / 2;
      expect(probability.get(e.id)).toBeCloseTo(pi, 12);
      const sd = Math.sqrt((pi * (1 - pi)) / runs);
      expect(Math.abs(freq.get(e.id)! / runs - pi)).toBeLessThanOrEqual(4.5 * sd);
    }
  });

  it('Pareto risk-weighted draws include each unit close to its target probability (πps)', () => {
    const weights = [1, 1, 1, 1, 2, 2, 3, 3, 5, 8];
    const register = weights.map((w, i) => entity(`w${i}`, { complaintCount: w - 1 }));
    const runs = 4000;
    const spec: DrawSpec = { label: 'pareto', size: { count: 3 }, weights: { default: 1, complaints: { perComplaint: 1 } } };
    const { freq, probability } = frequencies(register, spec, runs);
    let total = 0;
    weights.forEach((w, i) => {
      const lambda = (3 * w) / 27;
      expect(probability.get(`w${i}`)).toBeCloseTo(lambda, 12);
      const sd = Math.sqrt((lambda * (1 - lambda)) / runs);
      expect(Math.abs(freq.get(`w${i}`)! / runs - lambda)).toBeLessThanOrEqual(0.02 + 4.5 * sd);
      total += freq.get(`w${i}`)!;
    });
    expect(total).toBe(3 * runs);
  });

  it('units whose target probability reaches 1 are taken with certainty, the rest recomputed', () => {
    const register = [entity('big', { riskClass: 'D' }), ...Array.from({ length: 9 }, (_, i) => entity(`s${i}`, { riskClass: 'A' }))];
    const spec: DrawSpec = { label: 'cert', size: { count: 3 }, weights: { byRiskClass: { A: 1, D: 20 } } };
    for (const d of seeds(200)) {
      const { selected, record } = drawTargets(register, spec, { seed: seedFromDice(d) });
      expect(selected.find((s) => s.id === 'big')?.inclusionProbability).toBe('1/1');
      expect(selected.filter((s) => s.id !== 'big').every((s) => s.inclusionProbability === '2/9')).toBe(true);
      expect(record.strata[0]!.certain).toBe(1);
    }
  });
});
