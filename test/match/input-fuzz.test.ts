/**
 * Issue 12 §2: raw values are checked, not guessed. Regression tests for each example of the issue, then
 * fast-check over arbitrary values in every field of every input (options, targets, inspectors, facts, a
 * re-draw's recusal and result, a record handed to verifyMatch): the library either accepts the input or throws a
 * ShuangsuijiError with a code and a path into the argument that was changed — never a TypeError or a RangeError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isShuangsuijiError } from '../../src/errors.js';
import { seedFromDice } from '../../src/draw/seed-from-dice.js';
import { matchInspectors, redrawForRecusal, verifyMatch, type MatchOptions, type MatchResult, type MatchTarget } from '../../src/match/index.js';
import type { Inspector } from '../../src/models/inspector.js';
import { inspector, thrown } from './fixtures.js';

const base: MatchOptions = { seed: '31415926535897932384', label: '2025-批次1', date: '2025-07-01', department: '市场监管局' };
const pool = ['I1', 'I2', 'I3', 'I4'].map((id) => inspector(id));

describe('the examples of issue 12 §2', () => {
  it("refuses an expertise given as the string '非食品类' (it was searched as a substring and satisfied ['食品'])", () => {
    const withString = [inspector('F1', { expertise: '非食品类' as never }), inspector('F2', { expertise: ['食品'] }), inspector('F3')];
    const e = thrown(() => matchInspectors([{ id: 'T' }], withString, { ...base, requiredExpertise: ['食品'] }));
    expect([e.code, e.path]).toEqual(['INVALID_MATCH_INPUT', ['inspectors', 0, 'expertise']]);
    expect(e.messageEn).toContain('F1');
  });

  it("refuses a target's requiredExpertise given as the string '食品' (it was read character by character)", () => {
    const e = thrown(() => matchInspectors([{ id: 'T', requiredExpertise: '食品' as never }], pool, base));
    expect([e.code, e.path]).toEqual(['INVALID_MATCH_INPUT', ['targets', 0, 'requiredExpertise']]);
  });

  it("refuses the status '在岗' (it made the inspector silently ineligible) and names the vocabulary", () => {
    const e = thrown(() => matchInspectors([{ id: 'T' }], [inspector('I1', { status: '在岗' as never }), ...pool.slice(1)], base));
    expect([e.code, e.path]).toEqual(['INVALID_MATCH_INPUT', ['inspectors', 0, 'status']]);
    expect(e.messageEn).toContain('active or suspended');
  });

  it("refuses a re-draw ground '因为我想换人'; the vocabulary is the declared grounds and 'request', free text goes into note", () => {
    const r = matchInspectors([{ id: 'T' }], pool, base);
    const member = r.assignments[0]!.members[0]!.inspectorId;
    const e = thrown(() => redrawForRecusal(r, [{ id: 'T' }], pool, { targetId: 'T', inspectorId: member, ground: '因为我想换人' as never }, base));
    expect([e.code, e.path]).toEqual(['INVALID_MATCH_INPUT', ['recusal', 'ground']]);
    const after = redrawForRecusal(r, [{ id: 'T' }], pool, { targetId: 'T', inspectorId: member, ground: 'other', note: '因为我想换人' }, base);
    expect(after.record.redraws[0]).toMatchObject({ ground: 'other', note: '因为我想换人' });
    expect(Object.keys(after.record.redraws[0]!)).toEqual(['targetId', 'inspectorId', 'ground', 'note', 'inspectorIds', 'ranks']);
    expect(verifyMatch(after.record, [{ id: 'T' }], pool)).toMatchObject({ ok: true });
    // A note never changes the re-draw; a record with a note of the wrong type is malformed.
    const plain = redrawForRecusal(r, [{ id: 'T' }], pool, { targetId: 'T', inspectorId: member, ground: 'other' }, base);
    expect(plain.assignments).toEqual(after.assignments);
    expect(Object.keys(plain.record.redraws[0]!)).not.toContain('note');
    const badNote = { ...after.record, redraws: [{ ...after.record.redraws[0]!, note: 7 as unknown as string }] };
    expect(verifyMatch(badNote, [{ id: 'T' }], pool)).toMatchObject({ ok: false, code: 'RECORD_MALFORMED', path: ['redraws', 0, 'note'] });
    for (const note of ['', 'a\u0000b', 'x\ud800', 'y'.repeat(2001), 3]) {
      const n = thrown(() => redrawForRecusal(r, [{ id: 'T' }], pool, { targetId: 'T', inspectorId: member, ground: 'other', note: note as string }, base));
      expect([n.code, n.path]).toEqual(['INVALID_MATCH_INPUT', ['recusal', 'note']]);
    }
    expect(thrown(() => redrawForRecusal(r, [{ id: 'T' }], pool, { targetId: 'T', inspectorId: member, ground: 'other', why: 'x' } as never, base)).path).toEqual(['recusal', 'why']);
  });

  it('refuses labels the draw refuses (control character, lone surrogate, empty, > 1024 code units) and writes the label in NFC', () => {
    for (const label of ['a\u0007b', 'a\ud800', '\udc00', '', 'x'.repeat(1025), 7]) {
      const e = thrown(() => matchInspectors([{ id: 'T' }], pool, { ...base, label: label as string }));
      expect([e.code, e.path]).toEqual(['INVALID_LABEL', ['label']]);
    }
    const nfd = matchInspectors([{ id: 'T' }], pool, { ...base, label: 'Cafe\u0301' });
    const nfc = matchInspectors([{ id: 'T' }], pool, { ...base, label: 'Caf\u00e9' });
    expect(nfd).toEqual(nfc);
    expect(nfd.record.label).toBe('Caf\u00e9');
    // A recorded label not in NFC is not one a match writes.
    expect(verifyMatch({ ...nfc.record, label: 'Cafe\u0301' }, [{ id: 'T' }], pool)).toMatchObject({ ok: false, code: 'RECORD_MALFORMED', path: ['label'] });
  });

  it('refuses a 19-digit seed, upper-case hex and free text, as the draw does; accepts ≥ 20 dice digits, 64 lower-case hex and a DrawSeed', () => {
    const cases: [unknown, string][] = [
      ['3141592653589793238', 'SEED_TOO_WEAK'],
      ['AB'.repeat(32), 'INVALID_SEED'],
      ['Ab'.repeat(32), 'INVALID_SEED'],
      ['seed-1', 'INVALID_SEED'],
      ['', 'INVALID_SEED'],
      [31415926535897932384, 'INVALID_SEED'],
      [null, 'INVALID_SEED'],
      [{ seed: 'ab'.repeat(32) }, 'INVALID_SEED'],
      [{ ...seedFromDice('31415926535897932384'), seed: 'ab'.repeat(32) }, 'SEED_ORIGIN_MISMATCH'],
    ];
    for (const [seed, code] of cases) {
      const e = thrown(() => matchInspectors([{ id: 'T' }], pool, { ...base, seed: seed as string }));
      expect([e.code, e.path]).toEqual([code, ['seed']]);
    }
    expect(matchInspectors([{ id: 'T' }], pool, { ...base, seed: '31415926535897932384' }).record.seed).toBe('31415926535897932384');
    expect(matchInspectors([{ id: 'T' }], pool, { ...base, seed: 'ab'.repeat(32) }).record.seed).toBe('ab'.repeat(32));
    const dice = seedFromDice('31415926535897932384');
    expect(matchInspectors([{ id: 'T' }], pool, { ...base, seed: dice }).record.seed).toBe(dice.seed);
    // A record whose seed a match would refuse is malformed.
    const r = matchInspectors([{ id: 'T' }], pool, base);
    expect(verifyMatch({ ...r.record, seed: '1234' }, [{ id: 'T' }], pool)).toMatchObject({ ok: false, code: 'RECORD_MALFORMED', path: ['seed'] });
  });

  it('declared conflict grounds stay strictly checked, and so does every other field', () => {
    const cases: [Partial<MatchOptions>, string, (string | number)[]][] = [
      [{ crossUnit: 'yes' as never }, 'INVALID_MATCH_OPTIONS', ['crossUnit']],
      [{ departmentMinimums: [['市场监管局', 2]] as never }, 'INVALID_MATCH_OPTIONS', ['departmentMinimums']],
      [{ departmentMinimums: { 卫健委: 1 } }, 'INVALID_MATCH_OPTIONS', ['departmentMinimums', '卫健委']],
      [{ teamSize: 1001 }, 'INVALID_MATCH_OPTIONS', ['teamSize']],
      [{ cooperatingDepartments: 'W' as never }, 'INVALID_MATCH_OPTIONS', ['cooperatingDepartments']],
      [{ history: [{ inspectorId: 'I1', entityId: 'T', date: '2025-02-29' }] }, 'INVALID_DATE', ['history', 0, 'date']],
      [{ relatives: [{ inspectorId: 'I1', name: 3 as never }] }, 'INVALID_MATCH_INPUT', ['relatives', 0, 'name']],
    ];
    for (const [o, code, path] of cases) {
      const e = thrown(() => matchInspectors([{ id: 'T' }], pool, { ...base, ...o }));
      expect([e.code, e.path]).toEqual([code, path]);
    }
  });

  it('refuses unknown keys in target, inspector and certificate rows, but takes a drawn entity as it is', () => {
    expect(thrown(() => matchInspectors([{ id: 'T', supervisingunit: '甲所' } as MatchTarget], pool, base)).path).toEqual(['targets', 0, 'supervisingunit']);
    expect(thrown(() => matchInspectors([{ id: 'T' }], [{ ...pool[0]!, unti: '甲所' } as Inspector, ...pool.slice(1)], base)).path).toEqual(['inspectors', 0, 'unti']);
    const badCert = { ...pool[0]!, certificate: { number: 'x', validTill: '2026-01-01' } } as unknown as Inspector;
    expect(thrown(() => matchInspectors([{ id: 'T' }], [badCert, ...pool.slice(1)], base)).path).toEqual(['inspectors', 0, 'certificate', 'validTill']);
    const entity = { id: 'T', creditCode: '91350100M000100Y43', name: '示例', kind: 'enterprise', status: 'active', lists: [], tags: [], complaintCount: 0, supervisingUnit: '甲所' };
    expect(matchInspectors([entity], pool, base).complete).toBe(true);
  });

  it('refuses an inspector missing a required field instead of defaulting it, and a certificate that ends before it starts', () => {
    const { status: _s, ...noStatus } = pool[0]!;
    expect(thrown(() => matchInspectors([{ id: 'T' }], [noStatus as Inspector, ...pool.slice(1)], base)).path).toEqual(['inspectors', 0, 'status']);
    const { expertise: _e, ...noExpertise } = pool[0]!;
    expect(thrown(() => matchInspectors([{ id: 'T' }], [noExpertise as Inspector, ...pool.slice(1)], base)).path).toEqual(['inspectors', 0, 'expertise']);
    const backwards = inspector('I1', { certificate: { number: 'x', validFrom: '2026-01-01', validTo: '2025-01-01' } });
    expect(thrown(() => matchInspectors([{ id: 'T' }], [backwards, ...pool.slice(1)], base)).path).toEqual(['inspectors', 0, 'certificate', 'validTo']);
  });

  it('leaves every target unstaffable (TOO_FEW_ELIGIBLE) when the team size exceeds the pool, without sizing tables by it', () => {
    const r = matchInspectors([{ id: 'T1' }, { id: 'T2' }], pool, { ...base, teamSize: 1000 });
    expect(r.complete).toBe(false);
    expect(r.unstaffable.map((u) => u.reason.code)).toEqual(['TOO_FEW_ELIGIBLE', 'TOO_FEW_ELIGIBLE']);
    expect(verifyMatch(r.record, [{ id: 'T1' }, { id: 'T2' }], pool)).toMatchObject({ ok: true });
  });
});

// ---- fast-check: arbitrary values everywhere ----

const targets: MatchTarget[] = [{ id: 'T1', supervisingUnit: '甲所', legalRepresentative: '甲某', requiredExpertise: ['食品'] }, { id: 'T2' }];
const inspectors: Inspector[] = [
  inspector('I1', { unit: '甲所', expertise: ['食品'] }), inspector('I2', { expertise: ['食品'] }), inspector('I3', { position: '科员', regionCode: '630104' }),
  inspector('I4', { certificate: { number: 'x', issuer: '示例', validFrom: '2024-01-01', validTo: '2026-12-31' } }), inspector('X1', { isExpert: true }),
];
const options: MatchOptions = {
  ...base, cooperatingDepartments: [], departmentMinimums: { 市场监管局: 2 }, teamSize: 2, requiredExpertise: [], maxTargetsPerInspector: 2,
  crossUnit: true, rotationYears: 1, expertsPerTarget: 1, requiredExpertExpertise: [],
  conflicts: [{ inspectorId: 'I2', entityId: 'T2', ground: 'interest' }], relatives: [{ inspectorId: 'I3', name: '甲某' }],
  recusalRequests: [{ entityId: 'T1', inspectorId: 'I4' }], history: [{ inspectorId: 'I1', entityId: 'T2', date: '2025-03-01' }],
  neighbourInspectors: [inspector('N1', { regionCode: '630105' })], searchBudget: 1000,
};

type Input = { targets: unknown; inspectors: unknown; options: Record<string, unknown> };
type Slot = { name: string; top: string | number | undefined; set: (x: Input, v: unknown) => void };

const clone = (): Input => structuredClone({ targets, inspectors, options }) as unknown as Input;
const at = (o: unknown, path: readonly (string | number)[]): Record<string | number, unknown> => path.reduce<unknown>((x, k) => (x as Record<string | number, unknown>)[k], o) as Record<string | number, unknown>;

const slots: Slot[] = [
  { name: 'options', top: undefined, set: (x, v) => { x.options = v as Record<string, unknown>; } },
  ...Object.keys(options).map((key): Slot => ({ name: `options.${key}`, top: key, set: (x, v) => { x.options[key] = v; } })),
  ...([
    ['conflicts', ['inspectorId', 'entityId', 'ground']], ['relatives', ['inspectorId', 'name']],
    ['recusalRequests', ['entityId', 'inspectorId']], ['history', ['inspectorId', 'entityId', 'date']],
  ] as const).flatMap(([list, fields]) => [
    { name: `${list}[0]`, top: list, set: (x: Input, v: unknown) => { at(x.options, [list])[0] = v; } },
    ...fields.map((f): Slot => ({ name: `${list}[0].${f}`, top: list, set: (x, v) => { at(x.options, [list, 0])[f] = v; } })),
  ]),
  { name: 'targets', top: 'targets', set: (x, v) => { x.targets = v; } },
  { name: 'targets[0]', top: 'targets', set: (x, v) => { (x.targets as unknown[])[0] = v; } },
  ...['id', 'supervisingUnit', 'legalRepresentative', 'requiredExpertise', 'name', 'kind'].map((f): Slot => ({ name: `targets[0].${f}`, top: 'targets', set: (x, v) => { at(x.targets, [0])[f] = v; } })),
  { name: 'targets[0].requiredExpertise[0]', top: 'targets', set: (x, v) => { at(x.targets, [0, 'requiredExpertise'])[0] = v; } },
  { name: 'inspectors', top: 'inspectors', set: (x, v) => { x.inspectors = v; } },
  { name: 'inspectors[0]', top: 'inspectors', set: (x, v) => { (x.inspectors as unknown[])[0] = v; } },
  ...(['inspectors', 'neighbourInspectors'] as const).flatMap((list) =>
    ['id', 'name', 'department', 'unit', 'position', 'expertise', 'certificate', 'status', 'isExpert', 'regionCode', 'extra'].map((f): Slot => ({
      name: `${list}[0].${f}`, top: list, set: (x, v) => { at(list === 'inspectors' ? x.inspectors : x.options['neighbourInspectors'], [0])[f] = v; },
    })),
  ),
  ...['number', 'issuer', 'validFrom', 'validTo'].map((f): Slot => ({ name: `inspectors[3].certificate.${f}`, top: 'inspectors', set: (x, v) => { at(x.inspectors, [3, 'certificate'])[f] = v; } })),
  { name: 'inspectors[0].expertise[0]', top: 'inspectors', set: (x, v) => { at(x.inspectors, [0, 'expertise'])[0] = v; } },
];

/** Any value, plus the awkward ones: NaN, huge numbers, near-miss strings, inherited property names, null-prototype objects. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withNullPrototype: true, withBoxedValues: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }),
  fc.constantFrom(NaN, Infinity, -Infinity, -1, 0, 1.5, 2 ** 53, '', ' I1', 'I1 ', 'T1\u0000', '\ud800', 'constructor', '__proto__', 'toString', [], {}, null, undefined, true, false, ['食品'], '食品', '2025-02-30', 'active', 'suspended'),
  fc.integer(),
  fc.string(),
);

/** A call either succeeds or throws a ShuangsuijiError with a code and an array path (never a TypeError or a RangeError). */
function outcome(call: () => unknown): { ok: true } | { ok: false; code: string; path: readonly (string | number)[] } {
  try {
    call();
    return { ok: true };
  } catch (error) {
    if (!isShuangsuijiError(error)) throw error;
    expect(error.code).toMatch(/^[A-Z][A-Z_]+$/);
    expect(Array.isArray(error.path)).toBe(true);
    expect(error.messageZh.length).toBeGreaterThan(0);
    expect(error.messageEn.length).toBeGreaterThan(0);
    return { ok: false, code: error.code, path: error.path };
  }
}

