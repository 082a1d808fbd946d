import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { describe, expect, it } from 'vitest';
import { isShuangsuijiError } from '../../src/errors.js';
import { matchInspectors, redrawForRecusal, verifyMatch, type MatchOptions } from '../../src/match/index.js';
import { diceSeed, inspector } from './fixtures.js';
import { seedFromDice } from '../../src/draw/seed-from-dice.js';

const base: MatchOptions = { seed: '271828182845904523536', label: '2025-批次1', date: '2025-07-01', department: '市场监管局' };

function chiSquarePValue(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  const stat = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
  return 1 - chisquareCdf(stat, counts.length - 1);
}

describe('symmetry (fixed seeds, chi-square)', () => {
  it('picks every pair of 6 interchangeable inspectors equally often', () => {
    const pool = ['A', 'B', 'C', 'D', 'E', 'F'].map((id) => inspector(id));
    const counts = new Map<string, number>();
    for (let s = 0; s < 1500; s++) {
      const r = matchInspectors([{ id: 'T' }], pool, { ...base, seed: diceSeed(s, 1) });
      const key = r.assignments[0]!.members.map((m) => m.inspectorId).sort().join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(15);
    expect(chiSquarePValue([...counts.values()])).toBeGreaterThan(0.001);
  });

  it('keeps interchangeable inspectors equally likely under joint minimums, expertise and recusal', () => {
    // 卫健委 has one eligible member (always taken); 食品 is held by F1–F3; F4 is recused; X has no specialty.
    const pool = [
      inspector('H1', { department: '卫健委' }),
      inspector('F1', { expertise: ['食品'] }),
      inspector('F2', { expertise: ['食品'] }),
      inspector('F3', { expertise: ['食品'] }),
      inspector('F4', { expertise: ['食品'] }),
      inspector('X'),
    ];
    const counts = new Map<string, number>();
    for (let s = 0; s < 900; s++) {
      const r = matchInspectors([{ id: 'T', requiredExpertise: ['食品'] }], pool, {
        ...base, seed: diceSeed(s, 2), cooperatingDepartments: ['卫健委'], conflicts: [{ inspectorId: 'F4', entityId: 'T', ground: 'interest' }],
      });
      const ids = r.assignments[0]!.members.map((m) => m.inspectorId);
      expect(ids).toContain('H1');
      expect(ids).not.toContain('F4');
      expect(ids).not.toContain('X');
      for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const f = ['F1', 'F2', 'F3'].map((id) => counts.get(id) ?? 0);
    expect(f.reduce((a, b) => a + b, 0)).toBe(900);
    expect(chiSquarePValue(f)).toBeGreaterThan(0.001);
  });
});

describe('rules', () => {
  it('honours certificates on the date, experts, suspensions, 所所交叉, rotation, relatives and requests', () => {
    const pool = [
      inspector('OK1'), inspector('OK2'),
      inspector('EXP', { certificate: { number: 'z', validTo: '2025-06-30' } }),
      inspector('EDGE', { certificate: { number: 'z', validTo: '2025-07-01' } }),
      inspector('PRO', { isExpert: true }),
      inspector('SUS', { status: 'suspended' }),
      inspector('UNIT', { unit: '城关所' }),
      inspector('ROT'), inspector('REL'), inspector('REQ'),
      inspector('DEP', { department: '其他局' }),
    ];
    const target = { id: 'T', supervisingUnit: '城关所', legalRepresentative: '甲某' };
    const opts: MatchOptions = {
      ...base, teamSize: 3, crossUnit: true, rotationYears: 2,
      history: [{ inspectorId: 'ROT', entityId: 'T', date: '2023-07-01' }, { inspectorId: 'OK1', entityId: 'T', date: '2023-06-30' }],
      relatives: [{ inspectorId: 'REL', name: '甲某' }],
      recusalRequests: [{ entityId: 'T', inspectorId: 'REQ' }],
    };
    const r = matchInspectors([target], pool, opts);
    expect(r.assignments[0]!.members.map((m) => m.inspectorId).sort()).toEqual(['EDGE', 'OK1', 'OK2']);
    const r4 = matchInspectors([target], pool, { ...opts, teamSize: 4 });
    expect(r4.complete).toBe(false);
    const reason = r4.unstaffable[0]!.reason;
    expect(reason.code).toBe('TOO_FEW_ELIGIBLE');
    expect(reason.counts).toMatchObject({
      considered: 11, wrongDepartment: 1, experts: 1, suspended: 1, certificateExpired: 1, recused: 4, eligible: 3, needed: 4,
      recusedBy: { declared: 0, relative: 1, request: 1, sameUnit: 1, rotation: 1, dayOfInspection: 0 },
    });
    expect(reason.expiredOn).toEqual(['2025-06-30']);
    expect(reason.messageZh).toContain('2025-06-30 过期');
    expect(reason.messageEn).toContain('expired on 2025-06-30');
  });

  it('never gives a person more than the workload limit and staffs a maximal set, explaining the rest', () => {
    const pool = ['A', 'B', 'C', 'D', 'E'].map((id) => inspector(id));
    const targets = ['T1', 'T2', 'T3', 'T4'].map((id) => ({ id }));
    const r = matchInspectors(targets, pool, { ...base, maxTargetsPerInspector: 1 });
    expect(r.assignments).toHaveLength(2);
    expect(r.unstaffable).toHaveLength(2);
    expect(r.unstaffable.every((u) => u.reason.code === 'WORKLOAD_EXHAUSTED')).toBe(true);
    const all = r.assignments.flatMap((a) => a.members.map((m) => m.inspectorId));
    expect(new Set(all).size).toBe(all.length);
  });

  it('uses the neighbouring pool only for targets the local pool cannot staff, and says so', () => {
    const local = [inspector('L1'), inspector('L2'), inspector('L3', { unit: '城关所' })];
    const neighbour = [inspector('N1', { regionCode: '630104' }), inspector('N2', { regionCode: '630104' })];
    const targets = [{ id: 'T1' }, { id: 'T2', supervisingUnit: '城关所' }];
    const opts: MatchOptions = { ...base, maxTargetsPerInspector: 1, neighbourInspectors: neighbour };
    const r = matchInspectors(targets, local, opts);
    expect(r.complete).toBe(true);
    const used = r.assignments.filter((a) => a.usedNeighbourPool);
    expect(used).toHaveLength(1);
    const other = r.assignments.find((a) => !a.usedNeighbourPool)!;
    expect(other.members.every((m) => !m.neighbour)).toBe(true);
    expect(used[0]!.members.some((m) => m.neighbour)).toBe(true);
    expect(verifyMatch(r.record, targets, local, { neighbourInspectors: neighbour }).ok).toBe(true);
    expect(verifyMatch(r.record, targets, local).ok).toBe(false);
    const without = matchInspectors(targets, local, { ...opts, neighbourInspectors: [] });
    expect(without.complete).toBe(false);
  });

  it('rejects impossible options with a stable code', () => {
    const call = (o: Partial<MatchOptions>) => () => matchInspectors([{ id: 'T' }], [inspector('A')], { ...base, ...o });
    for (const [o, code] of [
      [{ teamSize: 1 }, 'INVALID_MATCH_OPTIONS'],
      [{ cooperatingDepartments: ['a', 'b'], teamSize: 2 }, 'INVALID_MATCH_OPTIONS'],
      [{ date: '2025-02-30' }, 'INVALID_DATE'],
      [{ maxTargetsPerInspector: 0 }, 'INVALID_MATCH_OPTIONS'],
    ] as const) {
      try {
        call(o)();
        expect.unreachable();
      } catch (error) {
        expect(isShuangsuijiError(error, code)).toBe(true);
      }
    }
    expect(() => matchInspectors([{ id: 'T' }, { id: 'T' }], [inspector('A')], base)).toThrow(/DUPLICATE_ID/);
  });
});

describe('re-draw after recusal and verification', () => {
  const pool = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((id) => inspector(id));
  const targets = ['T1', 'T2', 'T3'].map((id) => ({ id }));
  const opts: MatchOptions = { ...base, maxTargetsPerInspector: 1 };

  it('takes the draw\'s DrawSeed as well as a string: the same dice reading serves both', () => {
    const dice = seedFromDice('27182818284590452353');
    const viaSeed = matchInspectors(targets, pool, { ...opts, seed: dice });
    const viaText = matchInspectors(targets, pool, { ...opts, seed: dice.seed });
    expect(viaSeed).toEqual(viaText);
    expect(viaSeed.record.seed).toBe(dice.seed);
    const after = redrawForRecusal(viaSeed, targets, pool, { targetId: 'T1', inspectorId: viaSeed.assignments.find((x) => x.targetId === 'T1')!.members[0]!.inspectorId, ground: 'interest' }, { ...opts, seed: dice });
    expect(verifyMatch(after.record, targets, pool)).toMatchObject({ ok: true });
  });

  it('replaces only the recused inspector, keeps every other assignment and verifies', () => {
    const first = matchInspectors(targets, pool, opts);
    expect(first.complete).toBe(true);
    const a = first.assignments[1]!;
    const leaving = a.members[0]!.inspectorId;
    const after = redrawForRecusal(first, targets, pool, { targetId: a.targetId, inspectorId: leaving, ground: 'interest' }, opts);
    for (const b of after.assignments) {
      if (b.targetId !== a.targetId) expect(b).toEqual(first.assignments.find((x) => x.targetId === b.targetId));
    }
    const changed = after.assignments.find((x) => x.targetId === a.targetId)!;
    const ids = changed.members.map((m) => m.inspectorId);
    expect(ids).not.toContain(leaving);
    expect(ids).toContain(a.members[1]!.inspectorId);
    const busy = new Set(first.assignments.filter((x) => x.targetId !== a.targetId).flatMap((x) => x.members.map((m) => m.inspectorId)));
    expect(ids.some((id) => busy.has(id))).toBe(false);
    expect(after.record.redraws).toHaveLength(1);
    expect(after.record.assignments).toEqual(first.record.assignments);
    expect(verifyMatch(after.record, targets, pool)).toMatchObject({ ok: true });
    // A second recusal for the same target cannot bring the first inspector back.
    const again = redrawForRecusal(after, targets, pool, { targetId: a.targetId, inspectorId: ids[0]!, ground: 'other' }, opts);
    const ids2 = again.assignments.find((x) => x.targetId === a.targetId)!.members.map((m) => m.inspectorId);
    expect(ids2).not.toContain(leaving);
    expect(ids2).not.toContain(ids[0]);
    expect(verifyMatch(again.record, targets, pool).ok).toBe(true);
  });

  it('moves the target to unstaffable when nobody is left, and verifies that too', () => {
    const small = ['A', 'B', 'C', 'D'].map((id) => inspector(id));
    const two = [{ id: 'T1' }, { id: 'T2' }];
    const first = matchInspectors(two, small, opts);
    const a = first.assignments[0]!;
    const after = redrawForRecusal(first, two, small, { targetId: a.targetId, inspectorId: a.members[0]!.inspectorId, ground: 'interest' }, opts);
    expect(after.complete).toBe(false);
    expect(after.unstaffable[0]!.reason.code).toBe('RECUSED_AFTER_MATCH');
    expect(after.record.redraws[0]!.inspectorIds).toEqual([]);
    expect(verifyMatch(after.record, two, small).ok).toBe(true);
  });

  it('names the first divergence of a tampered record', () => {
    const r = matchInspectors(targets, pool, opts);
    const swapped = { ...r.record, assignments: r.record.assignments.map((a, j) => (j === 0 ? { ...a, inspectorIds: [...a.inspectorIds].reverse() } : a)) };
    const v = verifyMatch(swapped, targets, pool);
    expect(v).toMatchObject({ ok: false, code: 'ASSIGNMENT_MISMATCH', path: ['assignments', 0, 'inspectorIds', 0] });
    expect(verifyMatch(r.record, targets.slice(1), pool)).toMatchObject({ ok: false, code: 'TARGETS_DIGEST_MISMATCH' });
    expect(verifyMatch(r.record, targets, pool, { conflicts: [{ inspectorId: 'A', entityId: 'T1', ground: 'other' }] })).toMatchObject({ ok: false, code: 'RECUSALS_DIGEST_MISMATCH' });
    expect(verifyMatch({ ...r.record, seed: diceSeed(7) }, targets, pool)).toMatchObject({ ok: false, code: 'ASSIGNMENT_MISMATCH' });
    const badRedraw = { ...r.record, redraws: [{ targetId: 'T1', inspectorId: 'Z', ground: 'x' as 'other', inspectorIds: [], ranks: [] }] };
    expect(verifyMatch(badRedraw, targets, pool)).toMatchObject({ ok: false, code: 'REDRAW_INVALID' });
    expect(JSON.parse(JSON.stringify(r.record))).toEqual(r.record);
  });

  it('answers RECORD_MALFORMED, with the path, for a record of the wrong shape instead of throwing', () => {
    const r = matchInspectors(targets, pool, opts);
    const cases: [unknown, (string | number)[]][] = [
      [{ ...r.record, rules: undefined }, ['rules']],
      [{ ...r.record, rules: { ...r.record.rules, teamSize: '2' } }, ['rules', 'teamSize']],
      [{ ...r.record, rules: { ...r.record.rules, departmentMinimums: [['市场监管局']] } }, ['rules', 'departmentMinimums']],
      [{ ...r.record, digests: { ...r.record.digests, recusals: 7 } }, ['digests', 'recusals']],
      [{ ...r.record, assignments: [null] }, ['assignments', 0]],
      [{ ...r.record, redraws: [{ targetId: 'T1', inspectorId: 'A', ground: 'x', inspectorIds: [], ranks: [-1] }] }, ['redraws', 0, 'ranks']],
      [{ ...r.record, label: 3 }, ['label']],
    ];
    for (const [record, path] of cases) {
      expect(verifyMatch(record as typeof r.record, targets, pool)).toMatchObject({ ok: false, code: 'RECORD_MALFORMED', path });
    }
    // The untouched record still verifies: the shape check accepts every record the matcher writes.
    expect(verifyMatch(r.record, targets, pool)).toMatchObject({ ok: true });
  });

  it('writes algorithm shuangsuiji-match and refuses records of other algorithms or versions', () => {
    const r = matchInspectors(targets, pool, opts);
    expect(r.record.algorithm).toBe('shuangsuiji-match');
    const other = JSON.parse(JSON.stringify({ ...r.record, algorithm: 'shuangsuiji-draw' })) as typeof r.record;
    expect(verifyMatch(other, targets, pool)).toMatchObject({ ok: false, code: 'UNSUPPORTED_ALGORITHM' });
    expect(verifyMatch({ ...r.record, version: 2 as 1 }, targets, pool)).toMatchObject({ ok: false, code: 'UNSUPPORTED_ALGORITHM' });
  });
});
