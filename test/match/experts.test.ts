import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { describe, expect, it } from 'vitest';
import { matchInspectors, redrawForRecusal, verifyMatch, type MatchOptions, type MatchResult } from '../../src/match/index.js';
import type { Inspector } from '../../src/models/inspector.js';
import { diceSeed, inspector, thrown } from './fixtures.js';

const base: MatchOptions = { seed: '161803398874989484820', label: '2025-专家', date: '2025-07-01', department: '市场监管局' };

/** A synthetic 专家 without a 执法证 (experts need none). */
function expert(id: string, extra: Partial<Omit<Inspector, 'id' | 'certificate'>> = {}): Inspector {
  return { id, name: `专家${id}`, department: '市场监管局', expertise: ['特种设备'], status: 'active', isExpert: true, ...extra };
}


function chiSquarePValue(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  const stat = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
  return 1 - chisquareCdf(stat, counts.length - 1);
}

const expertIds = (r: MatchResult, targetId: string): string[] => r.assignments.find((a) => a.targetId === targetId)!.experts!.map((m) => m.inspectorId);

describe('experts never join or count toward the enforcement team', () => {
  const pool = [inspector('A'), inspector('B'), inspector('C'), expert('E1'), expert('E2'), expert('E3')];
  const targets = [{ id: 'T1' }, { id: 'T2' }, { id: 'T3' }];

  it('draws the same enforcement teams with and without experts, and experts only among 专家', () => {
    for (let s = 0; s < 40; s++) {
      const without = matchInspectors(targets, pool, { ...base, seed: diceSeed(s, 1) });
      const withExperts = matchInspectors(targets, pool, { ...base, seed: diceSeed(s, 1), expertsPerTarget: 2 });
      expect(withExperts.assignments.map((a) => a.members)).toEqual(without.assignments.map((a) => a.members));
      expect(withExperts.record.digests).toEqual(without.record.digests);
      for (const a of withExperts.assignments) {
        expect(a.members.every((m) => !m.inspectorId.startsWith('E'))).toBe(true);
        expect(a.experts!.every((m) => m.inspectorId.startsWith('E'))).toBe(true);
        expect(a.experts).toHaveLength(2);
      }
    }
  });

  it('does not let experts make up a team: one enforcement inspector and three experts staff nothing', () => {
    const r = matchInspectors([{ id: 'T' }], [inspector('A'), expert('E1'), expert('E2'), expert('E3')], { ...base, expertsPerTarget: 1 });
    expect(r.complete).toBe(false);
    expect(r.assignments).toEqual([]);
    expect(r.unstaffable[0]!.reason).toMatchObject({ code: 'TOO_FEW_ELIGIBLE', counts: { experts: 3, eligible: 1, needed: 2 } });
    expect(r.expertsComplete).toBe(true);
  });
});

