/**
 * Checks at the draw's edges: which field of a register row is invalid, stratum names outside a fixed
 * vocabulary, the complaint-count bound shared with the register parser, and commitment hashes.
 */
import { describe, expect, it } from 'vitest';
import { commitSeed, checkSeedCommitment, drawTargets, drawTargetsAsync, registerDigest, seedFromDice, verifyDraw, type DrawSpec } from '../../src/draw/index.js';
import type { Entity } from '../../src/models/entity.js';
import { EntitySchema, parseEntityRegister } from '../../src/models/index.js';
import { entity } from './fixtures.js';

const seed = seedFromDice('31415926535897932384');
const reg = ['a', 'b', 'c', 'd', 'e'].map((id, i) => entity(id, i < 3 ? { riskClass: 'B' } : {}));

interface Caught { code: string; path: readonly (string | number)[]; messageZh: string; messageEn: string }
function caught(run: () => unknown): Caught | 'NO ERROR' {
  try { run(); } catch (error) {
    const e = error as Caught;
    return { code: e.code, path: e.path, messageZh: e.messageZh, messageEn: e.messageEn };
  }
  return 'NO ERROR';
}
const draw = (spec: unknown, register: readonly Entity[] = reg, options: object = {}): Caught | 'NO ERROR' =>
  caught(() => drawTargets(register, spec as DrawSpec, { seed, ...options }));

