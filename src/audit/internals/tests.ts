/**
 * The statistical tests of an audit, before the multiple-comparison correction. See the TSDoc of
 * `auditDrawHistory` for the model; the comments here say why each test is valid.
 *
 * @module
 */
import type { AuditEntity } from '../audit-entity.js';
import type { AuditField } from '../audit-field.js';
import type { AuditEffect, AuditFinding, CategoryCount } from '../audit-finding.js';
import type { StatedDesign } from '../stated-design.js';
import { binomialTwoSidedPValue } from './binomial-test.js';
import type { InclusionEstimate } from './inclusion.js';
import { reportNumber } from './numbers.js';
import { compareCodeUnits, statedRate, stratumRule } from './population.js';
import type { StratifiedPopulation } from './population.js';
import { chiSquareSurvival } from './special-functions.js';

/** Label of the category of entities lacking a field. */
export const MISSING_CATEGORY = '(missing)';

/** One prepared draw. */
export interface PreparedDraw {
  readonly label: string;
  readonly design: StatedDesign;
  readonly population: StratifiedPopulation;
  /** Selected flag per sorted entity. */
  readonly selected: Uint8Array;
  /** Observed selections per stratum. */
  readonly observedByStratum: Readonly<Record<string, number>>;
  readonly inclusion: InclusionEstimate;
}

/** Extra facts the messages need. */
export interface DraftFacts {
  readonly populationSize?: number;
  readonly statedRate?: number;
  readonly statedSize?: number;
  readonly pooledCategories?: number;
  readonly entityCount?: number;
  readonly testedEntities?: number;
  readonly tailProbability?: number;
}

/** A finding before correction and wording. */
export type DraftFinding = Omit<AuditFinding, 'adjustedPValue' | 'significant' | 'messageZh' | 'messageEn'> & {
  readonly facts: DraftFacts;
};

function ratio(observed: number, expected: number): number | null {
  return expected > 0 ? reportNumber(observed / expected) : null;
}

function binomialDraft(
  base: Pick<DraftFinding, 'id' | 'kind' | 'scope' | 'facts'>,
  observed: number,
  expected: number,
  trials: number,
  expectedVariance: number,
): DraftFinding {
  // p = E/M: the binomial with the same mean is at least as spread as the true Poisson-binomial / sum of
  // hypergeometrics (Hoeffding 1956, 1963), so the test is exact or conservative.
  const p = trials === 0 ? 0 : Math.min(1, expected / trials);
  const effect: AuditEffect = {
    rateRatio: ratio(observed, expected),
    difference: reportNumber(observed - expected),
    ...(expectedVariance > 0 ? { expectedStandardError: reportNumber(Math.sqrt(expectedVariance)) } : {}),
  };
  return {
    ...base,
    method: 'exact-binomial',
    observed,
    expected: reportNumber(expected),
    trials,
    pValue: reportNumber(binomialTwoSidedPValue(observed, trials, p)),
    effect,
  };
}

/** Per draw and stratum: selection rate against the stated ratio (exact binomial, x ~ Bin(N_h, r_h)). */
export function stratumRateTests(draws: readonly PreparedDraw[]): DraftFinding[] {
  const out: DraftFinding[] = [];
  for (const draw of draws) {
    for (const stratum of draw.population.stratumKeys) {
      const size = draw.population.stratumSizes[stratum] as number;
      const rate = statedRate(draw.design, stratum, size);
      const observed = draw.observedByStratum[stratum] ?? 0;
      const rule = stratumRule(draw.design, stratum);
      const statedSize = rule !== undefined && 'size' in rule ? rule.size : undefined;
      out.push(
        binomialDraft(
          {
            id: `stratum-rate:${draw.label}:${stratum}`,
            kind: 'stratum-rate',
            scope: { draw: draw.label, stratum },
            facts: { populationSize: size, statedRate: rate, ...(statedSize === undefined ? {} : { statedSize }) },
          },
          observed,
          size * rate,
          size,
          0,
        ),
      );
    }
  }
  return out;
}

