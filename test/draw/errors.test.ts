import { describe, expect, it } from 'vitest';
import { drawTargets, sampleSize, seedFromDice, type DrawSpec } from '../../src/draw/index.js';
import type { Entity } from '../../src/models/entity.js';
import { entity } from './fixtures.js';

const seed = seedFromDice('31415926535897932384');
const reg = ['a', 'b', 'c', 'd', 'e'].map((id) => entity(id, { riskClass: 'B' }));
const code = (spec: unknown, register: Entity[] = reg, options: object = {}): string => {
  try { drawTargets(register, spec as DrawSpec, { seed, ...options }); } catch (error) { return (error as { code: string }).code; }
  return 'NO ERROR';
};

describe('errors with stable codes', () => {
  it('duplicate ids, including ids equal only after NFC; the old duplicateCheck opt-out is an unknown option', () => {
    expect(code({ label: 'x', size: { count: 1 } }, [...reg, entity('c')])).toBe('DUPLICATE_ID');
    expect(code({ label: 'x', size: { count: 1 } }, [entity('Caf\u00e9'), entity('Cafe\u0301')])).toBe('DUPLICATE_ID');
    expect(code({ label: 'x', size: { count: 9 } }, [...reg, entity('c')], { duplicateCheck: 'selection' } as never)).toBe('INVALID_OPTION');
  });
  it('ratios outside (0, 1]', () => {
    for (const ratio of [0, -0.1, 1.01, 'abc', '0%', Infinity]) expect(code({ label: 'x', size: { ratio } })).toBe('INVALID_RATIO');
    expect(code({ label: 'x', size: { ratio: 1 } })).toBe('NO ERROR');
  });
  it('negative or non-integer sizes', () => {
    for (const count of [-1, 1.5, '3', NaN]) expect(code({ label: 'x', size: { count } })).toBe('INVALID_SIZE');
    expect(code({ label: 'x', size: { ratio: 0.5, minimum: -2 } })).toBe('INVALID_SIZE');
    expect(code({ label: 'x' })).toBe('INVALID_SIZE');
  });
  it('non-positive weights', () => {
    expect(code({ label: 'x', size: { count: 1 }, weights: { byRiskClass: { B: 0 } } })).toBe('NON_POSITIVE_WEIGHT');
    expect(code({ label: 'x', size: { count: 1 }, weights: { default: -1 } })).toBe('NON_POSITIVE_WEIGHT');
    expect(code({ label: 'x', size: { count: 1 }, weights: { byList: { 'serious-violations': '0' } } })).toBe('NON_POSITIVE_WEIGHT');
  });
  it('a filter naming an unknown field, and malformed filters', () => {
    expect(code({ label: 'x', size: { count: 1 }, population: { filter: [{ field: 'name', op: 'in', values: ['a'] }] } })).toBe('UNKNOWN_FILTER_FIELD');
    expect(code({ label: 'x', size: { count: 1 }, population: { filter: [{ op: 'anyOf', conditions: [{ field: 'colour', op: 'in', values: ['a'] }] }] } })).toBe('UNKNOWN_FILTER_FIELD');
    expect(code({ label: 'x', size: { count: 1 }, population: { filter: [{ field: 'kind', op: 'startsWith', value: 'e' }] } })).toBe('INVALID_FILTER');
    expect(code({ label: 'x', size: { count: 1 }, stratification: { field: 'name', allocation: 'largest-remainder' } })).toBe('UNKNOWN_STRATIFY_FIELD');
  });
  it('weak or malformed seeds, bad labels, unknown spec keys, missing history', () => {
    expect(() => drawTargets(reg, { label: 'x', size: { count: 1 } }, { seed: 'abc' })).toThrow(expect.objectContaining({ code: 'INVALID_SEED' }));
    expect(() => drawTargets(reg, { label: 'x', size: { count: 1 } }, { seed: { seed: seed.seed, origin: { method: 'dice', digits: '123' } } })).toThrow(expect.objectContaining({ code: 'SEED_TOO_WEAK' }));
    expect(() => drawTargets(reg, { label: 'x', size: { count: 1 } }, { seed: { seed: '0'.repeat(64), origin: seed.origin } })).toThrow(expect.objectContaining({ code: 'SEED_ORIGIN_MISMATCH' }));
    expect(code({ label: '', size: { count: 1 } })).toBe('INVALID_LABEL');
    expect(code({ label: 'a\nb', size: { count: 1 } })).toBe('INVALID_LABEL');
    expect(code({ label: 'x', size: { count: 1 }, extra: 1 })).toBe('INVALID_SPEC');
    expect(code({ label: 'x', size: { count: 1 }, exclusion: { year: 2025 } })).toBe('HISTORY_REQUIRED');
    expect(code({ label: 'x', size: { count: 1 }, exclusion: { year: 2025 } }, reg, { history: [{ entityId: 'a', date: '2025-02-30', department: 'x', item: 'y' }] })).toBe('INVALID_HISTORY');
  });
  it('population smaller than the size: take-all (default, recorded) or error', () => {
    const { record, selected } = drawTargets(reg, { label: 'x', size: { count: 9 } }, { seed });
    expect(selected).toHaveLength(5);
    expect(record.strata[0]).toMatchObject({ requested: 9, size: 5 });
    expect(record.spec.shortfall).toBe('take-all');
    expect(code({ label: 'x', size: { count: 9 }, shortfall: 'error' })).toBe('POPULATION_TOO_SMALL');
    expect(code({ label: 'x', shortfall: 'error', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { A: { count: 1 } } } })).toBe('POPULATION_TOO_SMALL');
  });
  it('sampleSize reads ratios exactly and rounds by the stated rule', () => {
    expect(sampleSize(1000, { ratio: 0.07 })).toBe(70);
    expect(sampleSize(100, { ratio: 0.07 })).toBe(7); // 100 × 0.07 = 7.000000000000001 in floats
    expect(sampleSize(101, { ratio: 0.05 })).toBe(6);
    expect(sampleSize(101, { ratio: '5%', rounding: 'down' })).toBe(5);
    expect(sampleSize(10, { ratio: 0.25, rounding: 'half-up' })).toBe(3);
    expect(sampleSize(10, { ratio: 0.24, rounding: 'half-up' })).toBe(2);
    expect(sampleSize(3, { ratio: 0.01, minimum: 2 })).toBe(2);
    expect(sampleSize(0, { ratio: 0.5 })).toBe(0);
    expect(sampleSize(7, { ratio: '1/3' })).toBe(3);
    expect(sampleSize(30_000_001, { ratio: 1e-7 })).toBe(4);
  });
});