describe('INVALID_ENTITY names the invalid field', () => {
  it.each([
    ['complaintCount', { complaintCount: 4294967296 }],
    ['complaintCount', { complaintCount: -1 }],
    ['complaintCount', { complaintCount: 1.5 }],
    ['complaintCount', { complaintCount: '3' }],
    ['lists', { lists: 'abnormal-operations' }],
    ['tags', { tags: null }],
  ])('%s: %j', (field, extra) => {
    const bad = [...reg.slice(0, 2), { ...entity('x'), ...extra } as unknown as Entity];
    const error = draw({ label: 'x', size: { count: 1 } }, bad);
    expect(error).toMatchObject({ code: 'INVALID_ENTITY', path: [2, field] });
    if (error !== 'NO ERROR') {
      expect(error.messageZh).toContain(field);
      expect(error.messageEn).toContain(field);
      expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
  it('the async draw reports the same path', async () => {
    const bad = [reg[0]!, { ...entity('y'), tags: 'a' } as unknown as Entity];
    await expect(drawTargetsAsync(bad, { label: 'x', size: { count: 1 } }, { seed })).rejects.toMatchObject({ code: 'INVALID_ENTITY', path: [1, 'tags'] });
  });
});

describe('complaint counts: a register that parses cleanly can be drawn from', () => {
  const CODE_A = '91350100M000100Y43';
  it('4294967295 parses, passes EntitySchema and is drawn (and weighted); 4294967296 is rejected by all three', () => {
    const parsed = parseEntityRegister([{ 统一社会信用代码: CODE_A, 企业名称: '示例商贸有限公司0001', 类型: '企业', 投诉举报数: '4294967295' }]);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(EntitySchema.safeParse(parsed.data[0]).success).toBe(true);
    const { selected } = drawTargets(parsed.data, { label: 'max', size: { count: 1 }, weights: { complaints: { perComplaint: 1 } } }, { seed });
    expect(selected.map((s) => s.id)).toEqual([CODE_A]);

    const tooMany = parseEntityRegister([{ 统一社会信用代码: CODE_A, 企业名称: '示例商贸有限公司0001', 类型: '企业', 投诉举报数: 4294967296 }]);
    expect(tooMany.success ? [] : tooMany.issues.map((i) => `${i.path.join('.')}:${i.code}`)).toEqual(['0.complaintCount:INVALID_COUNT']);
    const row = { ...parsed.data[0]!, complaintCount: 4294967296 };
    expect(EntitySchema.safeParse(row).success).toBe(false);
    expect(draw({ label: 'max', size: { count: 1 } }, [row])).toMatchObject({ code: 'INVALID_ENTITY', path: [0, 'complaintCount'] });
  });
});

describe('per-stratum sizes: stratum names of fixed-vocabulary fields are checked', () => {
  const spec = (field: string, sizes: Record<string, unknown>): unknown => ({ label: 's', stratification: { field, allocation: 'per-stratum', sizes } });
  it('a misspelled risk class is INVALID_SPEC at its key, naming the allowed values (zh + en)', () => {
    const error = draw(spec('riskClass', { a: { count: 3 } }));
    expect(error).toMatchObject({ code: 'INVALID_SPEC', path: ['stratification', 'sizes', 'a'] });
    if (error !== 'NO ERROR') {
      expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
      for (const message of [error.messageZh, error.messageEn]) expect(message).toContain('A, B, C, D');
    }
    expect(draw(spec('riskClass', { A: { count: 1 }, unclassified: { count: 1 } }))).toMatchObject({ code: 'INVALID_SPEC', path: ['stratification', 'sizes', 'unclassified'] });
  });
  it('status and kind are checked against their vocabularies', () => {
    expect(draw(spec('status', { Active: { count: 1 } }))).toMatchObject({ code: 'INVALID_SPEC', path: ['stratification', 'sizes', 'Active'] });
    expect(draw(spec('kind', { 企业: { count: 1 } }))).toMatchObject({ code: 'INVALID_SPEC', path: ['stratification', 'sizes', '企业'] });
    expect(draw(spec('status', { active: { count: 1 }, revoked: { count: 1 } }))).toBe('NO ERROR');
    expect(draw(spec('kind', { enterprise: { count: 2 }, other: { count: 1 } }))).toBe('NO ERROR');
  });
  it('"" (entities lacking the field) is a valid stratum name and draws the unclassified', () => {
    const { record } = drawTargets(reg, spec('riskClass', { B: { count: 1 }, '': { count: 2 } }) as DrawSpec, { seed });
    expect(record.strata.map((s) => [s.stratum, s.selected])).toEqual([['', 2], ['B', 1]]);
  });
  it('free-text fields stay unchecked', () => {
    expect(draw(spec('regionCode', { 'no-such-region': { count: 1 } }))).toBe('NO ERROR');
    expect(draw(spec('industry', { anything: { count: 1 } }))).toBe('NO ERROR');
  });
});

describe('commitment hashes are compared case-insensitively and recorded in lower case', () => {
  const register = ['a', 'b', 'c', 'd'].map((id) => entity(id));
  const hash = commitSeed(seed.seed, { salt: 's' });
  it('an upper-case hash that checkSeedCommitment accepts is accepted by the draw; the record verifies', () => {
    const upper = hash.toUpperCase();
    expect(checkSeedCommitment(seed.seed, upper, { salt: 's' })).toBe(true);
    const { record } = drawTargets(register, { label: 'c', size: { count: 2 } }, { seed, commitment: { hash: upper, salt: 's' } });
    expect(record.seedCommitment).toEqual({ hash, salt: 's' });
    expect(verifyDraw(record, register).ok).toBe(true);
    const mixed = hash.slice(0, 32) + hash.slice(32).toUpperCase();
    expect(drawTargets(register, { label: 'c', size: { count: 2 } }, { seed, commitment: { hash: mixed, salt: 's' } }).record.seedCommitment?.hash).toBe(hash);
  });
  it('a wrong hash is still SEED_COMMITMENT_MISMATCH', () => {
    const other = commitSeed(seed.seed, { salt: 't' }).toUpperCase();
    expect(draw({ label: 'c', size: { count: 2 } }, register, { commitment: { hash: other, salt: 's' } })).toMatchObject({ code: 'SEED_COMMITMENT_MISMATCH' });
  });
  it.each([
    ['too short', { hash: hash.slice(1), salt: 's' }, ['commitment', 'hash']],
    ['not hex', { hash: `${hash.slice(0, 63)}g`, salt: 's' }, ['commitment', 'hash']],
    ['with spaces', { hash: ` ${hash}`, salt: 's' }, ['commitment', 'hash']],
    ['not a string', { hash: 42, salt: 's' }, ['commitment', 'hash']],
    ['salt not a string', { hash, salt: 7 }, ['commitment', 'salt']],
    ['not an object', 'abc', ['commitment']],
  ])('a malformed commitment (%s) is INVALID_COMMITMENT', (_, commitment, path) => {
    const error = draw({ label: 'c', size: { count: 2 } }, register, { commitment });
    expect(error).toMatchObject({ code: 'INVALID_COMMITMENT', path });
    if (error !== 'NO ERROR') expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('every path that hashes a row checks the fields the encoding cannot hold', () => {
  it('registerDigest refuses a complaint count of 2^32 (it would encode like 0) with the row and field', () => {
    const row = (complaintCount: number) => ({ id: 'E1', name: 'E1', kind: 'enterprise' as const, status: 'active' as const, lists: [], tags: [], complaintCount });
    expect(() => registerDigest([row(0), row(4294967296)])).toThrow(expect.objectContaining({ code: 'INVALID_ENTITY', path: [1, 'complaintCount'] }));
    expect(registerDigest([row(4294967295)]).size).toBe(1);
  });
});
