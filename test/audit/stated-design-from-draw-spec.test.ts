/**
 * statedDesignFromDrawSpec: the audit states a library draw's design from its own spec. Fair library draws are
 * not flagged under the converted design; its stated counts and inclusion probabilities are the draw's, exactly;
 * the specs without a stated equivalent throw DESIGN_NOT_STATABLE.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditDrawHistory, computeInclusionProbabilities, statedDesignFromDrawSpec, StatedDesignSchema } from '../../src/audit/index.js';
import type { AuditEntity, HistoryDraw, StatedDesign } from '../../src/audit/index.js';
import { statedCount, statedRate, stratumRule } from '../../src/audit/internals/population.js';
import { drawTargets, sampleSize } from '../../src/draw/index.js';
import type { DrawResult, DrawSpec, SizeRule } from '../../src/draw/index.js';
import { isShuangsuijiError } from '../../src/errors.js';
import { sha256Hex } from '../../src/internals/sha256.js';
import type { Entity } from '../../src/models/entity.js';

const RISK = ['A', 'A', 'A', 'A', 'B', 'B', 'C', 'D'] as const;
const REGIONS = ['410402', '410403', '410404', '410411'] as const;

/** 400 synthetic entities; 6 lack a risk class (the stratum ""), region 410411 is small (20). */
const audited: AuditEntity[] = Array.from({ length: 400 }, (_, i) => {
  const riskClass = i % 67 === 5 ? undefined : RISK[(i * 7) % 8];
  return {
    id: `T${String(i).padStart(4, '0')}`,
    regionCode: i % 20 === 0 ? '410411' : REGIONS[i % 3],
    industry: i % 5 === 0 ? '制造业' : '批发和零售业',
    ...(riskClass === undefined ? {} : { riskClass }),
    lists: i % 23 === 0 ? ['serious-violations'] : [],
    complaintCount: i % 4,
  };
});
const register: Entity[] = audited.map((e) => ({ name: `示例对象${e.id}`, kind: 'enterprise', status: 'active', tags: [], ...e }) as unknown as Entity);
const snapshot = { id: 'S', entities: audited };

const seed = (label: string): string => sha256Hex(`stated-design-from-draw-spec/${label}`);
function draw(spec: DrawSpec, k: number): DrawResult {
  return drawTargets(register, { ...spec, label: `${spec.label} 第${k}批` }, { seed: seed(`${spec.label}/${k}`) });
}
function history(spec: DrawSpec, count: number): HistoryDraw[] {
  return Array.from({ length: count }, (_, k) => ({
    label: `${spec.label} 第${k}批`,
    snapshotId: 'S',
    selectedIds: draw(spec, k).selected.map((s) => s.id),
  }));
}
/** n/d reduced, as the draw writes inclusion probabilities. */
function fraction(n: number, d: number): string {
  let [a, b] = [n, d];
  while (b !== 0) [a, b] = [b, a % b];
  return `${n / a}/${d / a}`;
}

const specs = {
  count: { label: '固定数量', size: { count: 37 } },
  ratioMinimum: {
    label: '比例与最少数量',
    stratification: {
      field: 'riskClass', allocation: 'per-stratum',
      sizes: { A: { ratio: '2%', rounding: 'down', minimum: 6 }, B: { ratio: 0.05, rounding: 'down', minimum: 6 }, D: { ratio: '3/10', rounding: 'down', minimum: 6 } },
      otherStrata: { ratio: 0.04, rounding: 'down', minimum: 6 },
    },
  },
  otherStrata: {
    label: '区划分层',
    stratification: { field: 'regionCode', allocation: 'per-stratum', sizes: { '410402': { ratio: 0.1 }, '410411': { count: 25 } }, otherStrata: { ratio: '5%' } },
  },
  weighted: {
    label: '风险加权',
    stratification: { field: 'regionCode', allocation: 'per-stratum', sizes: {}, otherStrata: { ratio: 0.06, minimum: 2 } },
    weights: { byRiskClass: { A: 1, B: 2, C: 4, D: 8 }, byList: { 'serious-violations': 3 } },
  },
} satisfies Record<string, DrawSpec>;

