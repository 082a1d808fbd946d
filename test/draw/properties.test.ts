import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  drawTargets, drawTargetsAsync, historyFromDraw, registerDigest, seedFromDice, verifyDraw, verifyDrawAsync,
  type DrawSpec, type PastInspection,
} from '../../src/draw/index.js';
import type { Entity } from '../../src/models/entity.js';
import { entity, makeRegister, shuffled } from './fixtures.js';

const dice = fc.stringMatching(/^[0-9]{20}$/);
const SEED = seedFromDice('31415926535897932384');
const register = makeRegister(120, 'P', 5);
const specs: DrawSpec[] = [
  { label: 'u', size: { count: 9 } },
  { label: 'r', size: { ratio: 0.1 }, population: { filter: [{ field: 'kind', op: 'in', values: ['enterprise', 'other', 'individual-business'] }] } },
  { label: 's', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { A: { ratio: 0.05 }, B: { ratio: 0.1 }, C: { ratio: 0.2 }, D: { ratio: 0.4 } } } },
  { label: 'lr', size: { count: 11 }, stratification: { field: 'regionCode', allocation: 'largest-remainder' } },
  { label: 'w', size: { count: 10 }, weights: { byRiskClass: { A: 1, B: 2, C: 4, D: 30 }, complaints: { perComplaint: 1 } } },
];
const specArb = fc.constantFrom(...specs);

describe('invariants of drawTargets', () => {
  it('is deterministic: same inputs give byte-identical records', () => {
    fc.assert(fc.property(dice, specArb, (d, spec) => {
      const seed = seedFromDice(d);
      expect(JSON.stringify(drawTargets(register, spec, { seed }).record)).toBe(JSON.stringify(drawTargets(register, spec, { seed }).record));
    }), { numRuns: 30 });
  });

  it('is order-independent: shuffling the register changes nothing', () => {
    fc.assert(fc.property(dice, specArb, fc.integer({ min: 1, max: 1e6 }), (d, spec, salt) => {
      const seed = seedFromDice(d);
      expect(drawTargets(shuffled(register, salt), spec, { seed }).record).toEqual(drawTargets(register, spec, { seed }).record);
    }), { numRuns: 30 });
  });

  it('is consistent: removing an unselected entity changes nothing (undirected count draw)', () => {
    fc.assert(fc.property(dice, fc.integer({ min: 0, max: 119 }), (d, index) => {
      const seed = seedFromDice(d);
      const spec: DrawSpec = { label: 'u', size: { count: 9 } };
      const full = drawTargets(register, spec, { seed });
      const victim = register[index]!;
      fc.pre(!full.selected.some((s) => s.id === victim.id));
      const less = drawTargets(register.filter((e) => e !== victim), spec, { seed });
      expect(less.selected.map((s) => [s.id, s.ticket])).toEqual(full.selected.map((s) => [s.id, s.ticket]));
    }), { numRuns: 40 });
  });

  it('size-k selection is the prefix of the size-(k+1) selection (undirected)', () => {
    fc.assert(fc.property(dice, fc.integer({ min: 0, max: 60 }), (d, k) => {
      const seed = seedFromDice(d);
      const a = drawTargets(register, { label: 'pre', size: { count: k } }, { seed }).selected.map((s) => s.id);
      const b = drawTargets(register, { label: 'pre', size: { count: k + 1 } }, { seed }).selected.map((s) => s.id);
      expect(b.slice(0, a.length)).toEqual(a);
      expect(b.length).toBe(Math.min(k + 1, 0 + drawTargets(register, { label: 'pre', size: { count: 1000 } }, { seed }).selected.length));
    }), { numRuns: 30 });
  });

  it('every selected entity is active, satisfies the filter and is not excluded', () => {
    const history: PastInspection[] = register.slice(0, 60).map((e, i) => ({ entityId: e.id, date: `2025-0${1 + (i % 9)}-15`, department: i % 3 ? '甲局' : '乙局', item: 'X' }));
    fc.assert(fc.property(dice, (d) => {
      const seed = seedFromDice(d);
      const spec: DrawSpec = {
        label: 'f', size: { ratio: 0.3 },
        population: { filter: [{ field: 'regionCode', op: 'startsWith', value: '41' }, { field: 'tags', op: 'hasNone', values: ['特种设备'] }] },
        exclusion: { year: 2025, departments: ['甲局'] },
      };
      const excluded = new Set(history.filter((h) => h.department === '甲局').map((h) => h.entityId));
      const { selected } = drawTargets(register, spec, { seed, history });
      expect(selected.length).toBeGreaterThan(0);
      for (const s of selected) {
        expect(s.entity.status).toBe('active');
        expect(s.entity.regionCode!.startsWith('41')).toBe(true);
        expect(s.entity.tags.includes('特种设备')).toBe(false);
        expect(excluded.has(s.id)).toBe(false);
      }
    }), { numRuns: 20 });
  });

  it('batches in one year exclude the earlier batches', () => {
    const spec1: DrawSpec = { label: 'batch-1', size: { count: 20 }, exclusion: { year: 2025 } };
    const b1 = drawTargets(register, spec1, { seed: SEED, history: [] });
    const history = historyFromDraw(b1, { date: '2025-03-01', department: '甲局', item: 'X' });
    const b2 = drawTargets(register, { ...spec1, label: 'batch-2' }, { seed: SEED, history });
    const first = new Set(b1.selected.map((s) => s.id));
    expect(b2.selected).toHaveLength(20);
    expect(b2.selected.some((s) => first.has(s.id))).toBe(false);
    expect(b2.record.exclusion.excluded).toBe(20);
    expect(verifyDraw(b2.record, register, { history }).ok).toBe(true);
    expect(verifyDraw(b2.record, register, { history: history.slice(1) })).toMatchObject({ ok: false, code: 'HISTORY_CHANGED' });
  });

  it('only-some-classes exclusion leaves the other classes drawable', () => {
    const history: PastInspection[] = register.map((e) => ({ entityId: e.id, date: '2025-06-01', department: '甲局', item: 'X' }));
    const { selected } = drawTargets(register, { label: 'gd', size: { ratio: 1 }, exclusion: { year: 2025, riskClasses: ['A'] } }, { seed: SEED, history });
    expect(selected.length).toBeGreaterThan(0);
    expect(selected.every((s) => s.entity.riskClass !== 'A')).toBe(true);
    const lastYear = drawTargets(register, { label: 'gd', size: { ratio: 1 }, exclusion: { year: 2024 } }, { seed: SEED, history });
    expect(lastYear.record.exclusion.excluded).toBe(0);
  });
});