interface Cell {
  observed: number;
  expected: number;
  trials: number;
  variance: number;
}

function emptyCell(): Cell {
  return { observed: 0, expected: 0, trials: 0, variance: 0 };
}

/** Chi-square over cells (already pooled); returns χ², df, Cohen's w and a p-value. */
function pearson(cells: readonly Cell[], scale: number): { statistic: number; df: number; pValue: number; w: number } {
  let statistic = 0;
  let total = 0;
  let impossible = false;
  for (const cell of cells) {
    total += cell.observed;
    if (cell.expected > 0) statistic += (cell.observed - cell.expected) ** 2 / cell.expected;
    else if (cell.observed > 0) impossible = true;
  }
  statistic = scale > 0 ? statistic / scale : statistic;
  const df = cells.length - 1;
  const pValue = impossible ? 0 : chiSquareSurvival(statistic, df);
  return { statistic, df, pValue, w: total > 0 ? Math.sqrt(statistic / total) : 0 };
}

/** Pools cells with expected < min into one; merges that pool into the smallest cell if still too small. */
function poolCells(keys: readonly string[], cells: Readonly<Record<string, Cell>>, min: number): { cells: Cell[]; pooled: number } {
  const big: { key: string; cell: Cell }[] = [];
  const pool = emptyCell();
  let pooled = 0;
  for (const key of keys) {
    const cell = cells[key] as Cell;
    if (cell.expected >= min) big.push({ key, cell: { ...cell } });
    else {
      pooled += 1;
      pool.observed += cell.observed;
      pool.expected += cell.expected;
    }
  }
  const out = big.map((b) => b.cell);
  if (pooled > 0) {
    if (pool.expected >= min || out.length === 0) out.push(pool);
    else {
      let smallest = 0;
      out.forEach((cell, i) => {
        if (cell.expected < (out[smallest] as Cell).expected) smallest = i;
      });
      const target = out[smallest] as Cell;
      target.observed += pool.observed;
      target.expected += pool.expected;
    }
  }
  return { cells: out, pooled };
}

function breakdown(keys: readonly string[], cells: Readonly<Record<string, Cell>>): CategoryCount[] {
  return keys
    .map((key) => {
      const cell = cells[key] as Cell;
      return { key, cell, z: cell.expected > 0 ? Math.abs(cell.observed - cell.expected) / Math.sqrt(cell.expected) : cell.observed };
    })
    .sort((a, b) => b.z - a.z || compareCodeUnits(a.key, b.key))
    .map(({ key, cell }) => ({
      category: key,
      observed: cell.observed,
      expected: reportNumber(cell.expected),
      rateRatio: ratio(cell.observed, cell.expected),
    }));
}

/**
 * Over- or under-representation of a field's categories, pooled over draws and strata. Expected count of
 * category g: Σ over draws and strata of the inclusion probabilities of its entities (n_h · M_hg / N_h for
 * simple designs). Pearson's χ² with df = cells − 1 is conservative here: the true covariance (independent
 * strata, sampling without replacement) is below the multinomial one; dividing χ² by the largest finite
 * population correction (N − n)/(N − 1) of a simple stratum recovers most of the gap and stays conservative.
 */