describe('statedDesignFromDrawSpec — the mapping', () => {
  it('known answers for each shape', () => {
    expect(statedDesignFromDrawSpec(specs.count)).toEqual({ sizes: { all: 37 }, shortfall: 'take-all' });
    expect(statedDesignFromDrawSpec({ label: 'x', size: { ratio: 0.03 }, shortfall: 'error' })).toEqual({ ratio: 0.03, shortfall: 'error' });
    expect(statedDesignFromDrawSpec(specs.ratioMinimum)).toEqual({
      stratifyBy: 'riskClass', ratio: 0.04, ratios: { A: '2%', B: 0.05, D: '3/10' }, rounding: 'down', minimum: 6, shortfall: 'take-all',
    });
    expect(statedDesignFromDrawSpec(specs.otherStrata)).toEqual({
      stratifyBy: 'regionCode', ratio: '5%', ratios: { '410402': 0.1 }, sizes: { '410411': 25 }, shortfall: 'take-all',
    });
    expect(statedDesignFromDrawSpec(specs.weighted)).toEqual({
      stratifyBy: 'regionCode', ratio: 0.06, minimum: 2, shortfall: 'take-all', selection: 'weighted',
      weights: { byRiskClass: { A: 1, B: 2, C: 4, D: 8 }, byList: { 'serious-violations': 3 }, default: 1 },
    });
    // Strata without a rule and no otherStrata (or otherStrata { count: 0 }) are not drawn: ratio 0.
    const onlyD: StatedDesign = { stratifyBy: 'riskClass', ratio: 0, ratios: { D: 0.5 }, shortfall: 'take-all' };
    expect(statedDesignFromDrawSpec({ label: 'x', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { D: { ratio: 0.5 } } } })).toEqual(onlyD);
    expect(statedDesignFromDrawSpec({ label: 'x', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { D: { ratio: 0.5 } }, otherStrata: { count: 0 } } })).toEqual(onlyD);
    // Population and exclusion are the auditor's population, not the design.
    expect(statedDesignFromDrawSpec({ ...specs.count, population: { filter: [{ field: 'regionCode', op: 'startsWith', value: '4104' }] }, exclusion: { year: 2025 } })).toEqual(
      statedDesignFromDrawSpec(specs.count),
    );
  });

  it('a draw record\'s normalized spec gives the same design; the result is a valid StatedDesign and plain JSON', () => {
    for (const spec of Object.values(specs)) {
      const { record } = draw(spec, 0);
      const design = statedDesignFromDrawSpec(spec);
      expect(statedDesignFromDrawSpec(record.spec)).toEqual(design);
      expect(StatedDesignSchema.safeParse(design).success).toBe(true);
      expect(JSON.parse(JSON.stringify(design))).toEqual(design);
    }
  });

  it('throws DESIGN_NOT_STATABLE with a path for the specs that have no stated equivalent', () => {
    const cases: [DrawSpec, readonly (string | number)[]][] = [
      [{ label: 'x', size: { count: 10 }, stratification: { field: 'riskClass', allocation: 'largest-remainder' } }, ['stratification', 'allocation']],
      [{ label: 'x', stratification: { field: 'kind', allocation: 'per-stratum', sizes: {}, otherStrata: { ratio: 0.1 } } }, ['stratification', 'field']],
      [{ label: 'x', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { A: { ratio: 0.1 }, D: { ratio: 0.3, rounding: 'down' } } } }, ['stratification', 'sizes', 'D', 'rounding']],
      [{ label: 'x', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { A: { ratio: 0.1, minimum: 1 } }, otherStrata: { ratio: 0.2 } } }, ['stratification', 'otherStrata', 'minimum']],
      [{ label: 'x', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { A: { ratio: 0.1 } }, otherStrata: { count: 3 } } }, ['stratification', 'otherStrata', 'count']],
    ];
    for (const [spec, path] of cases) {
      try {
        statedDesignFromDrawSpec(spec);
        expect.unreachable(JSON.stringify(spec));
      } catch (error) {
        expect(isShuangsuijiError(error, 'DESIGN_NOT_STATABLE'), String(error)).toBe(true);
        if (isShuangsuijiError(error)) {
          expect(error.path).toEqual(path);
          expect(error.messageZh.length).toBeGreaterThan(0);
          expect(error.messageEn.length).toBeGreaterThan(0);
        }
      }
    }
    // A bad spec throws the draw's own error.
    expect(() => statedDesignFromDrawSpec({ label: 'x', size: { ratio: 1.5 } })).toThrow(expect.objectContaining({ code: 'INVALID_RATIO', path: ['size', 'ratio'] }));
  });
});

