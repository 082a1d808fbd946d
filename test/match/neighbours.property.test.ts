/**
 * Issue 12 §3: guarantee (b) over the pool the rules allow. Whenever an assignment over the local and the
 * neighbouring inspectors staffs every target, every target is staffed; otherwise the staffed set is maximal over
 * that pool; neighbouring inspectors are drawn only by targets the restriction rule of docs/spec.md §M6 step 3
 * lets draw on them. Checked against a brute-force re-implementation of the rule on small instances, plus the
 * issue's minimal case and a symmetry test.
 */
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchInspectors, redrawForRecusal, verifyMatch, type MatchOptions, type MatchTarget } from '../../src/match/index.js';
import { CandidateOrder } from '../../src/match/internals/candidate-order.js';
import type { Inspector } from '../../src/models/inspector.js';
import { neighbourInstance } from './arbitrary.js';
import { diceSeed, inspector } from './fixtures.js';
import { eligible, exists } from './reference.js';

function statusEligible(p: Inspector, o: MatchOptions): boolean {
  const depts = new Set([o.department, ...(o.cooperatingDepartments ?? [])]);
  const c = p.certificate;
  return depts.has(p.department) && !p.isExpert && p.status === 'active' && c !== undefined &&
    (c.validFrom === undefined || c.validFrom <= o.date) && (c.validTo === undefined || c.validTo >= o.date);
}

/**
 * The procedure of docs/spec.md §M6 written directly from the text, by brute force: run 1 over the local pool;
 * if it leaves a target out and neighbours exist, run 2: phase 1 over local ∪ neighbouring inspectors with every
 * target allowed both (run 1's targets first, then the others, each in ticket order); restriction: each kept
 * target in that order is restricted to local inspectors when the kept set stays feasible; phase 2 over the
 * combined pool's candidate orders.
 */
function reference(targets: readonly MatchTarget[], local: readonly Inspector[], o: MatchOptions, ticketOf: ReadonlyMap<string, string>) {
  const neighbours = o.neighbourInspectors ?? [];
  const isNeighbour = new Set(neighbours.map((p) => p.id));
  const byTicket = [...targets].sort((a, b) => (ticketOf.get(a.id)! < ticketOf.get(b.id)! ? -1 : 1));
  const greedy = (order: readonly MatchTarget[], pool: readonly Inspector[], ok?: (t: MatchTarget, p: Inspector) => boolean) => {
    const kept: MatchTarget[] = [];
    for (const t of order) if (exists([...kept, t], pool, o, new Map(), ok)) kept.push(t);
    return kept;
  };
  const phase2 = (kept: readonly MatchTarget[], pool: readonly Inspector[], ok: (t: MatchTarget, p: Inspector) => boolean) => {
    const candidates = pool.filter((p) => statusEligible(p, o)).sort((a, b) => (a.id < b.id ? -1 : 1));
    const fixed = new Map<string, string[]>();
    const inOrder = [...kept].sort((a, b) => (ticketOf.get(a.id)! < ticketOf.get(b.id)! ? -1 : 1));
    for (const t of inOrder) {
      const order = CandidateOrder.of(o.seed as string, o.label, t.id, candidates.length);
      const team: string[] = [];
      for (let r = 0; team.length < (o.teamSize ?? 2); r++) {
        const c = candidates[order.at(r)]!;
        if (!eligible(t, c, o) || !ok(t, c)) continue;
        fixed.set(t.id, [...team, c.id]);
        if (exists(kept, pool, o, fixed, ok)) team.push(c.id);
        else fixed.set(t.id, team);
      }
      fixed.set(t.id, team);
    }
    return fixed;
  };
  const run1 = greedy(byTicket, local);
  if (run1.length === targets.length || neighbours.length === 0) {
    return { stage: 1, kept: run1, allowed: new Set<string>(), teams: phase2(run1, local, () => true) };
  }
  const combined = [...local, ...neighbours];
  const addOrder = [...run1, ...byTicket.filter((t) => !run1.includes(t))];
  const kept = greedy(addOrder, combined);
  const allowed = new Set(kept.map((t) => t.id));
  const ok = (set: ReadonlySet<string>) => (t: MatchTarget, p: Inspector) => !isNeighbour.has(p.id) || set.has(t.id);
  for (const t of addOrder) {
    if (!allowed.has(t.id)) continue;
    const without = new Set(allowed);
    without.delete(t.id);
    if (exists(kept, combined, o, new Map(), ok(without))) allowed.delete(t.id);
  }
  return { stage: 2, kept, allowed, teams: phase2(kept, combined, ok(allowed)) };
}

