import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchInspectors } from '../../src/match/index.js';
import type { Inspector } from '../../src/models/inspector.js';
import { CandidateOrder } from '../../src/match/internals/candidate-order.js';
import { instance } from './arbitrary.js';
import { orderFree, rotated } from './fixtures.js';
import { eligible, exists, validTeam } from './reference.js';

function statusEligible(p: Inspector, depts: Set<string>, date: string): boolean {
  const c = p.certificate;
  return depts.has(p.department) && !p.isExpert && p.status === 'active' && c !== undefined &&
    (c.validFrom === undefined || c.validFrom <= date) && (c.validTo === undefined || c.validTo >= date);
}

describe('matchInspectors against a brute-force enumerator (≤ 6 targets, ≤ 8 inspectors)', () => {
  it('finds a complete assignment exactly when one exists, every team obeys every rule, and the staffed set is maximal', () => {
    fc.assert(
      fc.property(instance(), ({ targets, inspectors, options }) => {
        const result = matchInspectors(targets, inspectors, options);
        expect(result.complete).toBe(exists(targets, inspectors, options));
        const byId = new Map(inspectors.map((p) => [p.id, p]));
        const load = new Map<string, number>();
        for (const a of result.assignments) {
          const t = targets.find((x) => x.id === a.targetId)!;
          const team = a.members.map((m) => byId.get(m.inspectorId)!);
          expect(validTeam(t, team, options)).toBe(true);
          for (const p of team) load.set(p.id, (load.get(p.id) ?? 0) + 1);
        }
        const cap = options.maxTargetsPerInspector ?? Infinity;
        for (const v of load.values()) expect(v).toBeLessThanOrEqual(cap);
        expect(result.assignments.length + result.unstaffable.length).toBe(targets.length);
        const staffed = targets.filter((t) => result.assignments.some((a) => a.targetId === t.id));
        for (const u of result.unstaffable) {
          const t = targets.find((x) => x.id === u.targetId)!;
          expect(exists([...staffed, t], inspectors, options)).toBe(false);
          expect(u.reason.messageZh.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('returns exactly the teams of the specified random-priority procedure (reference re-implementation)', () => {
    fc.assert(
      fc.property(instance(5, 7), ({ targets, inspectors, options }) => {
        const result = matchInspectors(targets, inspectors, options);
        const ticketOf = new Map([...result.assignments, ...result.unstaffable].map((a) => [a.targetId, a.targetTicket]));
        const order = [...targets].sort((a, b) => (ticketOf.get(a.id)! < ticketOf.get(b.id)! ? -1 : 1));
        const kept: typeof targets = [];
        for (const t of order) if (exists([...kept, t], inspectors, options)) kept.push(t);
        const depts = new Set([options.department, ...(options.cooperatingDepartments ?? [])]);
        const pool = inspectors.filter((p) => statusEligible(p, depts, options.date)).sort((a, b) => (a.id < b.id ? -1 : 1));
        const fixed = new Map<string, string[]>();
        const k = options.teamSize ?? 2;
        for (const t of kept) {
          const co = CandidateOrder.of(options.seed as string, options.label, t.id, pool.length);
          const team: string[] = [];
          for (let r = 0; team.length < k; r++) {
            const c = pool[co.at(r)]!;
            if (!eligible(t, c, options)) continue;
            fixed.set(t.id, [...team, c.id]);
            if (exists(kept, inspectors, options, fixed)) team.push(c.id);
            else fixed.set(t.id, team);
          }
          fixed.set(t.id, team);
        }
        expect(result.assignments.map((a) => a.targetId)).toEqual(kept.map((t) => t.id));
        for (const a of result.assignments) expect(a.members.map((m) => m.inspectorId)).toEqual(fixed.get(a.targetId));
      }),
      { numRuns: 80 },
    );
  });

  it('is order-independent: permuting targets, inspectors and recusal lists changes nothing', () => {
    fc.assert(
      fc.property(instance(), fc.nat(), ({ targets, inspectors, options }, salt) => {
        const rot = <T,>(xs: readonly T[]): T[] => rotated(xs, salt);
        const a = matchInspectors(targets, inspectors, options);
        const b = matchInspectors(rot(targets), rot(inspectors), {
          ...options,
          conflicts: rot(options.conflicts ?? []),
          recusalRequests: rot(options.recusalRequests ?? []),
        });
        expect(orderFree(b)).toBe(orderFree(a));
      }),
      { numRuns: 100 },
    );
  });
});
