/**
 * Issue 11, classes 1–3: one digest stands for one register, no duplicate id passes, nothing security-relevant
 * is silently ignored. Each class has a property test that would have found the examples of the issue (kept
 * below as regression tests).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkSeedCommitment, commitSeed, countPopulation, drawTargets, drawTargetsAsync, registerDigest, seedFromDice, verifyDraw,
  verifyDrawAsync, type DrawRecord, type DrawSpec,
} from '../../src/draw/index.js';
import { DuplicateGuard } from '../../src/draw/internals/duplicate-guard.js';
import { isShuangsuijiError } from '../../src/errors.js';
import type { Entity } from '../../src/models/entity.js';
import { entity, makeRegister } from './fixtures.js';

const seed = seedFromDice('31415926535897932384');
const seed2 = seedFromDice('27182818284590452353');

/** The outcome of a call: its value, or the code it was refused with (anything but a ShuangsuijiError fails). */
function outcome<T>(f: () => T): { ok: true; value: T } | { ok: false; code: string } {
  try {
    return { ok: true, value: f() };
  } catch (error) {
    if (!isShuangsuijiError(error)) throw error;
    return { ok: false, code: error.code };
  }
}

const FIELDS = ['id', 'kind', 'status', 'riskClass', 'industry', 'scale', 'regionCode', 'registrationAuthority', 'supervisingUnit', 'lists', 'tags', 'complaintCount', 'riskclass'] as const;
const tricky = fc.constantFrom<unknown>(
  '\uFFFD', '\uD800', '\uDC00', 'a\uD800b', '', ' ', 'x ', ' x', 'Cafe\u0301', 'Caf\u00e9', '食品', '食品 ', 7, 0, -1, 1.5, 2 ** 32, null, undefined,
  ['食品'], [1], [true], [null], ['\uD800'], ['\uFFFD'], ['食品', '食品'], 'A', 'a', 'D', 'active', '存续', 'abnormal-operations', ['abnormal-operations'],
  ['经营异常名录'], 'enterprise', 'x'.repeat(70000), '410102', [], {}, '\u0000', 'line\nbreak',
);
const value = fc.oneof(tricky, fc.anything(), fc.string({ unit: 'binary', maxLength: 6 }), fc.array(fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 3 }));

/** Specs that read `field` with the values involved, so that any difference the digest misses would show. */
function specsReading(field: string, values: readonly unknown[]): DrawSpec[] {
  const strings = values.filter((v): v is string => typeof v === 'string');
  const lists = values.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v): v is string => typeof v === 'string');
  const out: unknown[] = [
    { label: 'all', size: { count: 3 }, population: { statuses: ['active', 'deregistered', 'revoked', 'cancelled', 'moved-out'] } },
    { label: 'strata', size: { count: 4 }, stratification: { field, allocation: 'largest-remainder' } },
    { label: 'weights', size: { count: 2 }, weights: { byRiskClass: { A: 1, D: 9 }, byList: { 'abnormal-operations': 3 }, complaints: { perComplaint: 1, cap: 5 } } },
  ];
  if (strings.length > 0) {
    out.push({ label: 'in', size: { count: 3 }, population: { filter: [{ field, op: 'in', values: strings }] } });
    out.push({ label: 'notIn', size: { count: 3 }, population: { filter: [{ field, op: 'notIn', values: strings }] } });
    out.push({ label: 'starts', size: { count: 3 }, population: { filter: [{ field, op: 'startsWith', value: strings[0] }] } });
  }
  if (lists.length > 0) out.push({ label: 'has', size: { count: 3 }, population: { filter: [{ field, op: 'hasAny', values: lists }] } });
  out.push({ label: 'gte', size: { count: 3 }, population: { filter: [{ field: 'complaintCount', op: 'gte', value: 1 }] } });
  return out as DrawSpec[];
}

