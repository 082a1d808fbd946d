/**
 * Issue 12 §1: a recusal is never lost silently. Ids are canonicalised by the draw's rule (NFC; white space at
 * either end refused) in targets, inspectors, every fact and every day-of recusal, and facts naming no target or
 * inspector of the match are reported with counts and paths. Regression tests for the examples, then
 * fast-check over NFC / NFD / white-space spellings of the ids in the facts and over misspelt ids.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isShuangsuijiError } from '../../src/errors.js';
import { matchInspectors, redrawForRecusal, verifyMatch, type MatchOptions, type MatchTarget } from '../../src/match/index.js';
import type { Inspector } from '../../src/models/inspector.js';
import { diceSeed, inspector, orderFree, rotated, thrown } from './fixtures.js';

const NFC = 'Caf\u00e9-001';
const NFD = 'Cafe\u0301-001';
const base: MatchOptions = { seed: '31415926535897932384', label: '2025-批次1', date: '2025-07-01', department: '市场监管局' };

describe('the examples of issue 12 §1', () => {
  const pool = ['I1', 'I2', 'I3'].map((id) => inspector(id));

  it('a conflict written with the NFD spelling of Café-001 recuses the inspector (it was lost, and the inspector sent)', () => {
    expect(NFC).not.toBe(NFD);
    expect(NFD.normalize('NFC')).toBe(NFC);
    // Over many seeds, I1 would be drawn about two times in three without the conflict; with it, never.
    let withoutConflict = 0;
    for (let s = 0; s < 60; s++) {
      const seed = diceSeed(s);
      const free = matchInspectors([{ id: NFC }], pool, { ...base, seed });
      if (free.assignments[0]!.members.some((m) => m.inspectorId === 'I1')) withoutConflict++;
      for (const [target, entityId] of [[NFC, NFD], [NFD, NFC], [NFD, NFD]] as const) {
        const r = matchInspectors([{ id: target }], pool, { ...base, seed, conflicts: [{ inspectorId: 'I1', entityId, ground: 'interest' }] });
        expect(r.assignments[0]!.targetId).toBe(NFC);
        expect(r.assignments[0]!.members.map((m) => m.inspectorId).sort()).toEqual(['I2', 'I3']);
        expect(r.unmatchedFacts.total).toBe(0);
      }
    }
    expect(withoutConflict).toBeGreaterThan(20);
  });

  it('refuses an id with a trailing or leading space, in targets, inspectors and every fact (it named nothing)', () => {
    const cases: [() => unknown, (string | number)[]][] = [
      [() => matchInspectors([{ id: 'T1 ' }], pool, base), ['targets', 0, 'id']],
      [() => matchInspectors([{ id: 'T1' }], [inspector(' I1'), ...pool.slice(1)], base), ['inspectors', 0, 'id']],
      [() => matchInspectors([{ id: 'T1' }], pool, { ...base, conflicts: [{ inspectorId: 'I1', entityId: 'T1 ', ground: 'interest' }] }), ['conflicts', 0, 'entityId']],
      [() => matchInspectors([{ id: 'T1' }], pool, { ...base, recusalRequests: [{ entityId: 'T1', inspectorId: 'I1\u3000' }] }), ['recusalRequests', 0, 'inspectorId']],
      [() => matchInspectors([{ id: 'T1' }], pool, { ...base, relatives: [{ inspectorId: '\u00a0I1', name: '甲某' }] }), ['relatives', 0, 'inspectorId']],
      [() => matchInspectors([{ id: 'T1' }], pool, { ...base, history: [{ inspectorId: 'I1', entityId: ' T1', date: '2025-01-01' }] }), ['history', 0, 'entityId']],
      [() => matchInspectors([{ id: 'T1' }], pool, { ...base, neighbourInspectors: [inspector('N1 ')] }), ['neighbourInspectors', 0, 'id']],
    ];
    for (const [call, path] of cases) {
      const e = thrown(call);
      expect([e.code, e.path]).toEqual(['INVALID_ID', path]);
    }
  });

  it('counts NFC- and NFD-spelled forms of one id as one target or one inspector: DUPLICATE_ID', () => {
    const t = thrown(() => matchInspectors([{ id: NFC }, { id: 'T2' }, { id: NFD }], pool, base));
    expect([t.code, t.path]).toEqual(['DUPLICATE_ID', ['targets', 2, 'id']]);
    const i = thrown(() => matchInspectors([{ id: 'T1' }], [inspector(NFD), ...pool], { ...base, neighbourInspectors: [inspector(NFC)] }));
    expect([i.code, i.path]).toEqual(['DUPLICATE_ID', ['neighbourInspectors', 0, 'id']]);
  });

  it('writes canonical ids: an NFD target id is recorded, digested and ticketed as its NFC form', () => {
    const a = matchInspectors([{ id: NFD }], pool, base);
    const b = matchInspectors([{ id: NFC }], pool, base);
    expect(a).toEqual(b);
    expect(a.record.assignments[0]!.targetId).toBe(NFC);
    expect(verifyMatch(b.record, [{ id: NFD }], pool)).toMatchObject({ ok: true });
  });

  it('reports facts naming no target or inspector (counts and paths) and keeps using the others', () => {
    const facts = {
      conflicts: [
        { inspectorId: 'I1', entityId: 'T-999', ground: 'interest' as const }, // another task's entity (or a typo)
        { inspectorId: 'I2', entityId: NFD, ground: 'other' as const }, // matches (NFD spelling)
        { inspectorId: 'I-404', entityId: NFC, ground: 'other' as const }, // unknown inspector
      ],
      relatives: [{ inspectorId: 'I3', name: '乙某' }, { inspectorId: 'I-405', name: '甲某' }],
      recusalRequests: [{ entityId: 'T-998', inspectorId: 'I-406' }],
      history: [{ inspectorId: 'I1', entityId: NFC, date: '2025-01-01' }, { inspectorId: 'I9', entityId: 'T-1', date: '2024-01-01' }],
    };
    const r = matchInspectors([{ id: NFC, legalRepresentative: '甲某' }], pool, { ...base, ...facts });
    expect(r.unmatchedFacts).toEqual({
      total: 5,
      counts: { conflicts: 2, relatives: 1, recusalRequests: 1, history: 1 },
      facts: [
        { path: ['conflicts', 0], entityId: 'T-999', inspectorId: 'I1', unknownTarget: true, unknownInspector: false },
        { path: ['conflicts', 2], entityId: NFC, inspectorId: 'I-404', unknownTarget: false, unknownInspector: true },
        { path: ['relatives', 1], inspectorId: 'I-405', unknownTarget: false, unknownInspector: true },
        { path: ['recusalRequests', 0], entityId: 'T-998', inspectorId: 'I-406', unknownTarget: true, unknownInspector: true },
        { path: ['history', 1], entityId: 'T-1', inspectorId: 'I9', unknownTarget: true, unknownInspector: true },
      ],
    });
    // The matched conflict still recuses I2; a relative's name matching no legal representative is not reported.
    expect(r.assignments[0]!.members.map((m) => m.inspectorId).sort()).toEqual(['I1', 'I3']);
    expect(JSON.parse(JSON.stringify(r.unmatchedFacts))).toEqual(r.unmatchedFacts);
    // verifyMatch reports the same.
    const v = verifyMatch(r.record, [{ id: NFC, legalRepresentative: '甲某' }], pool, facts);
    expect(v).toMatchObject({ ok: true, unmatchedFacts: r.unmatchedFacts });
    // And so does a verification that fails after the inputs were read.
    const changed = verifyMatch(r.record, [{ id: NFC, legalRepresentative: '甲某' }], pool, { ...facts, conflicts: facts.conflicts.slice(0, 1) });
    expect(changed).toMatchObject({ ok: false, code: 'RECUSALS_DIGEST_MISMATCH', unmatchedFacts: { total: 4 } });
  });

  it('canonicalises the ids of a day-of recusal and records them canonically', () => {
    const r = matchInspectors([{ id: NFC }], pool, base);
    const member = r.assignments[0]!.members[0]!.inspectorId;
    const after = redrawForRecusal(r, [{ id: NFC }], pool, { targetId: NFD, inspectorId: member, ground: 'interest' }, base);
    expect(after.record.redraws[0]!.targetId).toBe(NFC);
    expect(after.assignments[0]!.members.map((m) => m.inspectorId)).not.toContain(member);
    expect(verifyMatch(after.record, [{ id: NFD }], pool)).toMatchObject({ ok: true });
    expect(thrown(() => redrawForRecusal(r, [{ id: NFC }], pool, { targetId: `${NFC} `, inspectorId: member, ground: 'interest' }, base)).code).toBe('INVALID_ID');
  });
});

// ---- fast-check ----

/** Decomposable ids: every target and inspector id changes between NFC and NFD. */
const targetId = (j: number): string => `Caf\u00e9-${j}`;
const inspectorId = (i: number): string => `\u00c5ng-${i}`;