describe('stated designs: minimum, shortfall, other strata and exact ratio strings', () => {
  it('known answers', () => {
    const design: StatedDesign = { stratifyBy: 'riskClass', ratio: '5%', ratios: { D: '3/10' }, sizes: { A: 4 }, rounding: 'down', minimum: 3 };
    expect(stratumRule(design, 'A')).toEqual({ size: 4 });
    expect(stratumRule(design, 'D')).toEqual({ ratio: '3/10' });
    expect(stratumRule(design, 'B')).toEqual({ ratio: '5%' });
    expect(stratumRule({ stratifyBy: 'riskClass', ratios: { D: 0.3 } }, 'B')).toBeUndefined();
    expect(stratumRule({ stratifyBy: 'riskClass', ratios: { D: 0.3 } }, 'constructor')).toBeUndefined();
    expect(statedCount(design, 'D', 50)).toBe(15); // ⌊50 × 3/10⌋
    expect(statedRate(design, 'D', 50)).toBe(0.3);
    expect(statedCount(design, 'B', 40)).toBe(3); // ⌊2⌋ raised to 3
    expect(statedRate(design, 'B', 40)).toBe(3 / 40);
    expect(statedCount(design, 'B', 100)).toBe(5);
    expect(statedRate(design, 'B', 100)).toBe(0.05);
    expect(statedCount(design, 'B', 2)).toBe(3); // reported as SIZE_EXCEEDS_STRATUM under the default shortfall
    expect(statedCount({ ...design, shortfall: 'take-all' }, 'B', 2)).toBe(2);
    expect(statedRate({ ...design, shortfall: 'take-all' }, 'B', 2)).toBe(1);
    expect(statedCount({ ...design, shortfall: 'take-all' }, 'A', 3)).toBe(3);
    expect(statedCount({ ...design, ratio: 0 }, 'B', 100)).toBe(0); // ratio 0: not drawn, whatever the minimum
  });

  it('shapes: one of ratio, ratios, sizes unstratified; disjoint ratios and sizes; minimum needs a ratio; ratios in [0, 1]', () => {
    const ok = (d: unknown): boolean => StatedDesignSchema.safeParse(d).success;
    expect(ok({ ratio: '7%' })).toBe(true);
    expect(ok({ ratio: '7/100', minimum: 2, shortfall: 'take-all' })).toBe(true);
    expect(ok({ ratio: 0.03, sizes: { all: 3 } })).toBe(false);
    expect(ok({ stratifyBy: 'riskClass', ratio: 0.03, sizes: { A: 3 }, ratios: { D: 0.3 } })).toBe(true);
    expect(ok({ stratifyBy: 'riskClass', sizes: { A: 3 }, ratios: { A: 0.3 } })).toBe(false);
    expect(ok({ stratifyBy: 'riskClass' })).toBe(false);
    expect(ok({ stratifyBy: 'riskClass', sizes: { A: 3 }, minimum: 1 })).toBe(false);
    for (const bad of ['101%', '-1%', '3/2', 'x', 1.5]) expect(ok({ ratio: bad }), String(bad)).toBe(false);
  });

  it("the stated count is the draw's sampleSize with rounding and minimum, capped under take-all (property)", () => {
    const ratioArb = fc.oneof(fc.integer({ min: 1, max: 10_000 }).map((k) => k / 10_000), fc.integer({ min: 1, max: 1000 }).map((k) => `${k / 10}%`));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), ratioArb, fc.constantFrom('up', 'down', 'half-up' as const), fc.integer({ min: 0, max: 50 }), (n, ratio, rounding, minimum) => {
        const draw = sampleSize(n, { ratio, rounding, minimum });
        expect(statedCount({ ratio, rounding, minimum }, 'all', n)).toBe(draw);
        expect(statedCount({ stratifyBy: 'riskClass', ratio, rounding, minimum, shortfall: 'take-all' }, 'B', n)).toBe(Math.min(draw, n));
      }),
    );
  });
});