/** Rules checked against one another: changing the first may be refused at one of the others. */
const RELATED: Readonly<Record<string, readonly string[]>> = {
  department: ['departmentMinimums'],
  cooperatingDepartments: ['departmentMinimums', 'teamSize'],
  teamSize: ['departmentMinimums'],
  departmentMinimums: ['teamSize'],
  expertsPerTarget: ['requiredExpertExpertise'],
  // Two rows with one canonical id: the later row (a neighbouring inspector) is the duplicate.
  inspectors: ['neighbourInspectors'],
};

const good: MatchResult = matchInspectors(targets, inspectors, options);

describe('arbitrary values in every input field → a coded error with a path, never a TypeError (fast-check)', () => {
  it('matchInspectors and verifyMatch', () => {
    fc.assert(
      fc.property(fc.constantFrom(...slots), anyValue, (slot, value) => {
        const x = clone();
        slot.set(x, value);
        const r = outcome(() => matchInspectors(x.targets as MatchTarget[], x.inspectors as Inspector[], x.options as unknown as MatchOptions));
        if (!r.ok && slot.top !== undefined) {
          // The error points into the argument that was changed, or at a rule checked against it.
          const tops = [slot.top, ...(RELATED[slot.top] ?? [])];
          expect(tops, `${slot.name} → ${r.code} ${JSON.stringify(r.path)}`).toContain(r.path[0]);
        }
        const { seed: _s, label: _l, ...facts } = x.options && typeof x.options === 'object' ? x.options : ({} as Record<string, unknown>);
        outcome(() => verifyMatch(good.record, x.targets as MatchTarget[], x.inspectors as Inspector[], facts as never));
      }),
      { numRuns: 1500 },
    );
  });

  it('verifyMatch on a record with an arbitrary value anywhere answers (RECORD_MALFORMED or another verdict) or throws a coded error', () => {
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]): void => {
      paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(good.record, []);
    const { seed: _s, label: _l, ...facts } = options;
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), anyValue, (path, value) => {
        const record = structuredClone(good.record) as unknown as Record<string, unknown>;
        at(record, path.slice(0, -1))[path[path.length - 1]!] = value;
        outcome(() => verifyMatch(record as never, targets, inspectors, facts));
      }),
      { numRuns: 800 },
    );
  });

  it('redrawForRecusal with an arbitrary recusal or an arbitrary value in the result', () => {
    const member = good.assignments[0]!.members[0]!.inspectorId;
    const recusal = { targetId: good.assignments[0]!.targetId, inspectorId: member, ground: 'interest', note: '说明' };
    const resultPaths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]): void => {
      resultPaths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(JSON.parse(JSON.stringify(good)), []);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ field: fc.constantFrom('recusal', 'targetId', 'inspectorId', 'ground', 'note', 'extra'), value: anyValue }).map((c) => ({ kind: 'recusal' as const, ...c })),
          fc.record({ path: fc.constantFrom(...resultPaths.filter((p) => p.length > 0)), value: anyValue }).map((c) => ({ kind: 'result' as const, ...c })),
        ),
        (change) => {
          const result = JSON.parse(JSON.stringify(good)) as Record<string, unknown>;
          let r: unknown = { ...recusal };
          if (change.kind === 'recusal') {
            if (change.field === 'recusal') r = change.value;
            else (r as Record<string, unknown>)[change.field] = change.value;
          } else at(result, change.path.slice(0, -1))[change.path[change.path.length - 1]!] = change.value;
          const out = outcome(() => redrawForRecusal(result as unknown as MatchResult, targets, inspectors, r as never, options));
          if (!out.ok && change.kind === 'recusal' && out.code !== 'MATCH_OPTIONS_MISMATCH') expect(out.path[0]).toBe('recusal');
        },
      ),
      { numRuns: 1200 },
    );
  });
});