describe('class 1 — the register digest is injective over everything a draw reads', () => {
  it('two registers with the same digest draw the same for every spec and seed, or are refused (property)', () => {
    const base = makeRegister(8, 'P', 5);
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), value, value, fc.integer({ min: 0, max: 7 }), (field, v1, v2, row) => {
        const with_ = (v: unknown): Entity[] => base.map((e, i) => (i === row ? ({ ...e, [field]: v } as Entity) : e));
        const a = with_(v1), b = with_(v2);
        const da = outcome(() => registerDigest(a)), db = outcome(() => registerDigest(b));
        // What the digest refuses, the draw refuses with the same code, and what it accepts, the draw accepts.
        for (const [register, d] of [[a, da], [b, db]] as const) {
          const drawn = outcome(() => drawTargets(register, { label: 'plain', size: { count: 2 } }, { seed }));
          expect(drawn.ok).toBe(d.ok);
          if (!d.ok && !drawn.ok) expect(drawn.code).toBe(d.code);
        }
        if (!da.ok || !db.ok || da.value.digest !== db.value.digest) return;
        for (const spec of specsReading(field, [v1, v2])) {
          for (const s of [seed, seed2]) {
            const ra = outcome(() => drawTargets(a, spec, { seed: s })), rb = outcome(() => drawTargets(b, spec, { seed: s }));
            expect(ra.ok).toBe(rb.ok);
            if (ra.ok && rb.ok) expect(rb.value.record).toEqual(ra.value.record);
            else expect(ra).toEqual(rb);
          }
        }
      }),
      { numRuns: 400, seed: 20261205 },
    );
  });

  it('the examples of the issue are refused before anything is hashed, with the path of the field', () => {
    const cases: [Partial<Record<string, unknown>>, string, (string | number)[]][] = [
      [{ industry: '\uD800' }, 'INVALID_ENTITY', [0, 'industry']],
      [{ kind: 7 }, 'INVALID_ENTITY', [0, 'kind']],
      [{ lists: [1] }, 'INVALID_ENTITY', [0, 'lists', 0]],
      [{ tags: [true] }, 'INVALID_ENTITY', [0, 'tags', 0]],
      [{ industry: 5 }, 'INVALID_ENTITY', [0, 'industry']],
      [{ status: null }, 'INVALID_ENTITY', [0, 'status']],
      [{ riskClass: null }, 'INVALID_ENTITY', [0, 'riskClass']],
      [{ industry: ['食品'] }, 'INVALID_ENTITY', [0, 'industry']],
      [{ tags: [null] }, 'INVALID_ENTITY', [0, 'tags', 0]],
      [{ riskclass: 'D' }, 'INVALID_ENTITY', [0, 'riskclass']],
      [{ scale: 'x'.repeat(70000) }, 'INVALID_ENTITY', [0, 'scale']],
      [{ id: 'a\nb' }, 'INVALID_ID', [0, 'id']],
      [{ id: ' a' }, 'INVALID_ID', [0, 'id']],
      [{ id: 'a\u3000' }, 'INVALID_ID', [0, 'id']],
    ];
    for (const [extra, code, path] of cases) {
      const register = [{ ...entity('E1'), ...extra } as Entity, entity('E2')];
      for (const call of [() => registerDigest(register), () => drawTargets(register, { label: 'x', size: { count: 1 } }, { seed }), () => countPopulation(register)]) {
        expect(call).toThrow(expect.objectContaining({ code, path }));
      }
    }
    // U+FFFD and a lone surrogate no longer share an encoding: one is text, the other is refused.
    expect(registerDigest([entity('E1', { industry: '\uFFFD' })]).size).toBe(1);
  });

  it('a getter cannot show the digest one value and the filter another: each field is read once', () => {
    let reads = 0;
    const sly = { ...entity('E1') } as Record<string, unknown>;
    Object.defineProperty(sly, 'industry', { enumerable: true, get: () => (reads++ === 0 ? 'A' : 'B') });
    const { record } = drawTargets([sly as Entity, entity('E2')], { label: 'g', size: { count: 2 }, population: { filter: [{ field: 'industry', op: 'in', values: ['B'] }] } }, { seed });
    expect(reads).toBe(1);
    expect(record.register.eligible).toBe(0); // read as 'A', hashed as 'A'
  });
});