interface Case {
  targets: MatchTarget[];
  inspectors: Inspector[];
  options: MatchOptions;
}

/** A small instance with decomposable ids and facts naming known and unknown targets and inspectors. */
const caseArb: fc.Arbitrary<Case> = fc
  .record({
    targetCount: fc.integer({ min: 1, max: 4 }),
    inspectorCount: fc.integer({ min: 2, max: 6 }),
    cap: fc.constantFrom(1, 2, null),
    // Indices 0–5 for targets and 0–7 for inspectors: some beyond the instance (unknown ids).
    conflicts: fc.array(fc.record({ t: fc.nat(5), i: fc.nat(7) }), { maxLength: 5 }),
    requests: fc.array(fc.record({ t: fc.nat(5), i: fc.nat(7) }), { maxLength: 3 }),
    history: fc.array(fc.record({ t: fc.nat(5), i: fc.nat(7), month: fc.integer({ min: 1, max: 12 }) }), { maxLength: 3 }),
    relatives: fc.array(fc.record({ i: fc.nat(7), rep: fc.constantFrom('甲某', '乙某') }), { maxLength: 2 }),
    seed: fc.nat(),
  })
  .map(({ targetCount, inspectorCount, cap, conflicts, requests, history, relatives, seed }) => ({
    targets: Array.from({ length: targetCount }, (_, j) => ({ id: targetId(j), ...(j % 2 === 0 ? { legalRepresentative: '甲某' } : {}) })),
    inspectors: Array.from({ length: inspectorCount }, (_, i) => inspector(inspectorId(i))),
    options: {
      ...base,
      seed: diceSeed(seed),
      maxTargetsPerInspector: cap,
      rotationYears: 1,
      conflicts: conflicts.map(({ t, i }) => ({ inspectorId: inspectorId(i), entityId: targetId(t), ground: 'interest' as const })),
      recusalRequests: requests.map(({ t, i }) => ({ entityId: targetId(t), inspectorId: inspectorId(i) })),
      history: history.map(({ t, i, month }) => ({ inspectorId: inspectorId(i), entityId: targetId(t), date: `2025-${String(month).padStart(2, '0')}-01` })),
      relatives: relatives.map(({ i, rep }) => ({ inspectorId: inspectorId(i), name: rep })),
    },
  }));