describe('verification detects tampering', () => {
  const fields: [keyof Entity, unknown][] = [
    ['id', 'CHANGED'], ['kind', 'other'], ['status', 'revoked'], ['riskClass', 'D'], ['industry', 'Z9999'], ['scale', '巨型'],
    ['regionCode', '999999'], ['registrationAuthority', '某登记机关'], ['supervisingUnit', '某所'], ['lists', ['serious-violations']],
    ['tags', ['新标签']], ['complaintCount', 77],
  ];
  it('changing any single covered field of any single row makes verification fail', () => {
    fc.assert(fc.property(specArb, fc.integer({ min: 0, max: 119 }), fc.constantFrom(...fields), (spec, index, [field, value]) => {
      const { record } = drawTargets(register, spec, { seed: SEED });
      const original = register[index]!;
      fc.pre(JSON.stringify((original as unknown as Record<string, unknown>)[field]) !== JSON.stringify(value));
      const changed = register.map((e, i) => (i === index ? ({ ...e, [field]: value } as Entity) : e));
      const result = verifyDraw(record, changed);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(['REGISTER_CHANGED', 'RECOMPUTE_FAILED']).toContain(result.code);
    }), { numRuns: 60 });
  });

  it('names a selected entity that was removed or changed', () => {
    const { record } = drawTargets(register, { label: 'u', size: { count: 9 } }, { seed: SEED });
    const victim = record.selected[2]!.id;
    const removed = verifyDraw(record, register.filter((e) => e.id !== victim));
    expect(removed).toMatchObject({ ok: false, code: 'REGISTER_CHANGED', details: { removed: [victim] } });
    if (!removed.ok) expect(removed.messageZh).toContain(victim);
    const changed = verifyDraw(record, register.map((e) => (e.id === victim ? { ...e, complaintCount: e.complaintCount + 1 } : e)));
    expect(changed).toMatchObject({ ok: false, code: 'REGISTER_CHANGED', details: { changed: [victim] } });
  });

  it('a different seed, label or spec makes verification fail', () => {
    fc.assert(fc.property(specArb, dice, (spec, d) => {
      const { record } = drawTargets(register, spec, { seed: SEED });
      const other = seedFromDice(d);
      fc.pre(other.seed !== SEED.seed);
      const swapped = verifyDraw({ ...record, seed: other.seed, seedOrigin: other.origin }, register);
      expect(swapped).toMatchObject({ ok: false, code: 'SELECTION_DIFFERS', position: 0 });
      expect(verifyDraw({ ...record, seed: other.seed }, register)).toMatchObject({ ok: false, code: 'SEED_ORIGIN_MISMATCH' });
      const relabelled = { ...record, label: record.label + '-x', spec: { ...record.spec, label: record.label + '-x' } };
      expect(verifyDraw(relabelled, register).ok).toBe(false);
    }), { numRuns: 15 });
    const { record } = drawTargets(register, { label: 'u', size: { count: 9 } }, { seed: SEED });
    expect(verifyDraw({ ...record, spec: { ...record.spec, size: { count: 10 } } }, register)).toMatchObject({ ok: false, code: 'STRATA_DIFFER' });
    const narrowed = { ...record, spec: { ...record.spec, population: { ...record.spec.population, filter: [{ field: 'kind' as const, op: 'notIn' as const, values: [record.selected[0]!.id === '' ? 'x' : (register.find((e) => e.id === record.selected[0]!.id)!.kind)] }] } } };
    expect(verifyDraw(narrowed, register).ok).toBe(false);
    const tamperedTicket = { ...record, selected: record.selected.map((s, i) => (i === 4 ? { ...s, ticket: '0'.repeat(64) } : s)) };
    expect(verifyDraw(tamperedTicket, register)).toMatchObject({ ok: false, code: 'SELECTION_DIFFERS', position: 4 });
  });
});