describe('the converted design agrees with the draw', () => {
  it('stated counts and inclusion probabilities are the draw\'s, exactly, for the simple designs', () => {
    for (const spec of [specs.count, specs.ratioMinimum, specs.otherStrata]) {
      const result = computeInclusionProbabilities(audited, statedDesignFromDrawSpec(spec));
      if (!result.success) throw new Error(JSON.stringify(result.issues));
      expect(result.data.method).toBe('exact');
      const { record, selected } = draw(spec, 0);
      expect(result.data.strata.map((s) => [s.stratum, s.populationSize, s.sampleSize])).toEqual(
        record.strata.filter((s) => s.population > 0).map((s) => [s.stratum ?? 'all', s.population, s.size]),
      );
      const byStratum = new Map(result.data.strata.map((s) => [s.stratum, s]));
      for (const target of selected) {
        const stratum = byStratum.get(target.stratum ?? 'all')!;
        expect(fraction(stratum.sampleSize, stratum.populationSize), target.id).toBe(target.inclusionProbability);
        expect(result.data.entities.find((e) => e.id === target.id)?.probability).toBe(Number((stratum.sampleSize / stratum.populationSize).toPrecision(10)));
      }
    }
    // The minimum binds in the small classes and the stratum "" of 6 is drawn whole (take-all).
    const strata = computeInclusionProbabilities(audited, statedDesignFromDrawSpec(specs.ratioMinimum));
    if (!strata.success) throw new Error('unexpected issues');
    expect(strata.data.strata.find((s) => s.stratum === '')).toEqual({ stratum: '', populationSize: 6, sampleSize: 6 });
    expect(strata.data.strata.find((s) => s.stratum === 'C')?.sampleSize).toBe(6);
  });

  it('fair library draws are not flagged (count, ratio with rounding and minimum, per-stratum with otherStrata)', () => {
    const options = { fields: ['regionCode', 'riskClass', 'industry'] as const };
    for (const spec of [specs.count, specs.ratioMinimum, specs.otherStrata]) {
      const report = auditDrawHistory(history(spec, 24), [snapshot], statedDesignFromDrawSpec(spec), options);
      if (!report.success) throw new Error(JSON.stringify(report.issues));
      expect(report.data.inclusionProbabilities.method).toBe('exact');
      expect(report.data.significantCount, `${spec.label}: ${report.data.tests.filter((t) => t.significant).map((t) => t.messageEn).join('\n')}`).toBe(0);
    }
  });

  it('the stated minimum is what keeps them unflagged: the same draws against the ratios alone are flagged', () => {
    const { minimum, ...withoutMinimum } = statedDesignFromDrawSpec(specs.ratioMinimum);
    expect(minimum).toBe(6);
    const report = auditDrawHistory(history(specs.ratioMinimum, 24), [snapshot], withoutMinimum, { fields: [] });
    if (!report.success) throw new Error(JSON.stringify(report.issues));
    // The stratum "" (6 entities, 4% → 0 by rounding down) is drawn 6 times in every draw, as the minimum says.
    const flagged = report.data.tests.filter((t) => t.significant);
    expect(flagged.map((t) => t.id)).toContain('stratum-rate:比例与最少数量 第0批:');
    expect(flagged.every((t) => t.kind === 'stratum-rate')).toBe(true);
  });

  it('a weighted draw is not flagged (Monte-Carlo through the library draw)', () => {
    const report = auditDrawHistory(history(specs.weighted, 6), [snapshot], statedDesignFromDrawSpec(specs.weighted), {
      fields: ['regionCode', 'riskClass'],
      monteCarlo: { replications: 200, seed: 'stated-design-weighted' },
    });
    if (!report.success) throw new Error(JSON.stringify(report.issues));
    expect(report.data.inclusionProbabilities.method).toBe('monte-carlo');
    expect(report.data.significantCount).toBe(0);
  });

  it('shortfall: a stratum smaller than its count is drawn whole under take-all, reported under error', () => {
    const spec: DrawSpec = { label: '小区划', stratification: { field: 'regionCode', allocation: 'per-stratum', sizes: {}, otherStrata: { ratio: 0.01, minimum: 30 } } };
    const takeAll = computeInclusionProbabilities(audited, statedDesignFromDrawSpec(spec));
    if (!takeAll.success) throw new Error(JSON.stringify(takeAll.issues));
    expect(takeAll.data.strata.find((s) => s.stratum === '410411')).toEqual({ stratum: '410411', populationSize: 20, sampleSize: 20 });
    const strict = statedDesignFromDrawSpec({ ...spec, shortfall: 'error' });
    expect(() => drawTargets(register, { ...spec, shortfall: 'error' }, { seed: seed('x') })).toThrow(expect.objectContaining({ code: 'POPULATION_TOO_SMALL' }));
    const reported = computeInclusionProbabilities(audited, strict);
    expect(reported.success).toBe(false);
    if (!reported.success) expect(reported.issues).toMatchObject([{ code: 'SIZE_EXCEEDS_STRATUM', path: ['design', 'minimum'], received: 30 }]);
  });
});