type FactKey = 'conflicts' | 'recusalRequests' | 'history' | 'relatives';
const FACT_LISTS: readonly FactKey[] = ['conflicts', 'recusalRequests', 'history', 'relatives'];

/** The facts with each id field re-spelled by `spell(id, list, index, field)`. */
function respelled(o: MatchOptions, spell: (id: string, list: FactKey, k: number, field: 'entityId' | 'inspectorId') => string): MatchOptions {
  const out: Record<string, unknown> = { ...o };
  for (const list of FACT_LISTS) {
    out[list] = ((o[list] ?? []) as unknown as readonly Record<string, unknown>[]).map((row, k) => {
      const copy = { ...row };
      for (const field of ['entityId', 'inspectorId'] as const) if (typeof copy[field] === 'string') copy[field] = spell(copy[field] as string, list, k, field);
      return copy;
    });
  }
  return out as unknown as MatchOptions;
}

describe('ids in facts: any NFC / NFD spelling names the same thing, white space is refused, misspellings are reported (fast-check)', () => {
  it('gives the same result whichever normalisation form each id of each fact, target and inspector is written in', () => {
    fc.assert(
      fc.property(caseArb, fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }), fc.nat(), (c, bits, salt) => {
        const reference = matchInspectors(c.targets, c.inspectors, c.options);
        let n = 0;
        const form = (id: string): string => id.normalize(bits[n++ % bits.length] ? 'NFD' : 'NFC');
        const options = respelled(c.options, (id) => form(id));
        const targets = c.targets.map((t) => ({ ...t, id: form(t.id) }));
        const inspectors = c.inspectors.map((p) => ({ ...p, id: form(p.id) }));
        const result = matchInspectors(rotated(targets, salt), rotated(inspectors, salt), options);
        expect(orderFree(result)).toBe(orderFree(reference));
        expect(result.record).toEqual(reference.record);
        // The facts naming nobody are exactly the ones whose canonical ids are not in the instance.
        const known = (id: string, ids: readonly string[]): boolean => ids.includes(id.normalize('NFC'));
        let expected = 0;
        for (const list of FACT_LISTS) {
          for (const row of (c.options[list] ?? []) as readonly { entityId?: string; inspectorId: string }[]) {
            const targetKnown = row.entityId === undefined || known(row.entityId, c.targets.map((t) => t.id));
            if (!targetKnown || !known(row.inspectorId, c.inspectors.map((p) => p.id))) expected++;
          }
        }
        expect(result.unmatchedFacts.total).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses (INVALID_ID, at the exact path) an id of a fact with white space added at either end', () => {
    const spaces = ['\u0020', '\u00a0', '\u3000', '\u2003', '\u2028'];
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...FACT_LISTS), fc.nat(), fc.constantFrom(...spaces), fc.boolean(), (c, list, pick, space, atEnd) => {
        const rows = (c.options[list] ?? []) as readonly unknown[];
        fc.pre(rows.length > 0);
        const k = pick % rows.length;
        const field = list === 'relatives' || pick % 2 === 0 ? 'inspectorId' : 'entityId';
        const options = respelled(c.options, (id, l, j, f) => (l === list && j === k && f === field ? (atEnd ? `${id}${space}` : `${space}${id}`) : id));
        const e = thrown(() => matchInspectors(c.targets, c.inspectors, options));
        expect([e.code, e.path]).toEqual(['INVALID_ID', [list, k, field]]);
      }),
      { numRuns: 150 },
    );
  });

  it('reports a misspelt id (a typo) in any fact by its path, and leaves the match as without that fact', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...FACT_LISTS), fc.constantFrom('entityId', 'inspectorId'), fc.constantFrom('x', '0', 'ë', '-'), (c, list, field, typo) => {
        const f = list === 'relatives' ? 'inspectorId' : field;
        const row = f === 'entityId' ? { inspectorId: inspectorId(0), entityId: targetId(0) + typo } : { inspectorId: inspectorId(0) + typo, entityId: targetId(0) };
        const added = list === 'conflicts' ? { ...row, ground: 'interest' as const } : list === 'history' ? { ...row, date: '2025-06-01' } : list === 'relatives' ? { inspectorId: row.inspectorId, name: '甲某' } : row;
        const before = matchInspectors(c.targets, c.inspectors, c.options);
        const options = { ...c.options, [list]: [...((c.options[list] ?? []) as readonly unknown[]), added] } as MatchOptions;
        const after = matchInspectors(c.targets, c.inspectors, options);
        const index = ((c.options[list] ?? []) as readonly unknown[]).length;
        expect(after.unmatchedFacts.total).toBe(before.unmatchedFacts.total + 1);
        expect(after.unmatchedFacts.facts.map((x) => x.path)).toContainEqual([list, index]);
        expect(after.assignments).toEqual(before.assignments);
        expect(after.record.digests.recusals).toBe(before.record.digests.recusals);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws anything but a ShuangsuijiError for arbitrary strings as fact ids', () => {
    fc.assert(
      fc.property(caseArb, fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(...FACT_LISTS), (c, id, list) => {
        const row = list === 'relatives' ? { inspectorId: id, name: '甲某' } : list === 'conflicts' ? { inspectorId: id, entityId: id, ground: 'other' } : list === 'history' ? { inspectorId: id, entityId: id, date: '2025-01-01' } : { inspectorId: id, entityId: id };
        try {
          matchInspectors(c.targets, c.inspectors, { ...c.options, [list]: [row] } as MatchOptions);
        } catch (error) {
          expect(isShuangsuijiError(error, 'INVALID_ID')).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('names compared by a recusal (法定代表人, 近亲属) are never lost to spelling', () => {
  const pool = ['I1', 'I2', 'I3'].map((id) => inspector(id));
  it('a relative written in NFD recuses the inspector from the target whose legal representative is written in NFC', () => {
    for (let s = 0; s < 20; s++) {
      const seed = diceSeed(s, 7);
      for (const [rep, name] of [['Zoë 王', 'Zoe\u0308 王'], ['Zoe\u0308 王', 'Zoë 王']] as const) {
        const r = matchInspectors([{ id: 'T1', legalRepresentative: rep }], pool, { ...base, seed, relatives: [{ inspectorId: 'I1', name }] });
        expect(r.assignments[0]!.members.map((m) => m.inspectorId).sort()).toEqual(['I2', 'I3']);
      }
    }
  });
  it('refuses a name with white space at either end, or a lone surrogate, rather than let it miss', () => {
    expect(thrown(() => matchInspectors([{ id: 'T1', legalRepresentative: '张三 ' }], pool, base))).toMatchObject({ code: 'INVALID_MATCH_INPUT', path: ['targets', 0, 'legalRepresentative'] });
    expect(thrown(() => matchInspectors([{ id: 'T1', legalRepresentative: '张三' }], pool, { ...base, relatives: [{ inspectorId: 'I1', name: ' 张三' }] }))).toMatchObject({ code: 'INVALID_MATCH_INPUT', path: ['relatives', 0, 'name'] });
    expect(thrown(() => matchInspectors([{ id: 'T1' }], pool, { ...base, relatives: [{ inspectorId: 'I1', name: '张\ud800' }] }))).toMatchObject({ code: 'INVALID_MATCH_INPUT', path: ['relatives', 0, 'name'] });
  });
});

describe('an open-ended certificate is stated, never the result of a missing end date (issue 12 §5)', () => {
  it("'open-ended' never expires; a certificate without validTo is refused", () => {
    const lifelong = inspector('I1', { certificate: { number: 'Z-I1', validTo: 'open-ended' } });
    const r = matchInspectors([{ id: 'T1' }], [lifelong, inspector('I2')], { ...base, date: '2099-06-30' });
    // I2's certificate ended in 2027: only the open-ended one is eligible, so the target cannot be staffed by two.
    expect(r.unstaffable.map((u) => u.targetId)).toEqual(['T1']);
    const both = matchInspectors([{ id: 'T1' }], [lifelong, inspector('I3', { certificate: { number: 'Z-I3', validTo: 'open-ended' } })], { ...base, date: '2099-06-30' });
    expect(both.assignments[0]!.members.map((m) => m.inspectorId).sort()).toEqual(['I1', 'I3']);
    const missing = { ...inspector('I4'), certificate: { number: 'Z-I4' } } as unknown as Inspector;
    expect(thrown(() => matchInspectors([{ id: 'T1' }], [missing, inspector('I2')], base))).toMatchObject({ code: 'INVALID_MATCH_INPUT', path: ['inspectors', 0, 'certificate', 'validTo'] });
  });
});
