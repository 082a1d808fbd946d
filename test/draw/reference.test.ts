import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawTargets, seedFromDice, type DrawSpec } from '../../src/draw/index.js';
import type { TargetCondition } from '../../src/models/target-filter.js';
import { makeRegister } from './fixtures.js';
import { refDraw } from './reference.js';

const condition: fc.Arbitrary<TargetCondition> = fc.oneof(
  fc.record({ field: fc.constant('kind' as const), op: fc.constantFrom('in' as const, 'notIn' as const), values: fc.constantFrom(['enterprise'], ['other', 'individual-business']) }),
  fc.record({ field: fc.constant('riskClass' as const), op: fc.constantFrom('in' as const, 'notIn' as const), values: fc.constantFrom(['A', 'B'], ['D']) }),
  fc.record({ field: fc.constant('scale' as const), op: fc.constantFrom('in' as const, 'notIn' as const), values: fc.constantFrom(['小型', '微型'], ['大型']) }),
  fc.record({ field: fc.constant('regionCode' as const), op: fc.constant('startsWith' as const), value: fc.constantFrom('4101', '41', '35') }),
  fc.record({ field: fc.constant('tags' as const), op: fc.constantFrom('hasAny' as const, 'hasAll' as const, 'hasNone' as const), values: fc.constantFrom(['食品'], ['特种设备', '食品']) }),
  fc.record({ field: fc.constant('lists' as const), op: fc.constantFrom('hasAny' as const, 'hasAll' as const, 'hasNone' as const), values: fc.constantFrom(['abnormal-operations'], ['abnormal-operations', 'serious-violations']) }),
  fc.record({ field: fc.constant('complaintCount' as const), op: fc.constantFrom('gte' as const, 'lte' as const), value: fc.integer({ min: 0, max: 4 }) }),
);
const size = fc.oneof(
  fc.record({ count: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ ratio: fc.constantFrom(0.05, 0.07, 0.1, 0.33, 1, '3%', '2/7'), rounding: fc.constantFrom('up' as const, 'down' as const, 'half-up' as const), minimum: fc.integer({ min: 0, max: 3 }) }),
);
const spec: fc.Arbitrary<DrawSpec> = fc.record({
  label: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/[\u0000-\u001f\u007f-\u009f\ud800-\udfff]/.test(s)),
  population: fc.record({ filter: fc.array(condition, { maxLength: 2 }) }),
  size,
  stratification: fc.option(fc.oneof(
    fc.record({ field: fc.constantFrom('riskClass' as const, 'kind' as const, 'regionCode' as const), allocation: fc.constant('largest-remainder' as const) }),
    fc.record({ field: fc.constant('riskClass' as const), allocation: fc.constant('per-stratum' as const), sizes: fc.constant({ A: { ratio: 0.1 }, D: { ratio: 0.5 }, C: { count: 2 } }), otherStrata: fc.constant({ ratio: 0.2 }) }),
  ), { nil: undefined }),
  weights: fc.option(fc.record({ byRiskClass: fc.constant({ A: 1, B: 2, C: 5, D: 20 }), byList: fc.constant({ 'abnormal-operations': 3 }), complaints: fc.constant({ perComplaint: 0.5, cap: 3 }) }), { nil: undefined }),
}, { requiredKeys: ['label', 'population', 'size'] }).map((s) => {
  const out: Record<string, unknown> = { ...s };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  // A total size beside per-stratum sizes has no effect and is refused.
  if ((out['stratification'] as { allocation?: string } | undefined)?.allocation === 'per-stratum') delete out['size'];
  return out as unknown as DrawSpec;
});

describe('the library agrees with the naive reference implementation on random inputs', () => {
  it('same selection, tickets, strata, probabilities and digests', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 1, max: 1000 }), spec, fc.stringMatching(/^[0-9]{20,24}$/), (n, salt, s, dice) => {
        const register = makeRegister(n, `R${salt}-`, salt);
        const seed = seedFromDice(dice);
        const { record } = drawTargets(register, s, { seed });
        const ref = refDraw(register as never, record.spec, seed.seed);
        expect(ref.selected).toEqual(record.selected);
        expect(ref.strata).toEqual(record.strata);
        expect(ref.registerDigest).toBe(record.register.digest);
        expect(ref.eligible).toBe(record.register.eligible);
      }),
      { numRuns: 120 },
    );
  });
});
