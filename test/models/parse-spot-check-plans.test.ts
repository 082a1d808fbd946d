import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseSpotCheckPlans } from '../../src/models/parse-spot-check-plans.js';

const plan = {
  id: 'P-2025', name: '示例市2025年度抽查计划', year: 2025, initiatingDepartment: '示例市市场监管局',
  cooperatingDepartments: [], itemIds: ['1', '2'], targetScope: [], ratio: 0.05,
  period: { start: '2025-03-01', end: '2025-11-30' }, methods: ['on-site'],
  batches: [{ label: '全年', start: '2025-03-01', end: '2025-11-30' }],
};

const CJK = /[\u4e00-\u9fff]/;

describe('parseSpotCheckPlans', () => {
  it('returns equal, deeply frozen copies of valid plans and leaves the input alone', () => {
    const input = [plan, { ...plan, id: 'P-2', cooperatingDepartments: ['示例市税务局'], ratio: undefined, count: 30 }];
    const snapshot = structuredClone(input);
    const result = parseSpotCheckPlans(input);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data[0]).toEqual(plan);
    expect(result.data[0]).not.toBe(plan);
    expect(Object.isFrozen(result.data)).toBe(true);
    expect(Object.isFrozen(result.data[0]!.period)).toBe(true);
    expect(Object.isFrozen(result.data[0]!.batches[0])).toBe(true);
    const nested = parseSpotCheckPlans([{ ...plan, ratio: undefined, ratioByRiskClass: { A: 0.01 }, targetScope: [{ op: 'anyOf', conditions: [{ field: 'tags', op: 'hasAny', values: ['食品经营'] }] }] }]);
    if (!nested.success) throw new Error('fixture');
    const p0 = nested.data[0]!;
    for (const part of [p0.ratioByRiskClass, p0.targetScope, p0.targetScope[0], p0.itemIds, p0.methods]) expect(Object.isFrozen(part)).toBe(true);
    expect(input).toEqual(snapshot);
    expect(Object.isFrozen(input[0])).toBe(false);
  });

  it('reports every problem of every plan with a stable code, the path and messages in both languages', () => {
    const bad = [
      plan,
      { ...plan, id: '', year: '2025', period: { start: '2025-03-01', end: '2025-02-30' }, extra: 1 },
      { ...plan, name: undefined, methods: ['by-phone'], batches: [] },
    ];
    const result = parseSpotCheckPlans(bad);
    expect(result.success).toBe(false);
    if (result.success) return;
    const seen = result.issues.map((i) => `${i.path.join('.')}:${i.code}`).sort();
    expect(seen).toEqual([
      '1.extra:UNKNOWN_FIELD', '1.id:INVALID_VALUE', '1.period.end:INVALID_DATE', '1.year:INVALID_TYPE',
      '2.batches:INVALID_VALUE', '2.methods.0:INVALID_VALUE', '2.name:MISSING_FIELD',
    ].sort());
    for (const issue of result.issues) {
      expect(issue.messageZh).toMatch(CJK);
      expect(issue.messageEn).not.toMatch(CJK);
      expect(issue.messageEn.length).toBeGreaterThan(0);
    }
    expect(result.issues.find((i) => i.code === 'INVALID_TYPE')?.received).toBe('2025');
  });

  it('names the field inside a directed-draw condition and reports non-integers as such', () => {
    const result = parseSpotCheckPlans([{ ...plan, year: 2025.5, targetScope: [{ field: 'kind', op: 'startsWith', value: 'x' }, { field: 'complaintCount', op: 'gte', value: -1 }] }]);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['INVALID_VALUE', '0.year'],
      ['INVALID_VALUE', '0.targetScope.0.field'],
      ['INVALID_VALUE', '0.targetScope.1.value'],
    ]);
    expect(result.issues[0]).toMatchObject({ messageZh: '应为整数', messageEn: 'expected an integer', received: 2025.5 });
    expect(result.issues[1]!.messageZh).toContain('regionCode');
    expect(result.issues[1]!.messageEn).toContain('industry');
  });

  it('refuses what is not an array', () => {
    for (const input of [plan, null, 'plans', 3]) {
      expect(parseSpotCheckPlans(input)).toEqual({ success: false, issues: [expect.objectContaining({ code: 'PLANS_NOT_ARRAY', path: [] })] });
    }
  });

  it('ignores a zod locale or error map the application set globally (messages stay bilingual)', () => {
    z.config({ customError: () => 'APPLICATION MESSAGE' });
    try {
      const result = parseSpotCheckPlans([{ ...plan, year: 'x' }]);
      expect(result.success).toBe(false);
      if (!result.success) {
        expect(result.issues[0]!.messageZh).toMatch(CJK);
        expect(result.issues[0]!.messageEn).not.toContain('APPLICATION');
      }
    } finally {
      z.config({ customError: undefined });
    }
  });

  it('property: dropping any required field of a valid plan gives exactly MISSING_FIELD at [index, field]', () => {
    const required = Object.keys(plan).filter((k) => k !== 'ratio'); // the size fields are optional (deriveTasks decides)
    fc.assert(
      fc.property(fc.constantFrom(...required), fc.nat(3), (field, index) => {
        const plans = Array.from({ length: index + 1 }, (_, i) => ({ ...plan, id: `P-${i}` })) as Record<string, unknown>[];
        const broken = { ...plans[index]! };
        delete broken[field];
        plans[index] = broken;
        const result = parseSpotCheckPlans(plans);
        expect(result.success).toBe(false);
        if (!result.success) expect(result.issues.map((i) => [i.code, i.path])).toEqual([['MISSING_FIELD', [index, field]]]);
      }),
    );
  });
});
