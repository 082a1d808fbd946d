/**
 * Planted-bias simulations at realistic sizes: 10,000 entities (5,000 for the false-positive run), a 3%
 * ratio by credit-risk class, 3 years. Every simulation is seeded here; nothing uses Math.random.
 */
import { describe, expect, it } from 'vitest';
import { auditDrawHistory } from '../../src/audit/index.js';
import type { AuditReport, StatedDesign } from '../../src/audit/index.js';
import {
  fairSelector,
  favouredNeverSelector,
  poolSelector,
  regionFactorSelector,
  simulateHistory,
  simulateRegisters,
} from './helpers/simulate.js';
import { createPrng } from './helpers/prng.js';

const YEARS = [2022, 2023, 2024];
const design: StatedDesign = { stratifyBy: 'riskClass', ratios: { A: 0.03, B: 0.03, C: 0.03, D: 0.03 } };
const ALPHA = 0.05;

function audit(history: Parameters<typeof auditDrawHistory>[0], snapshots: Parameters<typeof auditDrawHistory>[1], options = {}): AuditReport {
  const result = auditDrawHistory(history, snapshots, design, options);
  if (!result.success) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  return result.data;
}

/** Upper end of a one-sided binomial tolerance: the smallest k with P(Bin(n, p) > k) ≤ 0.001. */
function binomialUpper(n: number, p: number): number {
  let cdf = 0;
  let pmf = (1 - p) ** n;
  for (let k = 0; k <= n; k++) {
    cdf += pmf;
    if (1 - cdf <= 0.001) return k;
    pmf *= ((n - k) / (k + 1)) * (p / (1 - p));
  }
  return n;
}

describe('planted bias is found (10,000 entities, 3%, 3 years)', () => {
  const snapshots = simulateRegisters(101, 10_000, YEARS);
  const SEEDS = 6;

  it('one region drawn at twice the rate: flagged, and the region is named, in every seeded history', () => {
    let detected = 0;
    let named = 0;
    for (let s = 0; s < SEEDS; s++) {
      const report = audit(simulateHistory(snapshots, design, regionFactorSelector('410403', 2), 1000 + s), snapshots);
      if (report.significantCount > 0) detected += 1;
      const region = report.tests.find((t) => t.id === 'category-rate:regionCode:410403');
      if (region?.significant === true && (region.effect.rateRatio ?? 0) > 1.4) named += 1;
    }
    console.log(`power, region ×2: ${detected}/${SEEDS} flagged, region named in ${named}/${SEEDS}`);
    expect(detected).toBe(SEEDS);
    expect(named).toBeGreaterThanOrEqual(SEEDS - 1);
  });

  it('a supervising unit whose entities are never drawn: the unit is flagged with rate ratio 0', () => {
    const shielded = new Set(snapshots.flatMap((s) => s.entities.filter((e) => e.supervisingUnit === '410404-所2').map((e) => e.id)));
    let named = 0;
    for (let s = 0; s < SEEDS; s++) {
      const report = audit(simulateHistory(snapshots, design, favouredNeverSelector(shielded), 2000 + s), snapshots);
      const unit = report.tests.find((t) => t.id === 'category-rate:supervisingUnit:410404-所2');
      if (unit?.significant === true && unit.observed === 0 && unit.effect.rateRatio === 0) named += 1;
    }
    console.log(`power, shielded unit (~${shielded.size} entities): named in ${named}/${SEEDS}`);
    expect(named).toBe(SEEDS);
  });

  it('a favoured set of 150 scattered firms never drawn: found through a focus group', () => {
    const prng = createPrng(77);
    const all = snapshots[0]?.entities ?? [];
    const favoured = new Set<string>();
    while (favoured.size < 150) favoured.add((all[prng.int(all.length)] as { id: string }).id);
    let named = 0;
    for (let s = 0; s < SEEDS; s++) {
      const history = simulateHistory(snapshots, design, favouredNeverSelector(favoured), 3000 + s);
      const report = audit(history, snapshots, { focusGroups: [{ label: '关联企业', ids: [...favoured] }] });
      const group = report.tests.find((t) => t.kind === 'focus-group');
      if (group?.significant === true && group.observed === 0) named += 1;
    }
    console.log(`power, 150 favoured firms: focus group flagged ${named}/${SEEDS}`);
    expect(named).toBe(SEEDS);
  });

  it('a small pool drawn year after year: the repeat distribution is flagged', () => {
    let detected = 0;
    for (let s = 0; s < SEEDS; s++) {
      const report = audit(simulateHistory(snapshots, design, poolSelector(0.1), 4000 + s), snapshots);
      if (report.tests.find((t) => t.kind === 'repeat-distribution')?.significant === true) detected += 1;
    }
    console.log(`power, 10% pool: ${detected}/${SEEDS}`);
    expect(detected).toBe(SEEDS);
  });

  it('a department drawing 2% while stating 3%: the stratum rates are flagged', () => {
    const understated: StatedDesign = { stratifyBy: 'riskClass', ratios: { A: 0.02, B: 0.02, C: 0.02, D: 0.02 } };
    const history = simulateHistory(snapshots, understated, fairSelector, 5000);
    const report = audit(history, snapshots);
    const flagged = report.tests.filter((t) => t.kind === 'stratum-rate' && t.significant && t.scope.stratum === 'A');
    expect(flagged.length).toBe(3);
    for (const t of flagged) expect(t.effect.rateRatio).toBeCloseTo(2 / 3, 1);
  });
});

describe('fair histories are not flagged beyond α', () => {
  it('200 seeded fair histories (5,000 entities, 3 years): share flagged ≤ α + binomial tolerance', () => {
    const snapshots = simulateRegisters(202, 5000, YEARS);
    const RUNS = 200;
    let flagged = 0;
    let tests = 0;
    for (let s = 0; s < RUNS; s++) {
      const report = audit(simulateHistory(snapshots, design, fairSelector, 10_000 + s), snapshots);
      tests = report.tests.length;
      if (report.significantCount > 0) flagged += 1;
    }
    const limit = binomialUpper(RUNS, ALPHA);
    console.log(`false-positive rate: ${flagged}/${RUNS} fair histories flagged (${tests} tests each, limit ${limit})`);
    expect(tests).toBeGreaterThan(20);
    expect(flagged).toBeLessThanOrEqual(limit);
  });
});
