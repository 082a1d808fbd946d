import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchInspectors, redrawForRecusal, verifyMatch } from '../../src/match/index.js';
import { denseExpertInstance, expertInstance } from './arbitrary.js';
import { orderFree, rotated } from './fixtures.js';
import { EXPERT_ORDER_TAG, expertEligible, expertPoolOf, recused, referenceExperts, specOrder } from './expert-reference.js';

describe('expert draw (专家) against a brute-force reference (≤ 5 targets, ≤ 4 experts)', () => {
  it('leaves the enforcement teams exactly as without experts', () => {
    fc.assert(
      fc.property(expertInstance(), ({ targets, inspectors, options }) => {
        const { expertsPerTarget: _e, requiredExpertExpertise: _r, ...without } = options;
        const a = matchInspectors(targets, inspectors, options);
        const b = matchInspectors(targets, inspectors, without);
        expect(a.assignments.map((x) => x.members)).toEqual(b.assignments.map((x) => x.members));
        expect(a.unstaffable).toEqual(b.unstaffable);
        expect(a.record.digests).toEqual(b.record.digests);
        expect(a.complete).toBe(b.complete);
      }),
      { numRuns: 100 },
    );
  });

  it('fills the maximum number of expert places, obeys every rule, and is the specified random-priority draw', () => {
    fc.assert(
      fc.property(fc.oneof(expertInstance(), denseExpertInstance()), ({ targets, inspectors, options }) => {
        const result = matchInspectors(targets, inspectors, options);
        const e = options.expertsPerTarget!;
        const everyone = new Map([...inspectors, ...(options.neighbourInspectors ?? [])].map((p) => [p.id, p]));
        const load = new Map<string, number>();
        let total = 0;
        for (const a of result.assignments) {
          const t = targets.find((x) => x.id === a.targetId)!;
          const experts = a.experts!;
          expect(experts.length).toBeLessThanOrEqual(e);
          expect(new Set(experts.map((m) => m.inspectorId)).size).toBe(experts.length);
          for (const m of experts) {
            const p = everyone.get(m.inspectorId)!;
            expect(expertEligible(p, options)).toBe(true);
            expect(recused(t, p, options)).toBe(false);
            expect(a.members.some((x) => x.inspectorId === m.inspectorId)).toBe(false);
            if (m.neighbour) expect(a.usedNeighbourPool).toBe(true);
            load.set(p.id, (load.get(p.id) ?? 0) + 1);
          }
          total += experts.length;
          expect(experts.map((m) => m.rank)).toEqual([...experts.map((m) => m.rank)].sort((x, y) => x - y));
          if (experts.length < e) {
            expect(a.expertShortfall).toMatchObject({ requested: e, assigned: experts.length });
            expect(['TOO_FEW_EXPERTS', 'EXPERT_WORKLOAD_EXHAUSTED']).toContain(a.expertShortfall!.code);
          } else {
            expect(a.expertShortfall).toBeUndefined();
          }
        }
        const cap = options.maxTargetsPerInspector ?? Infinity;
        for (const v of load.values()) expect(v).toBeLessThanOrEqual(cap);
        expect(result.expertsComplete).toBe(result.assignments.every((a) => a.experts!.length === e));
        const reference = referenceExperts(targets, inspectors, options, result);
        expect(total).toBe(reference.maximum);
        for (const a of result.assignments) expect(a.experts!.map((m) => m.inspectorId)).toEqual(reference.experts.get(a.targetId));
        const { seed: _s, label: _l, ...facts } = options;
        expect(verifyMatch(result.record, targets, inspectors, facts)).toMatchObject({ ok: true });
      }),
      { numRuns: 200 },
    );
  });

  it('is order-independent with experts', () => {
    fc.assert(
      fc.property(expertInstance(), fc.nat(), ({ targets, inspectors, options }, salt) => {
        const rot = <T,>(xs: readonly T[]): T[] => rotated(xs, salt);
        const a = matchInspectors(targets, inspectors, options);
        const b = matchInspectors(rot(targets), rot(inspectors), {
          ...options,
          conflicts: rot(options.conflicts ?? []),
          recusalRequests: rot(options.recusalRequests ?? []),
          relatives: rot(options.relatives ?? []),
          neighbourInspectors: rot(options.neighbourInspectors ?? []),
          ...(options.requiredExpertExpertise === undefined ? {} : { requiredExpertExpertise: rot(options.requiredExpertExpertise) }),
        });
        expect(orderFree(b)).toBe(orderFree(a));
      }),
      { numRuns: 80 },
    );
  });

  it('replaces a recusing expert from the expert order (or records the shortfall) and verifies', () => {
    fc.assert(
      fc.property(fc.oneof(expertInstance(), denseExpertInstance()), fc.nat(), ({ targets, inspectors, options }, pick) => {
        const first = matchInspectors(targets, inspectors, options);
        const withExperts = first.assignments.filter((a) => a.experts!.length > 0);
        if (withExperts.length === 0) return;
        const a = withExperts[pick % withExperts.length]!;
        const leaving = a.experts![pick % a.experts!.length]!.inspectorId;
        const after = redrawForRecusal(first, targets, inspectors, { targetId: a.targetId, inspectorId: leaving, ground: 'interest' }, options);
        const b = after.assignments.find((x) => x.targetId === a.targetId)!;
        expect(b.members).toEqual(a.members);
        const ids = b.experts!.map((m) => m.inspectorId);
        expect(ids).not.toContain(leaving);
        // The replacement, by the spec: the first expert of the expert order not assisting the target, allowed
        // (the day-of recusal included) and below the workload limit.
        const record = first.record.assignments.find((x) => x.targetId === a.targetId)!;
        const pool = expertPoolOf(inspectors, options, record.stage);
        const t = targets.find((x) => x.id === a.targetId)!;
        const remaining = a.experts!.map((m) => m.inspectorId).filter((id) => id !== leaving);
        const busy = new Map<string, number>();
        for (const x of first.assignments) for (const m of x.experts!) if (!(x.targetId === a.targetId && m.inspectorId === leaving)) busy.set(m.inspectorId, (busy.get(m.inspectorId) ?? 0) + 1);
        const neighbourIds = new Set((options.neighbourInspectors ?? []).map((p) => p.id));
        const cap0 = options.maxTargetsPerInspector ?? targets.length;
        const order = specOrder(EXPERT_ORDER_TAG, first.record.seed, first.record.label, a.targetId, pool.length);
        const next = order.map((x) => pool[x]!).find((p) =>
          !remaining.includes(p.id) && !recused(t, p, options, [{ targetId: a.targetId, inspectorId: leaving }]) &&
          (!neighbourIds.has(p.id) || record.neighbourAllowed) && (busy.get(p.id) ?? 0) < cap0);
        const expected = next === undefined ? remaining : [...remaining, next.id];
        expect([...ids].sort()).toEqual([...expected].sort());
        expect(b.expertShortfall === undefined).toBe(ids.length === options.expertsPerTarget);
        for (const x of after.assignments) if (x.targetId !== a.targetId) expect(x).toEqual(first.assignments.find((y) => y.targetId === x.targetId));
        const cap = options.maxTargetsPerInspector ?? Infinity;
        const load = new Map<string, number>();
        for (const x of after.assignments) for (const m of x.experts!) load.set(m.inspectorId, (load.get(m.inspectorId) ?? 0) + 1);
        for (const v of load.values()) expect(v).toBeLessThanOrEqual(cap);
        const { seed: _s, label: _l, ...facts } = options;
        expect(verifyMatch(after.record, targets, inspectors, facts)).toMatchObject({ ok: true });
      }),
      { numRuns: 80 },
    );
  });
});
