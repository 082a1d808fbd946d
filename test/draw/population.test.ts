import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countPopulation, drawTargets, isInPopulation, seedFromDice, type DrawSpec } from '../../src/draw/index.js';
import type { Entity } from '../../src/models/entity.js';
import type { TargetCondition, TargetFilter } from '../../src/models/target-filter.js';
import { entity, makeRegister } from './fixtures.js';

const SEED = seedFromDice('31415926535897932384');
type Population = NonNullable<DrawSpec['population']>;

const KINDS = ['enterprise', 'individual-business', 'farmer-cooperative', 'other'] as const;
const STATUSES = ['active', 'deregistered', 'revoked', 'cancelled', 'moved-out'] as const;
const RISK = ['A', 'B', 'C', 'D'] as const;
const REGIONS = ['410102', '410103', '410202', '350100'] as const;
const INDUSTRIES = ['F5211', 'F5212', 'H6210'] as const;
const UNITS = ['一所', '二所'] as const;
const LISTS = ['abnormal-operations', 'serious-violations'] as const;
const TAGS = ['食品', '特种设备', '药品'] as const;

const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

const entityArb: fc.Arbitrary<Omit<Entity, 'id'>> = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    status: fc.constantFrom(...STATUSES),
    riskClass: opt(fc.constantFrom(...RISK)),
    regionCode: opt(fc.constantFrom(...REGIONS)),
    industry: opt(fc.constantFrom(...INDUSTRIES)),
    supervisingUnit: opt(fc.constantFrom(...UNITS)),
    lists: fc.subarray([...LISTS]),
    tags: fc.subarray([...TAGS]),
    complaintCount: fc.integer({ min: 0, max: 6 }),
  })
  .map((r) => {
    const out: Record<string, unknown> = { name: '示例对象', kind: r.kind, status: r.status, lists: r.lists, tags: r.tags, complaintCount: r.complaintCount };
    for (const key of ['riskClass', 'regionCode', 'industry', 'supervisingUnit'] as const) if (r[key] !== undefined) out[key] = r[key];
    return out as unknown as Omit<Entity, 'id'>;
  });

const registerArb: fc.Arbitrary<Entity[]> = fc
  .array(entityArb, { minLength: 0, maxLength: 40 })
  .map((rows) => rows.map((row, i) => ({ ...row, id: `E${String(i).padStart(3, '0')}` }) as Entity));

const someOf = <T>(values: readonly T[]): fc.Arbitrary<T[]> => fc.subarray([...values], { minLength: 1 });

const leafArb: fc.Arbitrary<TargetCondition> = fc.oneof(
  fc.record({ field: fc.constant('kind' as const), op: fc.constantFrom('in' as const, 'notIn' as const), values: someOf(KINDS) }),
  fc.record({ field: fc.constant('status' as const), op: fc.constantFrom('in' as const, 'notIn' as const), values: someOf(STATUSES) }),
  fc.record({ field: fc.constant('riskClass' as const), op: fc.constantFrom('in' as const, 'notIn' as const), values: someOf(RISK) }),
  fc.record({ field: fc.constant('supervisingUnit' as const), op: fc.constantFrom('in' as const, 'notIn' as const), values: someOf(UNITS) }),
  fc.record({ field: fc.constant('regionCode' as const), op: fc.constant('startsWith' as const), value: fc.constantFrom('41', '4101', '410103', '35') }),
  fc.record({ field: fc.constant('industry' as const), op: fc.constant('startsWith' as const), value: fc.constantFrom('F', 'F521', 'H') }),
  fc.record({ field: fc.constant('lists' as const), op: fc.constantFrom('hasAny' as const, 'hasAll' as const, 'hasNone' as const), values: someOf(LISTS) }),
  fc.record({ field: fc.constant('tags' as const), op: fc.constantFrom('hasAny' as const, 'hasAll' as const, 'hasNone' as const), values: someOf(TAGS) }),
  fc.record({ field: fc.constant('complaintCount' as const), op: fc.constantFrom('gte' as const, 'lte' as const), value: fc.integer({ min: 0, max: 6 }) }),
);
const conditionArb: fc.Arbitrary<TargetCondition> = fc.oneof(
  { weight: 4, arbitrary: leafArb },
  { weight: 1, arbitrary: fc.array(leafArb, { minLength: 1, maxLength: 3 }).map((conditions) => ({ op: 'anyOf' as const, conditions })) },
);
const filterArb: fc.Arbitrary<TargetFilter> = fc.array(conditionArb, { maxLength: 3 });
const populationArb: fc.Arbitrary<Population | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({ statuses: opt(someOf(STATUSES)), filter: opt(filterArb) }).map((p) => {
    const out: { statuses?: (typeof STATUSES)[number][]; filter?: TargetFilter } = {};
    if (p.statuses !== undefined) out.statuses = p.statuses;
    if (p.filter !== undefined) out.filter = p.filter;
    return out;
  }),
);

/** Draws everyone in the population (the size covers it; take-all). */
function takeAll(register: readonly Entity[], population: Population | undefined): string[] {
  const spec: DrawSpec = population === undefined ? { label: '全取', size: { count: register.length } } : { label: '全取', population, size: { count: register.length } };
  return drawTargets(register, spec, { seed: SEED }).selected.map((s) => s.id).sort();
}