describe('inputs: arrays, iterables, async streams', () => {
  it('a one-pass count draw streams from a generator with the same result', () => {
    const spec: DrawSpec = { label: 'gen', size: { count: 7 } };
    const expected = drawTargets(register, spec, { seed: SEED }).record;
    function* rows(): Generator<Entity> { yield* register; }
    expect(drawTargets(rows(), spec, { seed: SEED }).record).toEqual(expected);
  });

  it('two-pass draws refuse a one-shot generator but accept a factory', () => {
    const spec: DrawSpec = { label: 'gen2', size: { ratio: 0.1 } };
    function* rows(): Generator<Entity> { yield* register; }
    expect(() => drawTargets(rows(), spec, { seed: SEED })).toThrow(expect.objectContaining({ code: 'REGISTER_NOT_REITERABLE' }));
    expect(drawTargets(() => rows(), spec, { seed: SEED }).record).toEqual(drawTargets(register, spec, { seed: SEED }).record);
  });

  it('the async variant gives the same record and verifies streams', async () => {
    for (const spec of specs) {
      async function* rows(): AsyncGenerator<Entity> { for (const e of register) yield e; }
      const expected = drawTargets(register, spec, { seed: SEED }).record;
      const got = await drawTargetsAsync(() => rows(), spec, { seed: SEED });
      expect(got.record).toEqual(expected);
      expect(await verifyDrawAsync(expected, () => rows())).toMatchObject({ ok: true });
      expect((await verifyDrawAsync(expected, () => (async function* () { for (const e of register.slice(1)) yield e; })())).ok).toBe(false);
    }
  });

  it('registerDigest equals the record digest, ignores order and uncovered fields, and sees covered ones', () => {
    const { record } = drawTargets(register, specs[0]!, { seed: SEED });
    expect(registerDigest(register)).toEqual({ digest: record.register.digest, size: 120 });
    expect(registerDigest(shuffled(register, 9)).digest).toBe(record.register.digest);
    expect(registerDigest(register.map((e) => ({ ...e, name: '改名', address: '某地' }))).digest).toBe(record.register.digest);
    expect(registerDigest(register.map((e) => ({ ...e, tags: [...e.tags].reverse() }))).digest).toBe(record.register.digest);
    expect(registerDigest(register.slice(1)).digest).not.toBe(record.register.digest);
    expect(() => registerDigest([...register, register[0]!])).toThrow(expect.objectContaining({ code: 'DUPLICATE_ID' }));
    expect(registerDigest([entity('a', { industry: 'x' })]).digest).not.toBe(registerDigest([entity('a', { scale: 'x' })]).digest);
  });
});