describe('how many experts', () => {
  const pool = [inspector('A'), inspector('B'), inspector('C'), inspector('D'), expert('E1'), expert('E2'), expert('E3')];
  const targets = ['T1', 'T2', 'T3', 'T4'].map((id) => ({ id }));

  it('draws exactly expertsPerTarget experts per target when enough are eligible', () => {
    const r = matchInspectors(targets, pool, { ...base, expertsPerTarget: 2 });
    expect(r.expertsComplete).toBe(true);
    for (const a of r.assignments) {
      expect(a.experts).toHaveLength(2);
      expect(a.expertShortfall).toBeUndefined();
      expect(a.experts!.map((m) => m.rank)).toEqual([...a.experts!.map((m) => m.rank)].sort((x, y) => x - y));
    }
    for (const a of r.record.assignments) {
      expect(a.expertIds).toHaveLength(2);
      expect(a.expertRanks).toHaveLength(2);
      expect('expertShortfall' in a).toBe(false);
    }
    expect(r.record.rules.expertsPerTarget).toBe(2);
  });

  it('draws every eligible expert and records a structured shortfall when fewer are eligible, without failing the team', () => {
    const r = matchInspectors(targets, pool, { ...base, expertsPerTarget: 4 });
    expect(r.complete).toBe(true);
    expect(r.expertsComplete).toBe(false);
    for (const a of r.assignments) {
      expect(a.members).toHaveLength(2);
      expect(a.experts!.map((m) => m.inspectorId).sort()).toEqual(['E1', 'E2', 'E3']);
      expect(a.expertShortfall).toMatchObject({
        code: 'TOO_FEW_EXPERTS', requested: 4, assigned: 3,
        counts: { considered: 3, wrongDepartment: 0, suspended: 0, lackingExpertise: 0, recused: 0, eligible: 3, atWorkloadLimit: 0 },
      });
      expect(a.expertShortfall!.messageZh).toContain('专家');
      expect(a.expertShortfall!.messageEn).toContain('expert');
    }
    expect(r.record.assignments.every((a) => a.expertShortfall === 'TOO_FEW_EXPERTS')).toBe(true);
  });

  it('treats experts by their own eligibility: no certificate needed, active, right department, the required expert specialty', () => {
    const experts = [
      expert('E-nocert'),
      { ...expert('E-expired'), certificate: { number: 'x', validTo: '2020-01-01' } },
      expert('E-suspended', { status: 'suspended' }),
      expert('E-other', { department: '其他局' }),
      expert('E-food', { expertise: ['食品'] }),
    ];
    const r = matchInspectors([{ id: 'T' }], [inspector('A'), inspector('B'), ...experts], { ...base, expertsPerTarget: 3, requiredExpertExpertise: ['特种设备'] });
    const a = r.assignments[0]!;
    expect(a.experts!.map((m) => m.inspectorId).sort()).toEqual(['E-expired', 'E-nocert']);
    expect(a.expertShortfall).toMatchObject({
      code: 'TOO_FEW_EXPERTS', requested: 3, assigned: 2,
      counts: { considered: 5, wrongDepartment: 1, suspended: 1, lackingExpertise: 1, recused: 0, eligible: 2, atWorkloadLimit: 0 },
    });
    expect(r.record.rules.requiredExpertExpertise).toEqual(['特种设备']);
  });

  it('takes experts of cooperating departments in a joint inspection', () => {
    const r = matchInspectors([{ id: 'T' }], [inspector('A'), inspector('W', { department: '卫健委' }), expert('EW', { department: '卫健委' })], {
      ...base, cooperatingDepartments: ['卫健委'], expertsPerTarget: 1,
    });
    expect(expertIds(r, 'T')).toEqual(['EW']);
  });

  it('uses neighbouring experts only for targets staffed with the neighbouring pool', () => {
    const local = [inspector('L1'), inspector('L2'), inspector('L3', { unit: '城关所' })];
    const neighbourInspectors = [inspector('N1', { regionCode: '630104' }), expert('NX', { regionCode: '630104' })];
    const targets2 = [{ id: 'T1' }, { id: 'T2', supervisingUnit: '城关所' }];
    const r = matchInspectors(targets2, local, { ...base, maxTargetsPerInspector: 1, crossUnit: true, neighbourInspectors, expertsPerTarget: 1 });
    expect(r.complete).toBe(true);
    for (const a of r.assignments) {
      if (a.usedNeighbourPool) expect(a.experts!.map((m) => [m.inspectorId, m.neighbour])).toEqual([['NX', true]]);
      else expect(a.experts).toEqual([]);
    }
  });
});