describe('class 2 — no duplicate id, ever', () => {
  const register = makeRegister(300, 'D', 2);
  const sources = (rows: readonly Entity[]): [string, () => unknown][] => [
    ['array', () => rows],
    ['set', () => new Set(rows)],
    ['factory', () => () => rows[Symbol.iterator]()],
  ];

  it('every draw, digest, count and verification refuses a duplicate, drawn or not, for arrays and streams (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 299 }), fc.integer({ min: 0, max: 300 }), fc.boolean(), fc.constantFrom<DrawSpec>(
        { label: 'one', size: { count: 1 } }, { label: 'many', size: { count: 250 } }, { label: 'ratio', size: { ratio: 0.1 } },
        { label: 'strata', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { D: { count: 1 } } } },
      ), async (victim, at, relabel, spec) => {
        const copy = { ...register[victim]!, ...(relabel ? { riskClass: 'D' as const, status: 'active' as const } : {}) };
        const rows = [...register.slice(0, at), copy, ...register.slice(at)];
        for (const [, source] of sources(rows)) {
          expect(() => drawTargets(source() as never, spec, { seed })).toThrow(expect.objectContaining({ code: 'DUPLICATE_ID' }));
          await expect(drawTargetsAsync(source() as never, spec, { seed })).rejects.toMatchObject({ code: 'DUPLICATE_ID' });
        }
        expect(() => registerDigest(rows)).toThrow(expect.objectContaining({ code: 'DUPLICATE_ID' }));
        expect(() => countPopulation(rows)).toThrow(expect.objectContaining({ code: 'DUPLICATE_ID' }));
        // A one-shot stream cannot be read again: the suspected duplicate is refused all the same.
        function* once(): Generator<Entity> { yield* rows; }
        expect(() => drawTargets(once(), { label: 'o', size: { count: 1 } }, { seed })).toThrow(expect.objectContaining({ code: 'ID_FINGERPRINT_COLLISION' }));
        const { record } = drawTargets(register, spec, { seed });
        expect(verifyDraw(record, rows)).toMatchObject({ ok: false, code: 'RECOMPUTE_FAILED', details: { error: 'DUPLICATE_ID' } });
        expect(await verifyDrawAsync(record, () => rows)).toMatchObject({ ok: false, code: 'RECOMPUTE_FAILED', details: { error: 'DUPLICATE_ID' } });
      }),
      { numRuns: 25, seed: 11 },
    );
  });

  it('a source that reads differently the second time cannot dodge the confirmation of a duplicate', () => {
    const base = makeRegister(50, 'C', 9);
    let reads = 0;
    // First read: a duplicate; second read: the copy replaced by a fresh id (same row count).
    const source = (): Iterable<Entity> => (reads++ === 0 ? [...base, { ...base[7]! }] : [...base, entity('fresh-id')]);
    expect(() => drawTargets(source, { label: 'flip', size: { ratio: 0.2 } }, { seed })).toThrow(expect.objectContaining({ code: 'REGISTER_CHANGED_DURING_DRAW' }));
    reads = 0;
    expect(() => drawTargets(source, { label: 'flip1', size: { count: 3 } }, { seed })).toThrow(expect.objectContaining({ code: 'REGISTER_CHANGED_DURING_DRAW' }));
  });

  it('forty NFD-spelled copies relabelled D cannot inflate a stratum, and the same array no longer verifies', () => {
    const rows: Entity[] = [];
    for (let i = 0; i < 60; i++) rows.push(entity(`Café-${i}`, { riskClass: i < 5 ? 'D' : 'A' }));
    const spec: DrawSpec = { label: 'D-stratum', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { A: { ratio: 0.1 }, D: { ratio: 0.1 } } } };
    const { record } = drawTargets(rows, spec, { seed });
    const losers = rows.filter((e) => !record.selected.some((s) => s.id === e.id)).slice(0, 40);
    const padded = [...rows, ...losers.map((e) => ({ ...e, id: e.id.normalize('NFD'), riskClass: 'D' as const }))];
    expect(() => drawTargets(padded, spec, { seed })).toThrow(expect.objectContaining({ code: 'DUPLICATE_ID' }));
    expect(verifyDraw(record, padded).ok).toBe(false);
  });

  it('the guard finds every real duplicate and accepts fingerprint collisions after confirming (few-bit fingerprints)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 200 }), fc.integer({ min: 1, max: 40 }), (ids, chunk) => {
        const guard = new DuplicateGuard(0x3, chunk); // 4 bits in all: collisions everywhere
        ids.forEach((id) => guard.add(id));
        const unique = new Set(ids).size === ids.length;
        if (!guard.close()) { expect(unique).toBe(true); return; }
        const confirmed = outcome(() => ids.forEach((id, row) => guard.confirm(id, row)));
        expect(confirmed.ok).toBe(unique);
        if (!confirmed.ok) expect(confirmed.code).toBe('DUPLICATE_ID');
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});