export function representationTests(
  draws: readonly PreparedDraw[],
  fields: readonly AuditField[],
  minExpected: number,
): DraftFinding[] {
  const out: DraftFinding[] = [];
  let fpcMax = 0;
  for (const draw of draws) {
    for (const stratum of draw.population.stratumKeys) {
      const size = draw.population.stratumSizes[stratum] as number;
      const n = draw.observedByStratum[stratum] ?? 0;
      if (n === 0 || size <= 1) continue;
      fpcMax = Math.max(fpcMax, draw.design.selection === 'weighted' ? 1 : (size - n) / (size - 1));
    }
  }
  for (const field of fields) {
    if (draws.every((d) => d.design.stratifyBy === field)) continue;
    const cells: Record<string, Cell> = Object.create(null) as Record<string, Cell>;
    for (const draw of draws) {
      const { entities } = draw.population;
      for (let i = 0; i < entities.length; i++) {
        const key = (entities[i] as AuditEntity)[field] ?? MISSING_CATEGORY;
        const cell = (cells[key] ??= emptyCell());
        const p = draw.inclusion.probabilities[i] as number;
        const se = draw.inclusion.standardErrors[i] as number;
        cell.trials += 1;
        cell.expected += p;
        cell.observed += draw.selected[i] as number;
        cell.variance += se * se;
      }
    }
    const keys = Object.keys(cells).sort(compareCodeUnits);
    if (keys.length < 2) continue;
    const { cells: pooledCells, pooled } = poolCells(keys, cells, minExpected);
    const categories = breakdown(keys, cells);
    if (pooledCells.length >= 2) {
      const chi = pearson(pooledCells, fpcMax);
      const top = categories[0] as CategoryCount;
      out.push({
        id: `representation:${field}`,
        kind: 'representation',
        scope: { field },
        method: 'pearson-chi-square',
        observed: reportNumber(chi.statistic),
        expected: chi.df,
        trials: chi.df,
        pValue: reportNumber(chi.pValue),
        effect: {
          rateRatio: null,
          difference: reportNumber(top.observed - top.expected),
          cohensW: reportNumber(chi.w),
          categories,
        },
        facts: { pooledCategories: pooled },
      });
    }
    for (const key of keys) {
      const cell = cells[key] as Cell;
      if (cell.expected === 0 && cell.observed === 0) continue;
      out.push(
        binomialDraft(
          { id: `category-rate:${field}:${key}`, kind: 'category-rate', scope: { field, category: key }, facts: {} },
          cell.observed,
          cell.expected,
          cell.trials,
          cell.variance,
        ),
      );
    }
  }
  return out;
}

/** A named set of entities, over all draws (exact binomial with p = E/M, as for categories). */
export function focusGroupTests(
  draws: readonly PreparedDraw[],
  groups: readonly { readonly label: string; readonly ids: readonly string[] }[],
): DraftFinding[] {
  return groups.map((group) => {
    const members = new Set(group.ids);
    const cell = emptyCell();
    for (const draw of draws) {
      for (const id of members) {
        const i = draw.population.indexOf.get(id);
        if (i === undefined) continue;
        const se = draw.inclusion.standardErrors[i] as number;
        cell.trials += 1;
        cell.expected += draw.inclusion.probabilities[i] as number;
        cell.observed += draw.selected[i] as number;
        cell.variance += se * se;
      }
    }
    return binomialDraft(
      { id: `focus-group:${group.label}`, kind: 'focus-group', scope: { group: group.label }, facts: { entityCount: members.size } },
      cell.observed,
      cell.expected,
      cell.trials,
      cell.variance,
    );
  });
}

/**
 * Entities drawn repeatedly or never. Each entity's number of selections is Poisson-binomial over its
 * inclusion probabilities in the draws it was in (draws independent of each other). Two tests:
 * the distribution of the counts (how many entities drawn 0, 1, 2, … times: Pearson χ², top classes pooled
 * until expected ≥ min, df = classes − 1, conservative since the total is fixed), and the most surprising
 * single entity (its tail P(S ≥ c), Bonferroni-multiplied by the number of entities that could repeat).
 */