describe('recusal and workload for experts', () => {
  it('never draws an expert recused for the target (declared, relative, request, 所所交叉)', () => {
    const pool = [inspector('A'), inspector('B'), expert('E-dec'), expert('E-rel'), expert('E-req'), expert('E-unit', { unit: '城关所' }), expert('E-ok')];
    const target = { id: 'T', supervisingUnit: '城关所', legalRepresentative: '甲某' };
    const options: MatchOptions = {
      ...base, expertsPerTarget: 5, crossUnit: true,
      conflicts: [{ inspectorId: 'E-dec', entityId: 'T', ground: 'interest' }],
      relatives: [{ inspectorId: 'E-rel', name: '甲某' }],
      recusalRequests: [{ entityId: 'T', inspectorId: 'E-req' }],
    };
    for (let s = 0; s < 20; s++) {
      const r = matchInspectors([target], pool, { ...options, seed: diceSeed(s, 2) });
      expect(expertIds(r, 'T')).toEqual(['E-ok']);
      expect(r.assignments[0]!.expertShortfall).toMatchObject({ code: 'TOO_FEW_EXPERTS', counts: { considered: 5, recused: 4, eligible: 1 } });
    }
  });

  it('shares maxTargetsPerInspector as the experts\' own limit and reports EXPERT_WORKLOAD_EXHAUSTED', () => {
    const pool = ['A', 'B', 'C', 'D', 'F', 'G'].map((id) => inspector(id));
    const r = matchInspectors(['T1', 'T2', 'T3'].map((id) => ({ id })), [...pool, expert('E1'), expert('E2')], { ...base, maxTargetsPerInspector: 1, expertsPerTarget: 1 });
    expect(r.complete).toBe(true);
    const given = r.assignments.flatMap((a) => a.experts!.map((m) => m.inspectorId));
    expect(given.sort()).toEqual(['E1', 'E2']);
    const short = r.assignments.filter((a) => a.expertShortfall !== undefined);
    expect(short).toHaveLength(1);
    expect(short[0]!.expertShortfall).toMatchObject({ code: 'EXPERT_WORKLOAD_EXHAUSTED', requested: 1, assigned: 0, counts: { eligible: 2, atWorkloadLimit: 2 } });
    expect(short[0]!.expertShortfall!.messageEn).toContain('workload');
  });

  it('fills every expert place whenever an assignment can: an earlier target never takes the only expert a later one may have', () => {
    // E-free may assist either target, E-half only T-a (recused for T-b); each assists at most once.
    const pool = ['A', 'B', 'C', 'D'].map((id) => inspector(id));
    const targets = [{ id: 'T-a' }, { id: 'T-b' }];
    for (let s = 0; s < 30; s++) {
      const r = matchInspectors(targets, [...pool, expert('E-free'), expert('E-half')], {
        ...base, seed: diceSeed(s, 3), maxTargetsPerInspector: 1, expertsPerTarget: 1,
        conflicts: [{ inspectorId: 'E-half', entityId: 'T-b', ground: 'other' }],
      });
      expect(r.expertsComplete).toBe(true);
      expect(expertIds(r, 'T-a')).toEqual(['E-half']);
      expect(expertIds(r, 'T-b')).toEqual(['E-free']);
    }
  });
});