describe('neighbouring pool: complete and maximal over local ∪ neighbouring inspectors (brute force, ≤ 4 targets, ≤ 8 inspectors)', () => {
  it('staffs every target whenever some assignment over the combined pool does, else a maximal set; teams obey every rule', () => {
    fc.assert(
      fc.property(neighbourInstance(), ({ targets, inspectors, options }) => {
        const result = matchInspectors(targets, inspectors, options);
        const combined = [...inspectors, ...(options.neighbourInspectors ?? [])];
        expect(result.complete).toBe(exists(targets, combined, options));
        const staffed = targets.filter((t) => result.assignments.some((a) => a.targetId === t.id));
        for (const u of result.unstaffable) {
          const t = targets.find((x) => x.id === u.targetId)!;
          expect(exists([...staffed, t], combined, options)).toBe(false);
        }
        // Neighbouring inspectors only in teams of targets allowed them.
        for (const a of result.assignments) if (!a.usedNeighbourPool) expect(a.members.every((m) => !m.neighbour)).toBe(true);
        const { seed: _s, label: _l, ...facts } = options;
        expect(verifyMatch(result.record, targets, inspectors, facts)).toMatchObject({ ok: true });
      }),
      { numRuns: 300 },
    );
  });

  it('is exactly the specified procedure: same run, same targets, same targets allowed the neighbouring pool, same teams', () => {
    fc.assert(
      fc.property(neighbourInstance(), ({ targets, inspectors, options }) => {
        const result = matchInspectors(targets, inspectors, options);
        const ticketOf = new Map([...result.assignments, ...result.unstaffable].map((a) => [a.targetId, a.targetTicket]));
        const ref = reference(targets, inspectors, options, ticketOf);
        expect(result.assignments.map((a) => a.targetId)).toEqual([...ref.kept].sort((a, b) => (ticketOf.get(a.id)! < ticketOf.get(b.id)! ? -1 : 1)).map((t) => t.id));
        for (const a of result.assignments) {
          expect(a.members.map((m) => m.inspectorId)).toEqual(ref.teams.get(a.targetId));
          expect(a.usedNeighbourPool).toBe(ref.allowed.has(a.targetId));
        }
        for (const a of result.record.assignments) expect(a.stage).toBe(ref.stage);
      }),
      { numRuns: 200 },
    );
  });

  it('is the specified procedure with the exact search engine too (a specialty held across two departments with minimums)', () => {
    // Joint inspection, one 食品 holder needed, 食品 held in both departments: the composition rules are not nested,
    // so Feasible is the exhaustive search, restriction included.
    const crossing = neighbourInstance().map(({ targets, inspectors, options }) => {
      const mark = (p: Inspector, i: number): Inspector => ({ ...p, department: i % 2 === 0 ? '市监' : '卫健', expertise: i % 3 === 2 ? [] : ['食品'] });
      return {
        targets,
        inspectors: inspectors.map(mark),
        options: { ...options, cooperatingDepartments: ['卫健'], requiredExpertise: ['食品'], teamSize: 2, neighbourInspectors: (options.neighbourInspectors ?? []).map((p, i) => mark(p, i + 1)) },
      };
    });
    fc.assert(
      fc.property(crossing, ({ targets, inspectors, options }) => {
        const result = matchInspectors(targets, inspectors, options);
        const combined = [...inspectors, ...(options.neighbourInspectors ?? [])];
        expect(result.complete).toBe(exists(targets, combined, options));
        const ticketOf = new Map([...result.assignments, ...result.unstaffable].map((a) => [a.targetId, a.targetTicket]));
        const ref = reference(targets, inspectors, options, ticketOf);
        expect(result.assignments.map((a) => a.targetId).sort()).toEqual(ref.kept.map((t) => t.id).sort());
        for (const a of result.assignments) {
          expect(a.members.map((m) => m.inspectorId)).toEqual(ref.teams.get(a.targetId));
          expect(a.usedNeighbourPool).toBe(ref.allowed.has(a.targetId));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('re-draws within the allowance of the record and verifies', () => {
    fc.assert(
      fc.property(neighbourInstance(), fc.nat(), ({ targets, inspectors, options }, pick) => {
        const result = matchInspectors(targets, inspectors, options);
        fc.pre(result.assignments.length > 0);
        const a = result.assignments[pick % result.assignments.length]!;
        const leaving = a.members[pick % a.members.length]!.inspectorId;
        const after = redrawForRecusal(result, targets, inspectors, { targetId: a.targetId, inspectorId: leaving, ground: 'interest' }, options);
        const now = after.assignments.find((x) => x.targetId === a.targetId);
        if (now !== undefined) {
          expect(now.members.map((m) => m.inspectorId)).not.toContain(leaving);
          if (!a.usedNeighbourPool) expect(now.members.every((m) => !m.neighbour)).toBe(true);
        }
        const { seed: _s, label: _l, ...facts } = options;
        expect(verifyMatch(after.record, targets, inspectors, facts)).toMatchObject({ ok: true });
      }),
      { numRuns: 150 },
    );
  });
});

describe('the minimal case of issue 12 §3', () => {
  const local = [inspector('L1'), inspector('L2')];
  const neighbourInspectors = [inspector('N1', { regionCode: '630104' }), inspector('N2', { regionCode: '630104' })];
  const options: MatchOptions = {
    seed: '31415926535897932384', label: 'p2', date: '2025-07-01', department: '市场监管局', teamSize: 2, maxTargetsPerInspector: 1,
    conflicts: [{ inspectorId: 'N1', entityId: 'B', ground: 'interest' }, { inspectorId: 'N2', entityId: 'B', ground: 'interest' }],
    neighbourInspectors,
  };
  const targets = [{ id: 'A' }, { id: 'B' }];

  it('staffs A = {N1, N2} and B = {L1, L2} (before: A = {L1, L2}, B WORKLOAD_EXHAUSTED)', () => {
    const r = matchInspectors(targets, local, options);
    expect(r.complete).toBe(true);
    const team = (id: string) => r.assignments.find((a) => a.targetId === id)!;
    expect(team('A').members.map((m) => m.inspectorId).sort()).toEqual(['N1', 'N2']);
    expect(team('B').members.map((m) => m.inspectorId).sort()).toEqual(['L1', 'L2']);
    // A comes first in ticket order (run 1 kept it), yet A — not B — is the target that may draw on the neighbours.
    expect(r.assignments[0]!.targetId).toBe('A');
    expect(team('A').usedNeighbourPool).toBe(true);
    expect(team('B').usedNeighbourPool).toBe(false);
    expect(r.record.assignments.map((a) => [a.targetId, a.stage, a.neighbourAllowed])).toEqual([['A', 2, true], ['B', 2, false]]);
    expect(verifyMatch(r.record, targets, local, { conflicts: options.conflicts!, neighbourInspectors })).toMatchObject({ ok: true });
  });

  it('uses no neighbour at all when the local pool suffices, and a minimal set of targets otherwise', () => {
    const roomy = matchInspectors(targets, [...local, inspector('L3'), inspector('L4')], options);
    expect(roomy.complete).toBe(true);
    expect(roomy.assignments.every((a) => !a.usedNeighbourPool && a.members.every((m) => !m.neighbour))).toBe(true);
    expect(roomy.record.assignments.every((a) => a.stage === 1)).toBe(true);
  });
});

describe('symmetry with a neighbouring pool (fixed seeds, chi-square)', () => {
  it('draws the inspectors a target may have equally often, local and neighbouring alike, once it may draw on both', () => {
    // T has only L1 locally (L2 is recused), so it may draw on the neighbours; then L1, N1, N2, N3 are
    // interchangeable for it: each pair of them equally likely, each of them in half the teams.
    const local = [inspector('L1'), inspector('L2')];
    const neighbourInspectors = ['N1', 'N2', 'N3'].map((id) => inspector(id));
    const counts = new Map<string, number>();
    for (let s = 0; s < 900; s++) {
      const r = matchInspectors([{ id: 'T' }], local, {
        seed: diceSeed(s, 6), label: 'sym', date: '2025-07-01', department: '市场监管局', neighbourInspectors,
        conflicts: [{ inspectorId: 'L2', entityId: 'T', ground: 'other' }],
      });
      expect(r.assignments[0]!.usedNeighbourPool).toBe(true);
      const ids = r.assignments[0]!.members.map((m) => m.inspectorId).sort().join('+');
      expect(ids).not.toContain('L2');
      counts.set(ids, (counts.get(ids) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    const n = [...counts.values()];
    const expected = 900 / 6;
    const stat = n.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(1 - chisquareCdf(stat, 5)).toBeGreaterThan(0.001);
  });
});