export function repeatTests(draws: readonly PreparedDraw[], minExpected: number): DraftFinding[] {
  if (draws.length < 2) return [];
  const byId = new Map<string, { ps: number[]; count: number }>();
  for (const draw of draws) {
    const { entities } = draw.population;
    for (let i = 0; i < entities.length; i++) {
      const id = (entities[i] as AuditEntity).id;
      let record = byId.get(id);
      if (record === undefined) {
        record = { ps: [], count: 0 };
        byId.set(id, record);
      }
      record.ps.push(draw.inclusion.probabilities[i] as number);
      record.count += draw.selected[i] as number;
    }
  }
  const ids = [...byId.keys()].sort(compareCodeUnits);
  let maxClass = 0;
  for (const record of byId.values()) maxClass = Math.max(maxClass, record.ps.length);
  const expected = new Array<number>(maxClass + 1).fill(0);
  const observed = new Array<number>(maxClass + 1).fill(0);
  let best: { id: string; tail: number; count: number; mean: number } | undefined;
  let testable = 0;
  const pmf = new Float64Array(maxClass + 1);
  for (const id of ids) {
    const { ps, count } = byId.get(id) as { ps: number[]; count: number };
    // Poisson-binomial pmf of this entity's count, in place.
    pmf.fill(0);
    pmf[0] = 1;
    let positive = 0;
    let mean = 0;
    ps.forEach((p, j) => {
      if (p > 0) positive += 1;
      mean += p;
      for (let k = j + 1; k >= 1; k--) pmf[k] = (pmf[k] as number) * (1 - p) + (pmf[k - 1] as number) * p;
      pmf[0] = (pmf[0] as number) * (1 - p);
    });
    for (let k = 0; k <= ps.length; k++) expected[k] = (expected[k] as number) + (pmf[k] as number);
    observed[count] = (observed[count] as number) + 1;
    if (positive >= 2) {
      testable += 1;
      if (count >= 1) {
        let tail = 0;
        for (let k = ps.length; k >= count; k--) tail += pmf[k] as number;
        tail = Math.min(1, tail);
        if (best === undefined || tail < best.tail) best = { id, tail, count, mean };
      }
    }
  }
  const out: DraftFinding[] = [];
  // Pool the top classes downwards until each has expected ≥ min.
  const cells: Cell[] = expected.map((e, k) => ({ observed: observed[k] as number, expected: e, trials: 0, variance: 0 }));
  const labels = cells.map((_, k) => String(k));
  while (cells.length > 1 && (cells[cells.length - 1] as Cell).expected < minExpected) {
    const top = cells.pop() as Cell;
    labels.pop();
    const below = cells[cells.length - 1] as Cell;
    below.observed += top.observed;
    below.expected += top.expected;
    labels[labels.length - 1] = `${cells.length - 1}+`;
  }
  if (cells.length >= 2) {
    const chi = pearson(cells, 1);
    const categories: CategoryCount[] = cells.map((cell, k) => ({
      category: labels[k] as string,
      observed: cell.observed,
      expected: reportNumber(cell.expected),
      rateRatio: ratio(cell.observed, cell.expected),
    }));
    const top = [...categories].sort(
      (a, b) => Math.abs(b.observed - b.expected) - Math.abs(a.observed - a.expected),
    )[0] as CategoryCount;
    out.push({
      id: 'repeat-distribution',
      kind: 'repeat-distribution',
      scope: {},
      method: 'pearson-chi-square',
      observed: reportNumber(chi.statistic),
      expected: chi.df,
      trials: chi.df,
      pValue: reportNumber(chi.pValue),
      effect: { rateRatio: null, difference: reportNumber(top.observed - top.expected), cohensW: reportNumber(chi.w), categories },
      facts: { entityCount: ids.length },
    });
  }
  if (best !== undefined) {
    out.push({
      id: 'entity-repeat',
      kind: 'entity-repeat',
      scope: { entityId: best.id },
      method: 'poisson-binomial-bonferroni',
      observed: best.count,
      expected: reportNumber(best.mean),
      trials: testable,
      pValue: reportNumber(Math.min(1, best.tail * testable)),
      effect: { rateRatio: ratio(best.count, best.mean), difference: reportNumber(best.count - best.mean) },
      facts: { testedEntities: testable, tailProbability: reportNumber(best.tail) },
    });
  }
  return out;
}