describe('class 3 — nothing security-relevant is silently ignored', () => {
  const register = makeRegister(40, 'S', 3);
  it('commitments: a bare salt string, a non-string salt and unknown keys are refused, never read as no salt', () => {
    const s = seed.seed;
    expect(() => commitSeed(s, 'my-salt' as never)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => commitSeed(s, { salt: 5 } as never)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', path: ['options', 'salt'] }));
    expect(() => commitSeed(s, { salt: 'x', slat: 'y' } as never)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', path: ['options', 'slat'] }));
    expect(() => commitSeed(s, null as never)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => checkSeedCommitment(s, commitSeed(s), 'x' as never)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(commitSeed(s, { salt: 'x' })).not.toBe(commitSeed(s));
  });

  it('draw options and commitments refuse unknown keys (a misspelt commitment is never unchecked)', () => {
    const spec: DrawSpec = { label: 'o', size: { count: 2 } };
    const hash = commitSeed(seed.seed, { salt: 's' });
    const bad: [unknown, string, (string | number)[]][] = [
      [{ seed, commitmnet: { hash, salt: 's' } }, 'INVALID_OPTION', ['options', 'commitmnet']],
      [{ seed, commitment: { hash, salt: 's', extra: 1 } }, 'INVALID_COMMITMENT', ['commitment', 'extra']],
      [{ seed, commitment: { hash, salt: null } }, 'INVALID_COMMITMENT', ['commitment', 'salt']],
      [{ seed, history: 'none' }, 'INVALID_OPTION', ['options', 'history']],
      [{ seed: { seed: seed.seed } }, 'INVALID_SEED', ['seed']],
      [{ seed: seed.seed.toUpperCase() }, 'INVALID_SEED', ['seed']],
      [null, 'INVALID_OPTION', ['options']],
    ];
    for (const [options, code, path] of bad) expect(() => drawTargets(register, spec, options as never)).toThrow(expect.objectContaining({ code, path }));
  });

  it('null never means "the default", values of fixed vocabularies are checked, per-stratum sizes take no total', () => {
    const bad: [unknown, string, (string | number)[]][] = [
      [{ label: 'n', size: { ratio: 0.1, rounding: null } }, 'INVALID_SPEC', ['size', 'rounding']],
      [{ label: 'n', size: { count: 1 }, shortfall: null }, 'INVALID_SPEC', ['shortfall']],
      [{ label: 'n', size: { count: 1 }, population: null }, 'INVALID_SPEC', ['population']],
      [{ label: 'n', size: { count: 1 }, population: { filter: null } }, 'INVALID_SPEC', ['population', 'filter']],
      [{ label: 'n', size: { count: 1 }, weights: { default: null } }, 'INVALID_SPEC', ['weights', 'default']],
      [{ label: 'n', size: { count: 1 }, weights: { byRiskClass: null } }, 'INVALID_SPEC', ['weights', 'byRiskClass']],
      [{ label: 'n', size: { count: 1 }, population: { filter: [{ field: 'riskClass', op: 'in', values: ['a'] }] } }, 'INVALID_FILTER', ['population', 'filter', 0, 'values', 0]],
      [{ label: 'n', size: { count: 1 }, population: { filter: [{ field: 'status', op: 'in', values: ['存续'] }] } }, 'INVALID_FILTER', ['population', 'filter', 0, 'values', 0]],
      [{ label: 'n', size: { count: 1 }, population: { filter: [{ field: 'lists', op: 'hasAny', values: ['经营异常名录'] }] } }, 'INVALID_FILTER', ['population', 'filter', 0, 'values', 0]],
      [{ label: 'n', size: { count: 5 }, stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { A: { count: 1 } } } }, 'INVALID_SPEC', ['size']],
      [{ label: 'n', size: { count: 1n } }, 'INVALID_SPEC', ['size', 'count']],
      [{ label: 'n', size: { ratio: 1n } }, 'INVALID_SPEC', ['size', 'ratio']],
    ];
    for (const [spec, code, path] of bad) expect(() => drawTargets(register, spec as never, { seed })).toThrow(expect.objectContaining({ code, path }));
  });

  it('per-stratum sizes are listed in code-point order, integer-like names included', () => {
    const rows = ['9', '10', '', 'x'].flatMap((region, r) => [0, 1].map((i) => entity(`R${r}-${i}`, region === '' ? {} : { scale: region })));
    const spec: DrawSpec = { label: 'cp', stratification: { field: 'scale', allocation: 'per-stratum', sizes: { '9': { count: 1 }, '10': { count: 1 }, '': { count: 1 }, x: { count: 1 } } } };
    const { record } = drawTargets(rows, spec, { seed });
    const strat = record.spec.stratification as { sizes: readonly { stratum: string }[] };
    expect(strat.sizes.map((s) => s.stratum)).toEqual(['', '10', '9', 'x']);
    expect(JSON.parse(JSON.stringify(record)).spec.stratification.sizes.map((s: { stratum: string }) => s.stratum)).toEqual(['', '10', '9', 'x']);
    expect(record.strata.map((s) => s.stratum)).toEqual(['', '10', '9', 'x']);
    expect(verifyDraw(JSON.parse(JSON.stringify(record)), rows).ok).toBe(true);
  });

  it('a record binds every field it shows: a changed record verifies only if it is exactly what a fresh draw from its own inputs writes (property)', () => {
    const history = [{ entityId: register[0]!.id, date: '2025-03-01', department: '市场监管局', item: 'FOOD' }];
    const hash = commitSeed(seed.seed, { salt: 'pepper' });
    const records = [
      drawTargets(register, { label: 'bind', size: { ratio: '25%' }, exclusion: { year: 2025 } }, { seed, history, commitment: { hash, salt: 'pepper' } }).record,
      drawTargets(register, { label: 'bind2', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { D: { count: 2 } }, otherStrata: { ratio: 0.1 } }, weights: { byRiskClass: { D: 4 } } }, { seed: seed.seed }).record,
    ];
    const paths = (v: unknown, at: (string | number)[] = []): (string | number)[][] => {
      if (typeof v !== 'object' || v === null) return [at];
      const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
      return [at, ...keys.flatMap((k) => paths((v as Record<string | number, unknown>)[k], [...at, k]))];
    };
    fc.assert(
      fc.property(fc.constantFrom(0, 1), fc.nat(), fc.oneof(fc.constant<'delete'>('delete'), fc.anything()), (which, pick, replacement) => {
        const record = records[which]!;
        const all = paths(record).filter((p) => p.length > 0);
        const path = all[pick % all.length]!;
        const copy = JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
        let parent: Record<string | number, unknown> = copy;
        for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
        const last = path[path.length - 1]!;
        if (replacement === 'delete') {
          if (Array.isArray(parent)) parent.splice(last as number, 1); else delete parent[last];
        } else parent[last] = replacement;
        const given = which === 0 ? history : [];
        const result = verifyDraw(copy as unknown as DrawRecord, register, { history: given });
        if (!result.ok) return;
        // Verified: then every field is what the draw itself writes for the record's own spec and seed material
        // (a changed spec that happens to select the same is a different, genuine record — never a doctored one).
        const c = copy as unknown as DrawRecord;
        const fresh = drawTargets(register, c.spec, {
          seed: c.seedOrigin === null ? c.seed : { seed: c.seed, origin: c.seedOrigin }, history: given,
          ...(c.seedCommitment === null ? {} : { commitment: c.seedCommitment }),
        }).record;
        expect(JSON.parse(JSON.stringify(c))).toEqual(JSON.parse(JSON.stringify(fresh)));
      }),
      { numRuns: 500, seed: 3 },
    );
    expect(verifyDraw(records[0]!, register, { history })).toEqual({ ok: true, provenance: { seedOrigin: 'dice', commitment: 'checked' } });
    expect(verifyDraw(records[1]!, register)).toEqual({ ok: true, provenance: { seedOrigin: 'none', commitment: 'none' } });
  });

  it('the examples of the issue: deleted provenance, a changed history size, verification options', () => {
    const { record } = drawTargets(register, { label: 'prov', size: { count: 3 } }, { seed, commitment: { hash: commitSeed(seed.seed), salt: '' } });
    const { seedOrigin: _o, ...noOrigin } = record;
    const { seedCommitment: _c, ...noCommitment } = record;
    expect(verifyDraw(noOrigin as never, register)).toMatchObject({ ok: false, code: 'RECORD_MALFORMED' });
    expect(verifyDraw(noCommitment as never, register)).toMatchObject({ ok: false, code: 'RECORD_MALFORMED' });
    expect(verifyDraw({ ...record, exclusion: { ...record.exclusion, historySize: 9 } }, register)).toMatchObject({ ok: false, code: 'HISTORY_CHANGED' });
    expect(() => verifyDraw(record, register, { histroy: [] } as never)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});