describe('property: for random per-stratum specs and registers, the audit\'s stated sizes are the draw\'s', () => {
  const classes = ['A', 'B', 'C', 'D', ''] as const;
  const ratioArb = fc.oneof(
    fc.integer({ min: 1, max: 100 }).map((p) => p / 100),
    fc.integer({ min: 1, max: 100 }).map((p) => `${p}%`),
    fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => `${Math.min(a, b)}/${Math.max(a, b)}`),
  );
  const arb = fc.record({
    rounding: fc.constantFrom('up', 'down', 'half-up' as const),
    minimum: fc.integer({ min: 0, max: 6 }),
    rules: fc.dictionary(fc.constantFrom(...classes), fc.oneof(fc.integer({ min: 0, max: 8 }).map((count) => ({ count })), ratioArb.map((ratio) => ({ ratio }))), { maxKeys: 5 }),
    other: fc.option(fc.oneof(fc.constant({ count: 0 }), ratioArb.map((ratio) => ({ ratio }))), { nil: undefined }),
    shortfall: fc.constantFrom('take-all', 'error' as const),
    classOf: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 60 }),
  });
  it('equal stratum sizes when the draw succeeds; SIZE_EXCEEDS_STRATUM only when the draw refuses', () => {
    fc.assert(
      fc.property(arb, ({ rounding, minimum, rules, other, shortfall, classOf }) => {
        const withShared = (rule: { count: number } | { ratio: number | string }): SizeRule => ('ratio' in rule ? { ...rule, rounding, minimum } : rule);
        const spec: DrawSpec = {
          label: '性质',
          shortfall,
          stratification: {
            field: 'riskClass', allocation: 'per-stratum',
            sizes: Object.fromEntries(Object.entries(rules).map(([k, r]) => [k, withShared(r)])),
            ...(other === undefined ? {} : { otherStrata: withShared(other) }),
          },
        };
        const design = statedDesignFromDrawSpec(spec);
        expect(StatedDesignSchema.safeParse(design).success).toBe(true);
        const population: AuditEntity[] = classOf.map((c, i) => ({ id: `P${i}`, ...(classes[c] === '' ? {} : { riskClass: classes[c] }) }));
        const rows = population.map((e) => ({ name: `示例${e.id}`, kind: 'enterprise', status: 'active', lists: [], tags: [], complaintCount: 0, ...e }) as unknown as Entity);
        const audit = computeInclusionProbabilities(population, design);
        let result: DrawResult | undefined;
        try {
          result = drawTargets(rows, spec, { seed: seed('property') });
        } catch (error) {
          if (!isShuangsuijiError(error, 'POPULATION_TOO_SMALL')) throw error;
        }
        if (!audit.success) {
          expect(audit.issues.every((i) => i.code === 'SIZE_EXCEEDS_STRATUM')).toBe(true);
          expect(result).toBeUndefined();
          return;
        }
        if (result === undefined) return; // refused over a listed stratum with no entities, which the audit never sees
        expect(audit.data.strata.map((s) => [s.stratum, s.populationSize, s.sampleSize])).toEqual(
          result.record.strata.filter((s) => s.population > 0).map((s) => [s.stratum, s.population, s.size]),
        );
      }),
    );
  });
});