describe('isInPopulation and countPopulation agree with the draw', () => {
  it('isInPopulation is membership in a take-all draw, for random entities and filters (property)', () => {
    fc.assert(
      fc.property(registerArb, populationArb, (register, population) => {
        const members = register.filter((e) => isInPopulation(e, population)).map((e) => e.id).sort();
        expect(members).toEqual(takeAll(register, population));
        expect(countPopulation(register, population)).toBe(members.length);
      }),
      { numRuns: 300 },
    );
  });

  it('a take-all ratio draw agrees too, and the count equals record.register.eligible', () => {
    fc.assert(
      fc.property(registerArb, populationArb, (register, population) => {
        const spec: DrawSpec = { label: '比例全取', size: { ratio: 1 }, ...(population === undefined ? {} : { population }) };
        const { selected, record } = drawTargets(register, spec, { seed: SEED });
        expect(record.register.eligible).toBe(countPopulation(register, population));
        expect(selected.every((s) => isInPopulation(s.entity, population))).toBe(true);
        expect(selected.length).toBe(countPopulation(register, population));
      }),
      { numRuns: 100 },
    );
  });

  it('countPopulation reads arrays, any iterable and factories alike', () => {
    const register = makeRegister(120);
    const population: Population = { filter: [{ field: 'regionCode', op: 'startsWith', value: '4101' }] };
    const n = countPopulation(register, population);
    expect(countPopulation(new Set(register), population)).toBe(n);
    expect(countPopulation(() => register.values(), population)).toBe(n);
    function* rows(): Generator<Entity> { yield* register; }
    expect(countPopulation(rows(), population)).toBe(n);
  });
});

describe('known answers', () => {
  const a = entity('A1', { riskClass: 'D', regionCode: '410103', lists: ['serious-violations'], tags: ['食品'], complaintCount: 3 } as Partial<Entity>);
  const b = entity('B2', { status: 'deregistered', riskClass: 'A', regionCode: '350100' } as Partial<Entity>);
  const c = entity('C3', { kind: 'individual-business' } as Partial<Entity>);

  it('defaults to 存续 (active) entities and no filter', () => {
    expect([a, b, c].map((e) => isInPopulation(e))).toEqual([true, false, true]);
    expect(isInPopulation(b, { statuses: ['active', 'deregistered'] })).toBe(true);
    expect(countPopulation([a, b, c])).toBe(2);
    expect(countPopulation([a, b, c], { statuses: ['deregistered'] })).toBe(1);
    expect(countPopulation([])).toBe(0);
  });

  it('evaluates each kind of condition as the draw does', () => {
    const cases: [TargetCondition, boolean, boolean][] = [
      [{ field: 'riskClass', op: 'in', values: ['C', 'D'] }, true, false],
      [{ field: 'riskClass', op: 'notIn', values: ['D'] }, false, true], // no class: notIn everything
      [{ field: 'regionCode', op: 'startsWith', value: '4101' }, true, false],
      [{ field: 'lists', op: 'hasAny', values: ['serious-violations', 'abnormal-operations'] }, true, false],
      [{ field: 'lists', op: 'hasAll', values: ['serious-violations', 'abnormal-operations'] }, false, false],
      [{ field: 'tags', op: 'hasNone', values: ['食品'] }, false, true],
      [{ field: 'complaintCount', op: 'gte', value: 3 }, true, false],
      [{ field: 'complaintCount', op: 'lte', value: 0 }, false, true],
      [{ op: 'anyOf', conditions: [{ field: 'kind', op: 'in', values: ['individual-business'] }, { field: 'complaintCount', op: 'gte', value: 1 }] }, true, true],
    ];
    for (const [condition, forA, forC] of cases) {
      expect([isInPopulation(a, { filter: [condition] }), isInPopulation(c, { filter: [condition] })], JSON.stringify(condition)).toEqual([forA, forC]);
    }
    // Conditions are ANDed.
    expect(isInPopulation(a, { filter: [{ field: 'riskClass', op: 'in', values: ['D'] }, { field: 'tags', op: 'hasNone', values: ['食品'] }] })).toBe(false);
  });

  it('throws the draw\'s own errors for a bad population, with the same codes and paths', () => {
    const bad: unknown[] = [
      { filter: [{ field: 'colour', op: 'in', values: ['red'] }] },
      { filter: [{ field: 'kind', op: 'startsWith', value: 'e' }] },
      { filter: [{ op: 'anyOf', conditions: [] }] },
      { filter: { field: 'kind' } },
      { statuses: [] },
      { statuses: ['alive'] },
      { statuses: ['active'], extra: 1 },
      'everyone',
    ];
    const caught = (f: () => unknown): { code: string; path: readonly (string | number)[] } => {
      try { f(); } catch (error) { const e = error as { code: string; path: readonly (string | number)[] }; return { code: e.code, path: e.path }; }
      return { code: 'NO ERROR', path: [] };
    };
    for (const population of bad) {
      const fromDraw = caught(() => drawTargets([a], { label: 'x', size: { count: 1 }, population } as DrawSpec, { seed: SEED }));
      expect(fromDraw.code).not.toBe('NO ERROR');
      expect(caught(() => isInPopulation(a, population as Population))).toEqual(fromDraw);
      expect(caught(() => countPopulation([a], population as Population))).toEqual(fromDraw);
    }
    expect(caught(() => isInPopulation(a, { filter: [{ field: 'colour', op: 'in', values: ['red'] }] } as unknown as Population))).toEqual({ code: 'UNKNOWN_FILTER_FIELD', path: ['population', 'filter', 0, 'field'] });
    expect(caught(() => countPopulation([a, null as unknown as Entity]))).toEqual({ code: 'INVALID_ENTITY', path: [1] });
  });

  it('does not mutate its inputs', () => {
    const population: Population = { filter: [{ field: 'riskClass', op: 'in', values: ['D'] }] };
    const before = JSON.stringify([a, population]);
    isInPopulation(a, population);
    countPopulation([a], population);
    expect(JSON.stringify([a, population])).toBe(before);
  });
});