describe('symmetry of the expert draw (fixed seeds, chi-square)', () => {
  it('picks every pair of 5 interchangeable experts equally often', () => {
    const pool = [inspector('A'), inspector('B'), ...['E1', 'E2', 'E3', 'E4', 'E5'].map((id) => expert(id))];
    const counts = new Map<string, number>();
    for (let s = 0; s < 1500; s++) {
      const r = matchInspectors([{ id: 'T' }], pool, { ...base, seed: diceSeed(s, 4), expertsPerTarget: 2 });
      const key = expertIds(r, 'T').sort().join('+');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(10);
    expect(chiSquarePValue([...counts.values()])).toBeGreaterThan(0.001);
  });

  it('keeps interchangeable experts equally likely beside a recused and an unqualified one, over two targets', () => {
    const pool = [...['A', 'B', 'C', 'D'].map((id) => inspector(id)), ...['E1', 'E2', 'E3', 'E4'].map((id) => expert(id)), expert('E5', { expertise: [] })];
    const counts = new Map<string, number>();
    for (let s = 0; s < 900; s++) {
      const r = matchInspectors([{ id: 'T1' }, { id: 'T2' }], pool, {
        ...base, seed: diceSeed(s, 5), expertsPerTarget: 1, requiredExpertExpertise: ['特种设备'],
        conflicts: [{ inspectorId: 'E4', entityId: 'T1', ground: 'interest' }],
      });
      const ids = expertIds(r, 'T1');
      expect(ids).toHaveLength(1);
      expect(ids).not.toContain('E4');
      expect(ids).not.toContain('E5');
      for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const c = ['E1', 'E2', 'E3'].map((id) => counts.get(id) ?? 0);
    expect(c.reduce((a, b) => a + b, 0)).toBe(900);
    expect(chiSquarePValue(c)).toBeGreaterThan(0.001);
  });
});

describe('re-draw after an expert recuses', () => {
  const pool = [...['A', 'B', 'C', 'D', 'F', 'G'].map((id) => inspector(id)), ...['E1', 'E2', 'E3', 'E4'].map((id) => expert(id))];
  const targets = ['T1', 'T2', 'T3'].map((id) => ({ id }));
  const options: MatchOptions = { ...base, maxTargetsPerInspector: 1, expertsPerTarget: 1 };

  it('replaces the expert with the first expert of the expert order who may assist, keeping everything else', () => {
    const first = matchInspectors(targets, pool, options);
    const a = first.assignments[0]!;
    const leaving = a.experts![0]!.inspectorId;
    const after = redrawForRecusal(first, targets, pool, { targetId: a.targetId, inspectorId: leaving, ground: 'interest' }, options);
    const b = after.assignments[0]!;
    expect(b.members).toEqual(a.members);
    const busy = new Set(first.assignments.slice(1).flatMap((x) => x.experts!.map((m) => m.inspectorId)));
    const free = ['E1', 'E2', 'E3', 'E4'].filter((id) => id !== leaving && !busy.has(id));
    expect(free).toHaveLength(1);
    expect(b.experts!.map((m) => m.inspectorId)).toEqual(free);
    expect(b.experts![0]!.rank).toBeGreaterThan(a.experts![0]!.rank);
    expect(after.assignments.slice(1)).toEqual(first.assignments.slice(1));
    expect(after.record.assignments).toEqual(first.record.assignments);
    expect(after.record.redraws).toEqual([{
      targetId: a.targetId, inspectorId: leaving, ground: 'interest',
      inspectorIds: a.members.map((m) => m.inspectorId), ranks: a.members.map((m) => m.rank),
      expertIds: free, expertRanks: [b.experts![0]!.rank],
    }]);
    const { seed: _s, label: _l, ...facts } = options;
    expect(verifyMatch(after.record, targets, pool, facts)).toMatchObject({ ok: true });

    // The replacement recuses too: nobody is left (the only other experts are busy), so a shortfall is recorded.
    const again = redrawForRecusal(after, targets, pool, { targetId: a.targetId, inspectorId: free[0]!, ground: 'other' }, options);
    const c = again.assignments[0]!;
    expect(c.members).toEqual(a.members);
    expect(c.experts).toEqual([]);
    expect(c.expertShortfall).toMatchObject({ code: 'EXPERT_WORKLOAD_EXHAUSTED', requested: 1, assigned: 0, counts: { recused: 2, eligible: 2, atWorkloadLimit: 2 } });
    expect(again.expertsComplete).toBe(false);
    expect(again.complete).toBe(true);
    expect(again.record.redraws[1]).toMatchObject({ expertIds: [], expertRanks: [] });
    expect(verifyMatch(again.record, targets, pool, facts)).toMatchObject({ ok: true });
  });

  it('keeps the experts when an enforcement inspector recuses, and releases them when the target becomes unstaffable', () => {
    const roomy = [...pool, inspector('H'), inspector('I')];
    const first = matchInspectors(targets, roomy, options);
    const a = first.assignments[1]!;
    const after = redrawForRecusal(first, targets, roomy, { targetId: a.targetId, inspectorId: a.members[0]!.inspectorId, ground: 'interest' }, options);
    const b = after.assignments[1]!;
    expect(b.targetId).toBe(a.targetId);
    expect(b.members.map((m) => m.inspectorId)).not.toContain(a.members[0]!.inspectorId);
    expect(b.experts).toEqual(a.experts);
    expect(after.record.redraws[0]!.expertIds).toEqual(a.experts!.map((m) => m.inspectorId));
    expect(verifyMatch(after.record, targets, roomy)).toMatchObject({ ok: true });

    const small = [...['A', 'B', 'C', 'D'].map((id) => inspector(id)), expert('E1'), expert('E2')];
    const two = [{ id: 'T1' }, { id: 'T2' }];
    const m = matchInspectors(two, small, options);
    const x = m.assignments[0]!;
    const gone = redrawForRecusal(m, two, small, { targetId: x.targetId, inspectorId: x.members[0]!.inspectorId, ground: 'interest' }, options);
    expect(gone.unstaffable[0]!.reason.code).toBe('RECUSED_AFTER_MATCH');
    expect(gone.record.redraws[0]).toMatchObject({ inspectorIds: [], expertIds: [], expertRanks: [] });
    expect(verifyMatch(gone.record, two, small)).toMatchObject({ ok: true });
  });

  it('refuses a person who is neither on the team nor among its experts', () => {
    const first = matchInspectors(targets, pool, options);
    const a = first.assignments[0]!;
    const outsider = ['E1', 'E2', 'E3', 'E4'].find((id) => !first.assignments.some((x) => x.experts!.some((m) => m.inspectorId === id)))!;
    const e = thrown(() => redrawForRecusal(first, targets, pool, { targetId: a.targetId, inspectorId: outsider, ground: 'interest' }, options));
    expect([e.code, e.path]).toEqual(['REDRAW_NOT_ASSIGNED', ['recusal', 'inspectorId']]);
  });
});

describe('verification of experts', () => {
  const pool = [...['A', 'B', 'C', 'D'].map((id) => inspector(id)), ...['E1', 'E2', 'E3'].map((id) => expert(id))];
  const targets = [{ id: 'T1' }, { id: 'T2' }];
  const options: MatchOptions = { ...base, expertsPerTarget: 2 };

  it('detects a tampered expert list, with the path to the first differing field', () => {
    const r = matchInspectors(targets, pool, options);
    expect(verifyMatch(r.record, targets, pool)).toMatchObject({ ok: true });
    const swapped = { ...r.record, assignments: r.record.assignments.map((a, j) => (j === 0 ? { ...a, expertIds: [...a.expertIds!].reverse() } : a)) };
    expect(verifyMatch(swapped, targets, pool)).toMatchObject({ ok: false, code: 'ASSIGNMENT_MISMATCH', path: ['assignments', 0, 'expertIds', 0] });
    const replaced = { ...r.record, assignments: r.record.assignments.map((a, j) => (j === 1 ? { ...a, expertIds: [a.expertIds![0]!, 'A'] } : a)) };
    expect(verifyMatch(replaced, targets, pool)).toMatchObject({ ok: false, code: 'ASSIGNMENT_MISMATCH', path: ['assignments', 1, 'expertIds', 1] });
    const dropped = { ...r.record, assignments: r.record.assignments.map(({ expertIds: _x, expertRanks: _y, ...a }) => a) };
    expect(verifyMatch(dropped, targets, pool)).toMatchObject({ ok: false, code: 'ASSIGNMENT_MISMATCH', path: ['assignments', 0, 'expertIds'] });
    const fewer = { ...r.record, rules: { ...r.record.rules, expertsPerTarget: 1 } };
    expect(verifyMatch(fewer, targets, pool)).toMatchObject({ ok: false, code: 'ASSIGNMENT_MISMATCH' });
    const zero = { ...r.record, rules: { ...r.record.rules, expertsPerTarget: 0 } };
    expect(verifyMatch(zero, targets, pool)).toMatchObject({ ok: false, code: 'RULES_NOT_NORMALISED', path: ['rules', 'expertsPerTarget'] });
    expect(verifyMatch(r.record, targets, pool, { conflicts: [{ inspectorId: 'E1', entityId: 'T1', ground: 'other' }] })).toMatchObject({ ok: false, code: 'RECUSALS_DIGEST_MISMATCH' });
    const malformed = { ...r.record, assignments: [{ ...r.record.assignments[0]!, expertIds: [1] as unknown as string[] }] };
    expect(verifyMatch(malformed, targets, pool)).toMatchObject({ ok: false, code: 'RECORD_MALFORMED', path: ['assignments', 0, 'expertIds'] });
  });

  it('applies the record\'s expert rules, not those passed with the facts', () => {
    const r = matchInspectors(targets, pool, base);
    const { seed: _s, label: _l, ...facts } = { ...options, expertsPerTarget: 3 };
    expect(verifyMatch(r.record, targets, pool, facts)).toMatchObject({ ok: true });
  });
});

describe('records without experts are unchanged', () => {
  const pool = ['A', 'B', 'C'].map((id) => inspector(id));

  it('writes no expert keys when no expert is requested, and expertsPerTarget 0 equals leaving it out', () => {
    const r = matchInspectors([{ id: 'T' }], pool, base);
    expect(Object.keys(r.record.rules)).toEqual(['date', 'department', 'cooperatingDepartments', 'departmentMinimums', 'teamSize', 'requiredExpertise', 'maxTargetsPerInspector', 'crossUnit', 'rotationYears']);
    expect(Object.keys(r.record.assignments[0]!)).toEqual(['targetId', 'targetTicket', 'stage', 'neighbourAllowed', 'inspectorIds', 'ranks']);
    expect(Object.keys(r.assignments[0]!)).toEqual(['targetId', 'targetTicket', 'usedNeighbourPool', 'members']);
    expect(Object.keys(r)).toEqual(['complete', 'assignments', 'unstaffable', 'unmatchedFacts', 'record']);
    expect(JSON.stringify(matchInspectors([{ id: 'T' }], pool, { ...base, expertsPerTarget: 0 }))).toBe(JSON.stringify(r));
  });
});

describe('expert options are validated', () => {
  const pool = ['A', 'B'].map((id) => inspector(id));
  it('rejects a bad expertsPerTarget and a requiredExpertExpertise without experts, with the path', () => {
    for (const bad of [-1, 1.5, '1', Number.NaN]) {
      const e = thrown(() => matchInspectors([{ id: 'T' }], pool, { ...base, expertsPerTarget: bad as number }));
      expect([e.code, e.path]).toEqual(['INVALID_MATCH_OPTIONS', ['expertsPerTarget']]);
    }
    const lonely = thrown(() => matchInspectors([{ id: 'T' }], pool, { ...base, requiredExpertExpertise: ['特种设备'] }));
    expect([lonely.code, lonely.path]).toEqual(['INVALID_MATCH_OPTIONS', ['requiredExpertExpertise']]);
    const empty = thrown(() => matchInspectors([{ id: 'T' }], pool, { ...base, expertsPerTarget: 1, requiredExpertExpertise: ['特种设备', ''] }));
    expect([empty.code, empty.path]).toEqual(['INVALID_MATCH_OPTIONS', ['requiredExpertExpertise', 1]]);
    const notArray = thrown(() => matchInspectors([{ id: 'T' }], pool, { ...base, expertsPerTarget: 1, requiredExpertExpertise: '特种设备' as never }));
    expect([notArray.code, notArray.path]).toEqual(['INVALID_MATCH_OPTIONS', ['requiredExpertExpertise']]);
    const typo = thrown(() => matchInspectors([{ id: 'T' }], pool, { ...base, expertsPertarget: 1 } as MatchOptions));
    expect([typo.code, typo.path]).toEqual(['INVALID_MATCH_OPTIONS', ['expertsPertarget']]);
  });
});
